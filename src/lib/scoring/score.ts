import type { DealContext, MoveLogEntry } from '../deal/types';
import { RULE_GROUPS, type Rule, type RuleGroup, type Scenario } from '../scenario/types';
import { judgeRule, type Judgement } from './checks';
import { detailTexts } from './details';
import type { RuleVerdict, ScoreReport } from './types';

/**
 * Scores a finished attempt: each rule with weight above 0 judged on the deal's timeline.
 * `context` is the deal replayed from `log`; the log must match it turn for turn.
 *
 * With no weighted rules, possible is 0: the total is 0 (there is nothing to divide) and the
 * attempt passes unless a blocker failed, since `earned * 100 >= passMark * possible` holds.
 */
export function scoreAttempt(
	scenario: Scenario,
	log: readonly MoveLogEntry[],
	context: DealContext
): ScoreReport {
	assertLogMatches(log, context);
	const verdicts = scenario.rules
		.filter((rule) => rule.weight > 0)
		.map((rule) => verdictOn(scenario, context, rule));
	const earned = sum(verdicts.map((verdict) => verdict.points));
	const possible = sum(verdicts.map((verdict) => verdict.weight));
	// A blocker the deal never put to the test is not a fault of the trainee's.
	const blockersFailed = verdicts.filter(
		(verdict) => verdict.blocker && !verdict.passed && verdict.isTested
	);

	return {
		total: possible === 0 ? 0 : (earned * 100) / possible,
		display: displayScore(earned, possible),
		passMark: scenario.passMark,
		passed: earned * 100 >= scenario.passMark * possible && blockersFailed.length === 0,
		earned,
		possible,
		groups: groupVerdicts(verdicts),
		blockersFailed
	};
}

/** Scoring a log against a different deal would judge moves that were never played. */
function assertLogMatches(log: readonly MoveLogEntry[], context: DealContext): void {
	const turns = context.timeline.slice(1);
	const isSame =
		log.length === turns.length &&
		log.every((entry, i) => entry.seq === turns[i].seq && entry.moveId === turns[i].moveId);
	if (!isSame) {
		throw new Error(
			`The move log (${log.length} entries) does not match the deal's ${turns.length} turns; replay the log with replayDeal and score that context.`
		);
	}
}

function verdictOn(scenario: Scenario, context: DealContext, rule: Rule): RuleVerdict {
	const judged = judgeRule(scenario, context, rule.check);
	const { passed, decidedBy, detail, isTested } = withOutcome(scenario, context, rule, judged);

	return {
		ruleId: rule.id,
		group: rule.group,
		title: rule.title,
		passed,
		isTested,
		weight: rule.weight,
		points: passed ? rule.weight : 0,
		blocker: rule.blocker,
		decidedBy: decidedBy && { seq: decidedBy.seq, moveId: decidedBy.moveId },
		detail,
		explanation: rule.explanation
	};
}

/**
 * A pass has to be earned. A rule that was never put to the test (nothing it watches happened)
 * passes only when the deal ran its course to the decision, not when a loss cut it short at
 * turn 1; and efficiency counts only for a deal that was won.
 */
function withOutcome(
	scenario: Scenario,
	context: DealContext,
	rule: Rule,
	judged: Judgement
): Judgement & { isTested: boolean } {
	const { outcome } = context;
	if (!outcome || !judged.passed) return { ...judged, isTested: true };

	const texts = detailTexts(scenario.language);
	const last = context.timeline[context.timeline.length - 1];
	if (rule.group === 'efficiency' && outcome.result === 'lost') {
		const detail = texts.lostNotEfficient(outcome.turn);
		return { passed: false, decidedBy: last, detail, isTested: false };
	}
	if (judged.decidedBy === null && outcome.reason !== 'decision') {
		const detail = texts.notReached(outcome.turn);
		return { passed: false, decidedBy: null, detail, isTested: false };
	}

	return { ...judged, isTested: true };
}

/**
 * earned/possible × 100 rounded down to one decimal, in integer arithmetic so that floating
 * error can never lift a 79.96 to "80.0": the tenths are ⌊earned × 1000 / possible⌋.
 */
export function displayScore(earned: number, possible: number): string {
	if (possible === 0) return '0.0';

	const scaled = earned * 1000;
	const tenths = (scaled - (scaled % possible)) / possible;

	return `${(tenths - (tenths % 10)) / 10}.${tenths % 10}`;
}

function sum(values: number[]): number {
	return values.reduce((total, value) => total + value, 0);
}

function groupVerdicts(verdicts: RuleVerdict[]): Record<RuleGroup, RuleVerdict[]> {
	const groups = Object.fromEntries(RULE_GROUPS.map((group) => [group, [] as RuleVerdict[]]));
	for (const verdict of verdicts) groups[verdict.group].push(verdict);

	return groups as Record<RuleGroup, RuleVerdict[]>;
}
