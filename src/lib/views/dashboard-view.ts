/**
 * The coach's and manager's dashboards, counted from the attempts a viewer may see: per trainee,
 * a heat map of neglected lines, a stage funnel and the most broken rules per scenario, and a
 * comparison of teams. Pure: the route reads the attempts and the viewer's time zone.
 */
import type { AttemptFacts } from '$lib/scoring/facts';
import { LINES, STAGES, type Line, type Stage } from '$lib/scenario/types';
import { dayInZone as dayOfInstant, isValidTimeZone } from '$lib/time-zone';

/** One attempt as a dashboard sees it: its index entry, with names resolved. */
export interface DashboardAttempt {
	attemptId: string;
	traineeId: string;
	traineeName: string;
	teamId: string | null;
	teamName: string | null;
	scenarioId: string;
	scenarioTitle: string;
	/** ISO 8601, UTC. */
	startedAt: string;
	finishedAt: string | null;
	outcome: 'won' | 'lost' | null;
	/** The effective score, 0-100: a coach's override when there is one. */
	score: number | null;
	passed: boolean | null;
	/** Null while unfinished, and for attempts stored before facts were kept. */
	facts: AttemptFacts | null;
}

export interface DashboardOptions {
	/** The viewer's IANA time zone: the trend's days are the viewer's calendar days. */
	timeZone: string;
	showTeams: boolean;
}

/** The mean score of the attempts finished on one calendar day. */
export interface TrendPoint {
	day: string;
	score: number;
	attempts: number;
}

export interface TraineeSummary {
	traineeId: string;
	traineeName: string;
	attempts: number;
	finished: number;
	best: number | null;
	/** The score of the attempt finished last. */
	latest: number | null;
	passes: number;
	trend: TrendPoint[];
}

/** Of the finished attempts that judged the line, how many left it neglected. */
export interface HeatCell {
	line: Line;
	neglected: number;
	judged: number;
	/** neglected / judged; null when no attempt judged the line. */
	rate: number | null;
}

export interface HeatRow {
	traineeId: string;
	traineeName: string;
	/** One cell per line, in the order of LINES. */
	cells: HeatCell[];
}

/** How often a sequencing rule was broken, and in what share of the finished attempts. */
export interface BrokenRuleCount {
	ruleId: string;
	title: string;
	count: number;
	share: number;
}

export interface ScenarioSummary {
	scenarioId: string;
	scenarioTitle: string;
	/** Finished attempts with facts: the base of the funnel and of the shares. */
	finished: number;
	/** Per stage in STAGES order: the attempts that reached at least that stage. */
	funnel: { stage: Stage; reached: number }[];
	won: number;
	/** The five most broken sequencing rules, most broken first. */
	brokenRules: BrokenRuleCount[];
}

export interface TeamSummary {
	/** Null gathers the trainees who are in no team. */
	teamId: string | null;
	teamName: string | null;
	trainees: number;
	attempts: number;
	meanScore: number | null;
	/** Passes over finished attempts; null when none is finished. */
	passRate: number | null;
}

export interface DashboardView {
	timeZone: string;
	trainees: TraineeSummary[];
	heatMap: { lines: readonly Line[]; rows: HeatRow[] };
	scenarios: ScenarioSummary[];
	/** Null when the viewer is not shown teams. */
	teams: TeamSummary[] | null;
}

const TOP_BROKEN_RULES = 5;

/** Re-exported for the dashboard's tests and callers; `$lib/time-zone` owns them. */
export { isValidTimeZone };

/** The calendar day ("2026-03-02") an ISO instant falls on in the zone; refuses a non-time. */
export function dayInZone(iso: string, timeZone: string): string {
	if (Number.isNaN(Date.parse(iso))) throw new Error(`"${iso}" is not an ISO 8601 time.`);

	return dayOfInstant(iso, timeZone);
}

/** Days in the zone, checked once up front so a bad zone is named before any counting. */
function dayFormatter(timeZone: string): (iso: string) => string {
	if (!isValidTimeZone(timeZone)) {
		throw new Error(
			`Unknown time zone "${timeZone}": pass an IANA name such as "Europe/Berlin" or "UTC".`
		);
	}

	return (iso) => dayInZone(iso, timeZone);
}

/** Counts everything the dashboards show from the attempts the viewer may see. */
export function buildDashboard(
	attempts: readonly DashboardAttempt[],
	options: DashboardOptions
): DashboardView {
	const toDay = dayFormatter(options.timeZone);
	const byTrainee = groupBy(attempts, (a) => [a.traineeId, a.traineeName]);
	const byScenario = groupBy(attempts, (a) => [a.scenarioId, a.scenarioTitle]);

	return {
		timeZone: options.timeZone,
		trainees: byTrainee.map((group) => traineeSummary(group, toDay)),
		heatMap: { lines: LINES, rows: byTrainee.map(heatRow) },
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
