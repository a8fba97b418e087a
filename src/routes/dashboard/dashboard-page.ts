/**
 * What the dashboard page shows, from the trainees and attempts the filters kept: the counted
 * view, the rows of the chosen trainee's attempts, and the query strings its links carry. The
 * load reads.
 */
import {
	dashboardAttempt,
	isReversedPeriod,
	type Member,
	type ParsedFilters,
	type ReviewFilters,
	type ScopedAttempt
} from '$lib/server/review-scope';
import { minuteInZone } from '$lib/time-zone';
import { buildDashboard } from '$lib/views/dashboard-view';

/** One of the chosen trainee's attempts, as the list on the dashboard shows it. */
export interface AttemptRow {
	id: string;
	/** "2026-03-02 14:05" in the viewer's zone. */
	startedAt: string;
	scenarioTitle: string;
	outcome: 'won' | 'lost' | 'in progress';
	/** The score in force as shown ("72.5"), or "—" while unfinished. */
	score: string;
	isOverridden: boolean;
}

/** The zones the form suggests: every IANA name this runtime knows, and UTC. */
const ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

const PARAMS: [keyof ReviewFilters, string][] = [
	['teamId', 'team'],
	['scenarioId', 'scenario'],
	['traineeId', 'trainee'],
	['from', 'from'],
	['to', 'to'],
	['timeZone', 'tz']
];

/** The filters as a query string ("team=…&tz=UTC"), so links and downloads keep them. */
export function queryOf(filters: ReviewFilters): string {
	const query = new URLSearchParams();
	for (const [key, param] of PARAMS) {
		const value = filters[key];
		if (value) query.set(param, value);
	}

	return query.toString();
}

function attemptRow({ summary }: ScopedAttempt, timeZone: string): AttemptRow {
	return {
		id: summary.attemptId,
		startedAt: minuteInZone(summary.startedAt, timeZone),
		scenarioTitle: summary.scenarioTitle,
		outcome: summary.outcome ?? 'in progress',
		score: summary.override?.display ?? summary.scoreDisplay ?? '—',
		isOverridden: Boolean(summary.override)
	};
}

/** What the load read: the trainees the filters keep and those of their attempts they keep. */
export interface DashboardScope {
	members: Member[];
	scoped: ScopedAttempt[];
}

/** The page's data: the form's state, the counted dashboard and the links' queries. */
export function dashboardPage(
	parsed: ParsedFilters,
	{ members, scoped }: DashboardScope,
	isManager: boolean
) {
	const { filters, options, notices } = parsed;
	const showTeams = isManager || options.teams.length > 1;
	const chosen = options.trainees.find((trainee) => trainee.id === filters.traineeId) ?? null;
	// A period that ends before it starts shows nothing at all, not a table of zeros.
	const listed = isReversedPeriod(filters) ? [] : members;
	const roster = listed.map(({ trainee }) => ({
		traineeId: trainee.id,
		traineeName: trainee.name
	}));

	return {
		filters,
		options,
		notices,
		dashboard: buildDashboard(scoped.map(dashboardAttempt), {
			timeZone: filters.timeZone,
			showTeams,
			roster
		}),
		isEmpty: scoped.length === 0,
		zones: ZONES,
		query: queryOf(filters),
		traineeQueries: Object.fromEntries(
			options.trainees.map((t) => [t.id, queryOf({ ...filters, traineeId: t.id })])
		),
		chosen: chosen && {
			name: chosen.name,
			attempts: scoped.map((attempt) => attemptRow(attempt, filters.timeZone))
		}
	};
}
