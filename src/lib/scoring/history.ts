import type { ConditionState } from '../deal/conditions';
import { stageIndex } from '../deal/conditions';
import type { DealContext, TurnRecord } from '../deal/types';
import type { Act, Stage } from '../scenario/types';

/*
 * Questions scoring asks of a finished deal's timeline. Record 0 is the start (no move), so a
 * record's seq is its turn number and its index in the timeline.
 */

export function playedTurns(context: DealContext): TurnRecord[] {
	return context.timeline.slice(1);
}

export function lastRecord(context: DealContext): TurnRecord {
	return context.timeline[context.timeline.length - 1];
}

/** A line act is any move with the line; an intel act is the move that revealed it. */
export function isActIn(turn: TurnRecord, act: Act): boolean {
	if (act.kind === 'line') return turn.line === act.line;
	if (act.kind === 'move') return turn.moveId === act.id;

	return turn.revealed.includes(act.id);
}

export function firstTurnOf(context: DealContext, act: Act): TurnRecord | null {
	return playedTurns(context).find((turn) => isActIn(turn, act)) ?? null;
}

/**
 * The record of the move during which the stage began (record 0 when the deal starts in it),
 * or null when the deal never reached it.
 */
export function stageBeginning(context: DealContext, stage: Stage): TurnRecord | null {
	return context.timeline.find((turn) => stageIndex(turn.stage) >= stageIndex(stage)) ?? null;
}

/**
 * The record a `by STAGE` rule is judged at: the move during which the stage began, or the
 * last move when the rule says `end` or the deal closed before the stage.
 */
export function recordBy(context: DealContext, by: Stage | 'end'): TurnRecord {
	const begun = by === 'end' ? null : stageBeginning(context, by);

	return begun ?? lastRecord(context);
}

/** The deal as it stood when the turn began, for conditions judged "when the act happens". */
export function stateBefore(context: DealContext, turn: TurnRecord): ConditionState {
	const before = context.timeline[turn.seq - 1];
	const played: Record<string, number> = {};
	for (const earlier of context.timeline.slice(1, turn.seq)) {
		played[earlier.moveId] = (played[earlier.moveId] ?? 0) + 1;
	}

	return { stage: before.stage, stances: before.stances, intel: before.intel, played };
}
