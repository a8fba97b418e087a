/**
 * The coach's and manager's dashboards, counted from the attempts a viewer may see: per trainee,
 * a heat map of neglected lines, a stage funnel and the most broken rules per scenario, and a
 * comparison of teams. Pure: the route reads the attempts and the viewer's time zone.
 */
import type { AttemptFacts } from '$lib/scoring/facts';
import { LINES, STAGES } from '$lib/scenario/types';
import { assertTimeZone, dayInZone } from '$lib/time-zone';
import type {
	BrokenRuleCount,
	DashboardAttempt,
	DashboardOptions,
	DashboardView,
	HeatCell,
	HeatRow,
	ScenarioSummary,
	TeamSummary,
	RosterEntry,
	TraineeSummary,
	TrendPoint
} from './dashboard-types';

const TOP_BROKEN_RULES = 5;

/** Counts everything the dashboards show from the attempts the viewer may see. */
export function buildDashboard(
	attempts: readonly DashboardAttempt[],
	options: DashboardOptions
): DashboardView {
	// Checked up front, so a bad zone is named even when there is nothing to count.
	assertTimeZone(options.timeZone);
	const toDay = (iso: string) => dayInZone(iso, options.timeZone);
	const byTrainee = groupBy(attempts, (a) => [a.traineeId, a.traineeName]);
	const byScenario = groupBy(attempts, (a) => [a.scenarioId, a.scenarioTitle]);

	return {
		timeZone: options.timeZone,
		trainees: withRoster(
			byTrainee.map((group) => traineeSummary(group, toDay)),
			options.roster ?? []
		),
		heatMap: { lines: LINES, rows: byTrainee.map(heatRow).filter(isJudged) },
		scenarios: byScenario.map(scenarioSummary),
		teams: options.showTeams ? teamSummaries(attempts) : null
	};
}

/** Groups by key, sorted by name and then key so the output never depends on input order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => [key: string, name: string]): T[][] {
	const groups = new Map<string, T[]>();
	for (const item of items) pushTo(groups, keyOf(item)[0], item);

	return [...groups.values()].sort((a, b) => {
		const [[keyA, nameA], [keyB, nameB]] = [keyOf(a[0]), keyOf(b[0])];
		return compareText(nameA, nameB) || compareText(keyA, keyB);
	});
}

function pushTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
	const group = groups.get(key);
	if (group) group.push(item);
	else groups.set(key, [item]);
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

type Finished = DashboardAttempt & { finishedAt: string };
type Scored = Finished & { score: number };

function isFinished(attempt: DashboardAttempt): attempt is Finished {
	return attempt.finishedAt !== null;
}

function scored(attempts: DashboardAttempt[]): Scored[] {
	return attempts.filter((a): a is Scored => isFinished(a) && a.score !== null);
}

function withFacts(attempts: DashboardAttempt[]): AttemptFacts[] {
	return attempts.filter(isFinished).flatMap((a) => (a.facts ? [a.facts] : []));
}

function mean(values: number[]): number | null {
	return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function traineeSummary(
	attempts: DashboardAttempt[],
	toDay: (iso: string) => string
): TraineeSummary {
	const finished = attempts.filter(isFinished);
	const scores = scored(attempts);

	return {
		traineeId: attempts[0].traineeId,
		traineeName: attempts[0].traineeName,
		attempts: attempts.length,
		finished: finished.length,
		best: scores.reduce<number | null>((best, a) => Math.max(best ?? a.score, a.score), null),
		latest: lastFinished(scores)?.score ?? null,
		passes: finished.filter((a) => a.passed === true).length,
		trend: trend(scores, toDay)
	};
}

/** The summaries and a zero one for each trainee on the roster without any, by name then id. */
function withRoster(summaries: TraineeSummary[], roster: readonly RosterEntry[]): TraineeSummary[] {
	const counted = new Set(summaries.map((summary) => summary.traineeId));
	const idle = roster
		.filter((trainee) => !counted.has(trainee.traineeId))
		.map(({ traineeId, traineeName }): TraineeSummary => {
			const zero = { attempts: 0, finished: 0, best: null, latest: null, passes: 0, trend: [] };
			return { traineeId, traineeName, ...zero };
		});

	return [...summaries, ...idle].sort(
		(a, b) => compareText(a.traineeName, b.traineeName) || compareText(a.traineeId, b.traineeId)
	);
}

