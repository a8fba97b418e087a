import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { Scenario } from '../scenario/types';
import { CLOSE_MOVE_ID } from '../scenario/types';
import { checkMove, classifySeq } from './availability';
import { explainSeq } from './explain';
import { createDealMachine } from './machine';
import { nextSeq } from './step';
import type { DealContext, DealEvent, MoveLogEntry, Outcome } from './types';

export type DealMachine = ReturnType<typeof createDealMachine>;
export type DealSnapshot = SnapshotFrom<DealMachine>;

/** A replayed log: the deal as it stands after the last entry. */
export interface ReplayedDeal {
	ok: true;
	snapshot: DealSnapshot;
	context: DealContext;
	/** 'done' once the deal is won or lost, else 'active'. */
	status: DealSnapshot['status'];
	outcome: Outcome | null;
}

/** A log entry the deal refused, with the deal as it stood before that entry. */
export interface RefusedEntry {
	ok: false;
	seq: number;
	reason: string;
	snapshot: DealSnapshot;
}

export type ReplayResult = ReplayedDeal | RefusedEntry;

/** The machine event that plays a log entry: the close move has its own event. */
export function eventForEntry(entry: Pick<MoveLogEntry, 'seq' | 'moveId'>): DealEvent {
	if (entry.moveId === CLOSE_MOVE_ID) return { type: 'deal.close', seq: entry.seq };

	return { type: 'move.play', moveId: entry.moveId, seq: entry.seq };
}

/**
 * Rebuilds the deal from its move log with XState's pure `transition`, refusing the first
 * entry that is out of sequence or unavailable rather than skipping it: a log that does not
 * replay is a corrupt or foreign log, and the caller must know which turn broke it.
 */
export function replayDeal(
	scenario: Scenario,
	log: readonly Pick<MoveLogEntry, 'seq' | 'moveId'>[],
	machine: DealMachine = machineFor(scenario)
): ReplayResult {
	let [snapshot] = initialTransition(machine);
	for (const entry of log) {
		const reason = refusalOf(scenario, snapshot.context, entry);
		if (reason) return { ok: false, seq: entry.seq, reason, snapshot };

		[snapshot] = transition(machine, snapshot, eventForEntry(entry));
	}

	return settled(snapshot);
}

/** One more entry on a replayed deal: the same as replaying the longer log, without the replay. */
export function continueDeal(
	scenario: Scenario,
	deal: ReplayedDeal,
	entry: Pick<MoveLogEntry, 'seq' | 'moveId'>
): ReplayResult {
	const reason = refusalOf(scenario, deal.context, entry);
	if (reason) return { ok: false, seq: entry.seq, reason, snapshot: deal.snapshot };

	return settled(transition(machineFor(scenario), deal.snapshot, eventForEntry(entry))[0]);
}

function settled(snapshot: DealSnapshot): ReplayedDeal {
	const { context, status } = snapshot;

	return { ok: true, snapshot, context, status, outcome: context.outcome };
}

// Compiling is cheap but not free, and a scenario version never changes once parsed.
const MACHINES = new WeakMap<Scenario, DealMachine>();

/** The scenario's machine, compiled once per parsed scenario. */
export function machineFor(scenario: Scenario): DealMachine {
	let machine = MACHINES.get(scenario);
	if (!machine) {
		machine = createDealMachine(scenario);
		MACHINES.set(scenario, machine);
	}

	return machine;
}

function refusalOf(
	scenario: Scenario,
	context: DealContext,
	entry: Pick<MoveLogEntry, 'seq' | 'moveId'>
): string | null {
	if (classifySeq(context, entry.seq) !== 'next') {
		return explainSeq(scenario.language, entry.seq, nextSeq(context));
	}
	const check = checkMove(scenario, context, entry.moveId);

	return check.ok ? null : check.reason;
}
