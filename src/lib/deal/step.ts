import type { Effect, LossTrigger, Scenario } from '../scenario/types';
import { CLOSE_MOVE_ID } from '../scenario/types';
import { conditionHolds, laterStage, stageAtWeek } from './conditions';
import { shiftStance, stanceValue } from './stances';
import type { DealContext, Outcome, TurnRecord } from './types';

/*
 * The game's rules as pure functions of (scenario, context). The machine calls them from its
 * named actions and guards; availability, replay and scoring call the same functions, so the
 * rules live in one place.
 */

/** Week 0, discovery, everyone at their written stance, nothing known or played. */
export function initialContext(scenario: Scenario): DealContext {
	const stances = Object.fromEntries(
		scenario.people.map((person) => [person.id, stanceValue(person.stance)])
	);
	const stage = stageAtWeek(scenario, 0);
	const start: TurnRecord = {
		seq: 0,
		moveId: '',
		line: null,
		weekBefore: 0,
		stageBefore: stage,
		week: 0,
		stage,
		stances,
		intel: [],
		revealed: []
	};

	return {
		week: 0,
		stage,
		stances,
		intel: [],
		played: {},
		timeline: [start],
		outcome: null
	};
}

/** The turn number the next move must carry. */
export function nextSeq(context: DealContext): number {
	return context.timeline.length;
}

/**
 * Spends the move's weeks and applies its effects. The clock stops at `weeks`, the week of the
 * award, so a long last move cannot push the close past it. The close move costs nothing.
 */
export function applyMove(scenario: Scenario, context: DealContext, moveId: string): DealContext {
	const move = scenario.moves.find((candidate) => candidate.id === moveId);
	if (!move) return context;

	const week = Math.min(scenario.weeks, context.week + move.cost);
	const timed = { ...context, week, stage: laterStage(context.stage, stageAtWeek(scenario, week)) };

	return move.effects.reduce((next, effect) => applyEffect(scenario, next, effect), timed);
}

function applyEffect(scenario: Scenario, context: DealContext, effect: Effect): DealContext {
	switch (effect.kind) {
		case 'stance':
			return { ...context, stances: shiftParty(scenario, context.stances, effect) };
		case 'reveal':
			if (context.intel.includes(effect.intel)) return context;
			return { ...context, intel: [...context.intel, effect.intel] };
		case 'stage':
			// A stage effect only moves the deal forward; the stage never goes back.
			return { ...context, stage: laterStage(context.stage, effect.stage) };
	}
}

/** A line effect moves every person on the line; a person effect moves that person. */
function shiftParty(
	scenario: Scenario,
	stances: Record<string, number>,
	effect: Extract<Effect, { kind: 'stance' }>
): Record<string, number> {
	const { party } = effect;
	const next = { ...stances };
	for (const person of scenario.people) {
		const isTarget = party.kind === 'line' ? person.line === party.line : person.id === party.id;
		if (isTarget) next[person.id] = shiftStance(next[person.id] ?? 0, effect.delta);
	}

	return next;
}

/**
 * Appends the turn to the timeline and counts the move. The timeline's last record is the
 * state before this turn, so it runs after `applyMove` and still knows where the move began.
 */
export function recordTurn(scenario: Scenario, context: DealContext, moveId: string): DealContext {
	const before = context.timeline[context.timeline.length - 1];
	const record: TurnRecord = {
		seq: context.timeline.length,
		moveId,
		line: scenario.moves.find((move) => move.id === moveId)?.line ?? null,
		weekBefore: before.week,
		stageBefore: before.stage,
		week: context.week,
		stage: context.stage,
		stances: context.stances,
		intel: context.intel,
		revealed: context.intel.filter((id) => !before.intel.includes(id))
	};

	return {
		...context,
		played: { ...context.played, [moveId]: (context.played[moveId] ?? 0) + 1 },
		timeline: [...context.timeline, record]
	};
}

function lastTurn(context: DealContext): TurnRecord | null {
	return context.timeline.length > 1 ? context.timeline[context.timeline.length - 1] : null;
}

/** The first loss, in the order written, that holds after the latest move; none before a move. */
export function triggeredLoss(scenario: Scenario, context: DealContext): LossTrigger | null {
	if (context.outcome || !lastTurn(context)) return null;

	return scenario.losses.find((loss) => conditionHolds(scenario, context, loss.when)) ?? null;
}

/** The customer decides once the bid is submitted or the clock reaches the award week. */
export function isDecisionDue(scenario: Scenario, context: DealContext): boolean {
	const turn = lastTurn(context);
	if (context.outcome || !turn) return false;

	return turn.moveId === CLOSE_MOVE_ID || context.week >= scenario.weeks;
}

export function isWinMet(scenario: Scenario, context: DealContext): boolean {
	return conditionHolds(scenario, context, scenario.decision.winWhen);
}

export function lossOutcome(context: DealContext, loss: LossTrigger): Outcome {
	return { result: 'lost', reason: loss.id, narrative: loss.narrative, turn: lastSeq(context) };
}

/** The award: won when the decision's `win when` holds, lost otherwise. */
export function decisionOutcome(scenario: Scenario, context: DealContext): Outcome {
	const isWon = isWinMet(scenario, context);

	return {
		result: isWon ? 'won' : 'lost',
		reason: 'decision',
		narrative: isWon ? scenario.decision.won : scenario.decision.lost,
		turn: lastSeq(context)
	};
}

function lastSeq(context: DealContext): number {
	return context.timeline.length - 1;
}
