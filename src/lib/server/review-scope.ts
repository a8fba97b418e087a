/**
 * What a coach or manager reviews: the attempts of the trainees in their scope, narrowed by the
 * dashboard's filters. The dashboard reads only the trainees' index files; the exports
 * (export/rows) read each attempt, its scenario version and its review as well.
 */
import type { DashboardAttempt } from '$lib/views/dashboard-types';
import { dayInZone } from '$lib/time-zone';
import { teamsOf, type Viewer } from './access';
import { listUsers, type User } from './accounts';
import { effectiveTotal, listAttemptsByTrainee, type AttemptSummary } from './attempts';
import { listScenarios } from './scenarios';

/** The dashboard's filters, checked; an absent one does not narrow. */
export interface ReviewFilters {
	/** The viewer's IANA time zone: `from` and `to` are calendar days there. */
	timeZone: string;
	teamId?: string;
	scenarioId?: string;
	traineeId?: string;
	/** YYYY-MM-DD, inclusive, compared with the day the attempt started. */
	from?: string;
	to?: string;
}

export interface TraineeRef {
	id: string;
	username: string;
	name: string;
}

export interface TeamRef {
	id: string;
	name: string;
}

/** A trainee the viewer reviews, with the team they are in (a trainee is in at most one). */
export interface Member {
	trainee: TraineeRef;
	team: TeamRef | null;
}

/** One line of a trainee's index, with whose it is. */
export interface ScopedAttempt extends Member {
	summary: AttemptSummary;
}

/** What the filter form offers: only what the viewer may pick. */
export interface FilterOptions {
	teams: TeamRef[];
	scenarios: { id: string; title: string }[];
	trainees: (TraineeRef & { team: string | null })[];
}

export interface ParsedFilters {
	filters: ReviewFilters;
	/** Sentences saying which query parameter was ignored, and why. */
	notices: string[];
	options: FilterOptions;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
	a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);

function traineeRef(users: User[], id: string): TraineeRef {
	const user = users.find((u) => u.id === id);

	return { id, username: user?.username ?? '', name: user?.name ?? 'A removed account' };
}

/** The trainees the viewer reviews: a coach's team members; for a manager every trainee too. */
export async function membersOf(viewer: Viewer): Promise<Member[]> {
	const [teams, users] = await Promise.all([teamsOf(viewer), listUsers()]);
	const ids = new Set(teams.flatMap((team) => team.memberIds));
	if (viewer.role === 'manager') {
		for (const user of users) if (user.role === 'trainee') ids.add(user.id);
	}

	return [...ids]
		.map((id): Member => {
			const team = teams.find((t) => t.memberIds.includes(id));
			return {
				trainee: traineeRef(users, id),
				team: team ? { id: team.id, name: team.name } : null
			};
		})
		.sort((a, b) => byName(a.trainee, b.trainee));
}

function isInPeriod(summary: AttemptSummary, filters: ReviewFilters): boolean {
	if (!filters.from && !filters.to) return true;
	const day = dayInZone(summary.startedAt, filters.timeZone);

	return (!filters.from || day >= filters.from) && (!filters.to || day <= filters.to);
}

/** The trainees in the viewer's scope that the team and trainee filters keep, by name. */
export async function membersInScope(viewer: Viewer, filters: ReviewFilters): Promise<Member[]> {
	return (await membersOf(viewer)).filter(
		(m) =>
			(!filters.teamId || m.team?.id === filters.teamId) &&
			(!filters.traineeId || m.trainee.id === filters.traineeId)
	);
}

/** Every index line of the members that the scenario and period filters keep, newest first. */
export async function attemptsOf(
	members: Member[],
	filters: ReviewFilters
): Promise<ScopedAttempt[]> {
	const lists = await Promise.all(
		members.map(async (member) =>
			(await listAttemptsByTrainee(member.trainee.id)).map((summary) => ({ ...member, summary }))
		)
	);

	return lists
		.flat()
		.filter(({ summary }) => !filters.scenarioId || summary.scenarioId === filters.scenarioId)
		.filter(({ summary }) => isInPeriod(summary, filters))
		.sort(
			(a, b) =>
				b.summary.startedAt.localeCompare(a.summary.startedAt) ||
				a.summary.attemptId.localeCompare(b.summary.attemptId)
		);
}

/**
 * Every index line of the trainees in the viewer's scope that the filters keep, newest first. A
 * team or trainee outside the scope keeps nothing: the scope is applied before the filters.
 */
export async function attemptsInScope(
	viewer: Viewer,
	filters: ReviewFilters
): Promise<ScopedAttempt[]> {
	return attemptsOf(await membersInScope(viewer, filters), filters);
}

