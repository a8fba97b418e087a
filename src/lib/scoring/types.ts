import type { RuleGroup } from '../scenario/types';

/** The verdict on one rule, with the turn that decided it. */
export interface RuleVerdict {
	ruleId: string;
	group: RuleGroup;
	title: string;
	passed: boolean;
	/**
	 * False when the deal never put the rule to the test (a loss ended it early, or efficiency in
	 * a lost deal): it earns nothing, but neither is it held against the trainee as a fault.
	 */
	isTested: boolean;
	weight: number;
	/** Points earned: the weight when passed, else 0. */
	points: number;
	blocker: boolean;
	/** The deciding turn and move id; null when nothing decided it (e.g. an act never played). */
	decidedBy: { seq: number; moveId: string } | null;
	/** One sentence on why, in the scenario's language. */
	detail: string;
	explanation: string;
}

export interface ScoreReport {
	/** Exact score, 0-100, unrounded; use `display` to show it. */
	total: number;
	/** Rounded down to one decimal, as text ("79.9"): never shows a fail as a pass. */
	display: string;
	passMark: number;
	/** Score reached the pass mark and no blocker failed. */
	passed: boolean;
	earned: number;
	possible: number;
	groups: Record<RuleGroup, RuleVerdict[]>;
	/** Failed blockers, apart from points. */
	blockersFailed: RuleVerdict[];
}
