import type { Clause, Condition, Scenario, Stage } from '../scenario/types';
import { STAGES } from '../scenario/types';
import { partyStance, stanceValue } from './stances';
import type { DealContext } from './types';

/**
 * The part of the deal a condition reads. A DealContext is one; scoring builds one from a
 * timeline record to ask what held at an earlier turn.
 */
export type ConditionState = Pick<DealContext, 'stage' | 'stances' | 'intel' | 'played'>;

export function stageIndex(stage: Stage): number {
	return STAGES.indexOf(stage);
}

/** The latest stage whose start week the clock has reached. */
export function stageAtWeek(scenario: Scenario, week: number): Stage {
	return STAGES.reduce(
		(reached, stage) => (week >= scenario.stageStarts[stage] ? stage : reached),
		STAGES[0] as Stage
	);
}

export function laterStage(a: Stage, b: Stage): Stage {
	return stageIndex(a) >= stageIndex(b) ? a : b;
}

export function clauseHolds(scenario: Scenario, state: ConditionState, clause: Clause): boolean {
	switch (clause.kind) {
		case 'stage':
			return stageClauseHolds(state.stage, clause.relation, clause.stage);
		case 'stance':
			return stanceClauseHolds(scenario, state, clause);
		case 'played':
			return (state.played[clause.move] ?? 0) > 0 !== clause.negated;
		case 'knows':
			return state.intel.includes(clause.intel) !== clause.negated;
	}
}

function stageClauseHolds(current: Stage, relation: 'in' | 'before' | 'from', stage: Stage) {
	const difference = stageIndex(current) - stageIndex(stage);
	if (relation === 'in') return difference === 0;
	if (relation === 'before') return difference < 0;

	return difference >= 0;
}

/** A line without people has no stance, so neither bound holds for it. */
function stanceClauseHolds(
	scenario: Scenario,
	state: ConditionState,
	clause: Extract<Clause, { kind: 'stance' }>
): boolean {
	const current = partyStance(scenario, state.stances, clause.party);
	if (current === null) return false;

	const bound = stanceValue(clause.stance);

	return clause.relation === 'at least' ? current >= bound : current <= bound;
}

/** The index of the first clause that does not hold, or -1 when the condition holds. */
export function firstUnmetClause(
	scenario: Scenario,
	state: ConditionState,
	condition: Condition
): number {
	return condition.clauses.findIndex((clause) => !clauseHolds(scenario, state, clause));
}

export function conditionHolds(
	scenario: Scenario,
	state: ConditionState,
	condition: Condition
): boolean {
	return firstUnmetClause(scenario, state, condition) === -1;
}
