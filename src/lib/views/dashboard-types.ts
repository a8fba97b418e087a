/**
 * The shapes of the coach's and manager's dashboards: the attempts they count and what
 * `buildDashboard` makes of them, for the charts and the dashboard page to render.
 */
import type { AttemptFacts } from '$lib/scoring/facts';
import type { Line, Stage } from '$lib/scenario/types';

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
	/** Every trainee in scope: one whose attempts the filters all leave out is listed with 0. */
	roster?: readonly RosterEntry[];
}

/** A trainee on the dashboard's roster, by id and name. */
export interface RosterEntry {
	traineeId: string;
	traineeName: string;
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

/** A trainee's row; only trainees with at least one judged line have one. */
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
