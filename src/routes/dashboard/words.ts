/**
 * The dashboard's words (site-wide pages are English) and the texts its charts are given: every
 * chart takes its title, description and table headings through a `text` prop.
 */
import { formatNumber, formatPercent } from '$lib/components/charts/geometry';
import type { Bar, BarChartText, HeatMapText, TrendText } from '$lib/components/charts/types';
import type { Line, Stage } from '$lib/scenario/types';
import type { ScenarioSummary, TeamSummary } from '$lib/views/dashboard-types';

/** The heat map's column heads, in the order of LINES. */
export const LINE_NAMES: Record<Line, string> = {
	user: 'User',
	technical: 'Technical',
	management: 'Management',
	procurement: 'Procurement',
	finance: 'Finance'
};

const STAGE_NAMES: Record<Stage, string> = {
	discovery: 'Discovery',
	specification: 'Specification',
	tender: 'Tender',
	decision: 'Decision'
};
const TABLE = 'The numbers';

export const HEAT_TEXT: HeatMapText = {
	title: 'Neglected lines by trainee',
	description:
		'For each trainee and line: of the finished attempts that judged the line, ' +
		'how many left it neglected. Darker is more often. ' +
		'A trainee with no finished attempt that judged a line has no row.',
	table: TABLE,
	trainee: 'Trainee',
	notJudged:
		'— no finished attempt judged the line. ' +
		'A trainee with no finished attempt that judged a line has no row.'
};

/** The trainees table's caption: who it lists, and how its days and scores are counted. */
export function traineesCaption(timeZone: string): string {
	return (
		'Every trainee these filters keep, with 0 attempts if none of theirs matches. ' +
		`Days are counted in ${timeZone}. Best and latest count overrides.`
	);
}

export const TEAMS_TEXT: BarChartText = {
	title: 'Mean score by team',
	description:
		"The mean score of each team's finished attempts, from 0 to 100, " +
		'and the share of them that passed.',
	table: TABLE,
	label: 'Team',
	value: 'Mean score · passed'
};

/** A score rounded down to a tenth, like a report's display: 69.96 is "69.9", not a pass. */
export function scoreText(score: number | null): string {
	return score === null ? '—' : (Math.floor(Math.round(score * 1e6) / 1e5) / 10).toFixed(1);
}

/** The words of one trainee's trend. */
export function trendText(name: string): TrendText {
	return {
		title: name,
		description: `${name}'s mean score per day, from 0 to 100, by the day each attempt finished.`,
		table: TABLE,
		day: 'Day',
		score: 'Mean score',
		attempts: 'Attempts'
	};
}

/** The funnel's steps: each stage named, with the attempts that reached it. */
export function funnelSteps(scenario: ScenarioSummary) {
	return scenario.funnel.map(({ stage, reached }) => ({
		label: STAGE_NAMES[stage],
		value: reached
	}));
}

export function funnelText(scenario: ScenarioSummary): BarChartText {
	const on = scenario.scenarioTitle;

	return {
		title: 'Stage reached',
		description: `How many finished attempts on ${on} reached each stage of the deal.`,
		table: TABLE,
		label: 'Stage',
		value: 'Attempts'
	};
}

export function rulesText(scenario: ScenarioSummary): BarChartText {
	const on = scenario.scenarioTitle;

	return {
		title: 'Most broken sequencing rules',
		description:
			`The sequencing rules most often broken on ${on}, ` +
			'with the share of finished attempts that broke each.',
		table: TABLE,
		label: 'Rule',
		value: 'Broken in'
	};
}

/** A bar per broken rule: how many attempts broke it and their share of the finished. */
export function ruleBars(scenario: ScenarioSummary): Bar[] {
	return scenario.brokenRules.map((rule) => ({
		label: rule.title,
		value: rule.count,
		display: `${rule.count} · ${formatPercent(rule.share)}`
	}));
}

/** A bar per team on a 0-100 scale: its mean score, written with its pass rate. */
export function teamBars(teams: TeamSummary[]): Bar[] {
	return teams.map((team) => ({
		label: team.teamName ?? 'In no team',
		value: team.meanScore ?? 0,
		display:
			team.meanScore === null
				? 'no finished attempt'
				: `${formatNumber(team.meanScore)} · ${formatPercent(team.passRate ?? 0)} passed`
	}));
}