/** An index line as the dashboard counts it: the score in force, override included. */
export function dashboardAttempt({ summary, trainee, team }: ScopedAttempt): DashboardAttempt {
	return {
		attemptId: summary.attemptId,
		traineeId: trainee.id,
		traineeName: trainee.name,
		teamId: team?.id ?? null,
		teamName: team?.name ?? null,
		scenarioId: summary.scenarioId,
		scenarioTitle: summary.scenarioTitle,
		startedAt: summary.startedAt,
		finishedAt: summary.finishedAt,
		outcome: summary.outcome,
		score: effectiveTotal(summary),
		passed: summary.override?.passed ?? summary.passed,
		facts: summary.facts ?? null
	};
}

/** A query value as typed, shortened so a notice stays one readable sentence. */
function quoted(value: string): string {
	return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

/** Whether the text is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
function isDay(text: string): boolean {
	if (!DAY.test(text)) return false;
	const midnight = new Date(`${text}T00:00:00Z`);

	// "2026-13-01" is no date at all; "2026-02-30" rolls over into March: neither is the day.
	return !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(text);
}

type Check = (value: string) => string | null;

/** A parameter's value if it passes `check`; else undefined, and the check's notice is kept. */
function checked(url: URL, name: string, check: Check, notices: string[]): string | undefined {
	const value = url.searchParams.get(name)?.trim();
	if (!value) return undefined;
	const notice = check(value);
	if (notice) notices.push(notice);

	return notice ? undefined : value;
}

/** Whether the period ends before it starts: no attempt falls in it. */
export function isReversedPeriod({ from, to }: Pick<ReviewFilters, 'from' | 'to'>): boolean {
	return !!from && !!to && from > to;
}

/** Both ends of the period as given; one that ends before it starts keeps nothing, and says so. */
function period(from: string | undefined, to: string | undefined, notices: string[]) {
	if (isReversedPeriod({ from, to })) {
		notices.push(
			`The period starts on ${from}, after it ends on ${to}, so no attempt falls in it ` +
				'and none is shown; swap the two dates.'
		);
	}

	return [from, to];
}

function dayCheck(which: 'start' | 'end'): Check {
	const form = 'enter it as YYYY-MM-DD, such as 2026-03-02';

	return (value) =>
		isDay(value) ? null : `The ${which} date ${quoted(value)} is not a date; ${form}.`;
}

async function optionsFor(viewer: Viewer, members: Member[]): Promise<FilterOptions> {
	const [teams, catalogue] = await Promise.all([teamsOf(viewer), listScenarios()]);

	return {
		teams: teams.map(({ id, name }) => ({ id, name })).sort(byName),
		scenarios: catalogue.scenarios
			.map(({ scenario }) => ({ id: scenario.id, title: scenario.title }))
			.sort((a, b) => a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id)),
		trainees: members.map(({ trainee, team }) => ({ ...trainee, team: team?.name ?? null }))
	};
}

/** A check that passes the ids of `choices` and words a notice for any other. */
function among(choices: { id: string }[], notice: (value: string) => string): Check {
	return (value) => (choices.some((choice) => choice.id === value) ? null : notice(value));
}

/**
 * A notice for a `tz` parameter given and not taken: the zone in use is what viewerTimeZone read
 * from the same URL, so any other value was refused, even one Intl would take once trimmed.
 */
function zoneNotice(url: URL, timeZone: string): string | null {
	const tz = url.searchParams.get('tz');
	if (!tz || tz === timeZone) return null;

	return `The time zone ${quoted(tz)} is unknown; days are shown in ${timeZone}.`;
}

/**
 * The filters in the URL, each checked against what the viewer may pick: a team, scenario or
 * trainee outside it and a day that is not one are ignored, each with a notice saying so.
 * `timeZone` is viewerTimeZone of the same URL; a `tz` it did not take gets a notice too.
 */
export async function parseFilters(
	url: URL,
	viewer: Viewer,
	timeZone: string
): Promise<ParsedFilters> {
	const options = await optionsFor(viewer, await membersOf(viewer));
	const zone = zoneNotice(url, timeZone);
	const notices: string[] = zone ? [zone] : [];
	const read = (name: string, check: Check) => checked(url, name, check, notices);
	const everyTeam = viewer.role === 'manager' ? 'every team' : 'all your teams';

	const teamId = read(
		'team',
		among(
			options.teams,
			(id) => `You review no team with the id ${quoted(id)}; showing ${everyTeam}.`
		)
	);
	const scenarioId = read(
		'scenario',
		among(options.scenarios, (id) => `There is no scenario ${quoted(id)}; showing every scenario.`)
	);
	const traineeId = read(
		'trainee',
		among(
			options.trainees,
			(id) => `You review no trainee with the id ${quoted(id)}; showing every trainee.`
		)
	);
	const [from, to] = period(read('from', dayCheck('start')), read('to', dayCheck('end')), notices);

	return { filters: { timeZone, teamId, scenarioId, traineeId, from, to }, notices, options };
}
