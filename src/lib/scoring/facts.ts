/**
 * The few facts a dashboard counts about one finished attempt, drawn from its score report and
 * final deal: kept in the trainee's index so a dashboard never opens attempt files or rescores.
 */
import type { DealContext } from '../deal/types';
import { LINES, type Line, type Rule, type Scenario, type Stage } from '../scenario/types';
import type { RuleVerdict, ScoreReport } from './types';

/** A sequencing rule the trainee broke, by id and by the title the coach gave it. */
export interface BrokenRule {
	ruleId: string;
	title: string;
}

export interface AttemptFacts {
	/**
	 * How far the deal got: 'decision' when the bid went in and the customer decided (won or
	 * lost there), else the stage a loss trigger ended it in.
	 */
	stageReached: Stage;
	/**
	 * Per line with at least one tested coverage rule: true when all of them passed. A line
	 * without people, or whose rules a loss never put to the test, is left out.
	 */
	coverage: Partial<Record<Line, boolean>>;
	/** Sequencing rules that were put to the test and failed, in the scenario's order. */
	brokenSequencing: BrokenRule[];
}

/** Reads the dashboard facts of a finished attempt from its report and final deal context. */
export function attemptFacts(
	scenario: Scenario,
	report: ScoreReport,
	context: DealContext
): AttemptFacts {
	return {
		stageReached: context.outcome?.reason === 'decision' ? 'decision' : context.stage,
		coverage: coverageByLine(scenario, report.groups.coverage),
		brokenSequencing: report.groups.sequencing
			.filter((verdict) => verdict.isTested && !verdict.passed)
			.map(({ ruleId, title }) => ({ ruleId, title }))
	};
}

/** The line a coverage rule judges: its `worked-by` line, or the line of its stance's party. */
export function coveredLine(scenario: Scenario, rule: Rule): Line | null {
	const { check } = rule;
	if (check.kind === 'worked-by') return check.line;
	if (check.kind !== 'stance-by') return null;
	if (check.party.kind === 'line') return check.party.line;
	const { id } = check.party;

	return scenario.people.find((person) => person.id === id)?.line ?? null;
}

function coverageByLine(
	scenario: Scenario,
	verdicts: RuleVerdict[]
): Partial<Record<Line, boolean>> {
	const rules = new Map(scenario.rules.map((rule) => [rule.id, rule]));
	const judged = new Map<Line, boolean>();
	for (const verdict of verdicts.filter((v) => v.isTested)) {
		const rule = rules.get(verdict.ruleId);
		const line = rule ? coveredLine(scenario, rule) : null;
		if (line) judged.set(line, (judged.get(line) ?? true) && verdict.passed);
	}

	// Built in the fixed order of the lines, so the stored JSON reads the same every time.
	return Object.fromEntries(
		LINES.filter((line) => judged.has(line)).map((l) => [l, judged.get(l)])
	);
}