/** The attempt finished last; two finished at the same instant are told apart by id. */
function lastFinished(scores: Scored[]): Scored | null {
	const order = (a: Scored, b: Scored) =>
		Date.parse(a.finishedAt) - Date.parse(b.finishedAt) || compareText(a.attemptId, b.attemptId);

	return scores.reduce<Scored | null>((a, b) => (a && order(a, b) > 0 ? a : b), null);
}

/** Scores bucketed by the viewer's calendar day of finishing, the mean per day, oldest first. */
function trend(scores: Scored[], toDay: (iso: string) => string): TrendPoint[] {
	const days = new Map<string, number[]>();
	for (const attempt of scores) pushTo(days, toDay(attempt.finishedAt), attempt.score);

	return [...days.entries()]
		.sort(([a], [b]) => compareText(a, b))
		.map(([day, values]) => ({ day, score: mean(values) ?? 0, attempts: values.length }));
}

function heatRow(attempts: DashboardAttempt[]): HeatRow {
	const facts = withFacts(attempts);
	const cells = LINES.map((line): HeatCell => {
		const judged = facts.filter((f) => f.coverage[line] !== undefined).length;
		const neglected = facts.filter((f) => f.coverage[line] === false).length;

		return { line, neglected, judged, rate: judged === 0 ? null : neglected / judged };
	});

	return { traineeId: attempts[0].traineeId, traineeName: attempts[0].traineeName, cells };
}

/** Whether any finished attempt of the row judged any line: rows of only "—" are left out. */
function isJudged(row: HeatRow): boolean {
	return row.cells.some((cell) => cell.judged > 0);
}

function scenarioSummary(attempts: DashboardAttempt[]): ScenarioSummary {
	const finished = attempts.filter((a) => isFinished(a) && a.facts !== null);
	const facts = withFacts(finished);
	const reachedIndex = facts.map((f) => STAGES.indexOf(f.stageReached));

	return {
		scenarioId: attempts[0].scenarioId,
		scenarioTitle: attempts[0].scenarioTitle,
		finished: finished.length,
		funnel: STAGES.map((stage, i) => ({
			stage,
			reached: reachedIndex.filter((index) => index >= i).length
		})),
		won: finished.filter((a) => a.outcome === 'won').length,
		brokenRules: mostBroken(facts)
	};
}

/** Counted once per attempt; ties go to the rule id, so the top five are always the same. */
function mostBroken(facts: AttemptFacts[]): BrokenRuleCount[] {
	const counts = new Map<string, BrokenRuleCount>();
	for (const { brokenSequencing } of facts) {
		const once = new Map(brokenSequencing.map((rule) => [rule.ruleId, rule.title]));
		for (const [ruleId, title] of once) {
			const count = (counts.get(ruleId)?.count ?? 0) + 1;
			counts.set(ruleId, { ruleId, title: counts.get(ruleId)?.title ?? title, count, share: 0 });
		}
	}

	return [...counts.values()]
		.sort((a, b) => b.count - a.count || compareText(a.ruleId, b.ruleId))
		.slice(0, TOP_BROKEN_RULES)
		.map((rule) => ({ ...rule, share: rule.count / facts.length }));
}

/** Teams by name, then the trainees who are in no team, if any. */
function teamSummaries(attempts: readonly DashboardAttempt[]): TeamSummary[] {
	const inTeams = attempts.filter((a) => a.teamId !== null);
	const groups = groupBy(inTeams, (a) => [a.teamId ?? '', a.teamName ?? '']);
	const teamless = attempts.filter((a) => a.teamId === null);

	return [...groups, ...(teamless.length ? [teamless] : [])].map(teamSummary);
}

function teamSummary(attempts: DashboardAttempt[]): TeamSummary {
	const finished = attempts.filter(isFinished);
	const passes = finished.filter((a) => a.passed === true).length;

	return {
		teamId: attempts[0].teamId,
		teamName: attempts[0].teamName,
		trainees: new Set(attempts.map((a) => a.traineeId)).size,
		attempts: attempts.length,
		meanScore: mean(scored(attempts).map((a) => a.score)),
		passRate: finished.length === 0 ? null : passes / finished.length
	};
}
