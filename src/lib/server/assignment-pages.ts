/**
 * What the assignment pages show: a trainee's own assignments with where they stand, and a
 * coach's or manager's overview with one row per targeted trainee and the create form's
 * choices (creating and removing are in assignment-create). Days are the viewer's, in their
 * time zone.
 */
import {
	assignmentStatus,
	describePolicy,
	isAssignedTo,
	sortByUrgency,
	type Assignment,
	type AssignmentState,
	type AssignmentTarget
} from '$lib/assignment-status';
import { dayInZone } from '$lib/time-zone';
import { isInScope, scopeOf, teamsOf, type Viewer } from './access';
import { listUsers, type User } from './accounts';
import { mayRemove, traineesInReach } from './assignment-create';
import { listAssignments } from './assignments';
import { effectiveTotal, listAttemptsByTrainee, type AttemptSummary } from './attempts';
import { listScenarios } from './scenarios';
import { listTeams, type Team } from './teams';

/** Where one trainee stands on one assignment, in words and figures for a page. */
export interface Standing {
	state: AssignmentState;
	/** "Passed (late)", "Overdue", "Due", "Not passed yet": the due date is shown beside it. */
	stateText: string;
	isLate: boolean;
	/** The counted attempt's score as shown ("79.9"), a coach's override included. */
	score: string | null;
	countedAttemptId: string | null;
	attemptsCounted: number;
}

/** One of a trainee's assignments, as their home page lists it. */
export interface OwnAssignment extends Standing {
	id: string;
	scenarioId: string;
	scenarioTitle: string;
	dueDate: string;
	passMark: number;
	policyText: string;
}

/** One targeted trainee's line under an assignment on the coaches' page. */
export interface TraineeRow extends Standing {
	traineeId: string;
	traineeName: string;
}

/** An assignment on the coaches' page, with a row per trainee it targets now. */
export interface OverviewAssignment {
	id: string;
	scenarioId: string;
	scenarioTitle: string;
	/** "Team East region", or the trainee's name. */
	targetText: string;
	dueDate: string;
	passMark: number;
	policyText: string;
	createdByName: string;
	canRemove: boolean;
	rows: TraineeRow[];
}

/** What the create form offers: playable scenarios, and the teams and trainees in reach. */
export interface AssignmentChoices {
	scenarios: { id: string; title: string; passMark: number }[];
	teams: { id: string; name: string }[];
	trainees: { id: string; name: string }[];
	/** The viewer's date: the earliest due date the form accepts. */
	today: string;
}

export interface AssignmentsOverview {
	assignments: OverviewAssignment[];
	choices: AssignmentChoices;
}

interface Calendar {
	today: string;
	dayOf: (iso: string) => string;
}

function calendarIn(timeZone: string, now: Date): Calendar {
	return { today: dayInZone(now, timeZone), dayOf: (iso) => dayInZone(iso, timeZone) };
}

/** The state in words, as both pages show it beside the due date, which it does not repeat. */
function describeState(state: AssignmentState, isLate: boolean): string {
	if (state === 'passed') return isLate ? 'Passed (late)' : 'Passed';
	if (state === 'overdue') return 'Overdue';

	return state === 'due' ? 'Due' : 'Not passed yet';
}

/** Where a trainee stands, from their attempts (any scenario; only this one's count). */
function standingOf(
	assignment: Assignment,
	summaries: AttemptSummary[],
	calendar: Calendar
): Standing {
	const onScenario = summaries.filter((summary) => summary.scenarioId === assignment.scenarioId);
	const attempts = onScenario.map((summary) => ({
		attemptId: summary.attemptId,
		startedAt: summary.startedAt,
		finishedAt: summary.finishedAt,
		score: effectiveTotal(summary),
		// A reviewer's override re-judges the attempt on its score alone.
		isBlocked: !summary.override && summary.isBlocked === true
	}));
	const status = assignmentStatus({ assignment, attempts, ...calendar });
	const counted = onScenario.find((summary) => summary.attemptId === status.counted?.attemptId);

	return {
		state: status.state,
		stateText: describeState(status.state, status.isLate),
		isLate: status.isLate,
		score: counted ? (counted.override?.display ?? counted.scoreDisplay) : null,
		countedAttemptId: counted?.attemptId ?? null,
		attemptsCounted: status.attemptsCounted
	};
}

function fieldsOf(assignment: Assignment) {
	const { id, scenarioId, scenarioTitle, dueDate, passMark } = assignment;

	return {
		id,
		scenarioId,
		scenarioTitle,
		dueDate,
		passMark,
		policyText: describePolicy(assignment.policy)
	};
}

/** The viewer's assignments, set for them or their team, the most urgent first. */
export async function assignmentsForTrainee(
	viewer: Viewer,
	timeZone: string,
	now = new Date()
): Promise<OwnAssignment[]> {
	const teamIds = (await listTeams())
		.filter((team) => team.memberIds.includes(viewer.id))
		.map((team) => team.id);
	const mine = (await listAssignments()).filter((assignment) =>
		isAssignedTo(assignment, { id: viewer.id, teamIds })
	);
	const summaries = await listAttemptsByTrainee(viewer.id);
	const calendar = calendarIn(timeZone, now);
	const items = mine.map((assignment) => ({
		assignment,
		status: standingOf(assignment, summaries, calendar)
	}));

	return sortByUrgency(items).map(({ assignment, status }) => ({
		...fieldsOf(assignment),
		...status
	}));
}

/** The trainee ids an assignment targets now: a team's current members, or the one trainee. */
function targetedIds(target: AssignmentTarget, teams: Team[]): string[] {
	if (target.kind === 'trainee') return [target.traineeId];

	return teams.find((team) => team.id === target.teamId)?.memberIds ?? [];
}

function targetText(target: AssignmentTarget, teams: Team[], names: Map<string, string>): string {
	if (target.kind === 'trainee') return names.get(target.traineeId) ?? 'A removed account';
	const team = teams.find((candidate) => candidate.id === target.teamId);

	return team ? `Team ${team.name}` : 'A removed team';
}

/** Whether a coach follows an assignment: they made it, or it targets their teams' people. */
function isFollowedBy(viewer: Viewer, assignment: Assignment, ownTeams: Team[]): boolean {
	if (viewer.role === 'manager' || assignment.createdById === viewer.id) return true;
	const { target } = assignment;
	if (target.kind === 'team') return ownTeams.some((team) => team.id === target.teamId);

	return ownTeams.some((team) => team.memberIds.includes(target.traineeId));
}

/** Each trainee's attempts, read once per page however many assignments name them. */
function attemptReader(): (traineeId: string) => Promise<AttemptSummary[]> {
	const read = new Map<string, Promise<AttemptSummary[]>>();

	return (traineeId) => {
		let summaries = read.get(traineeId);
		if (!summaries) {
			summaries = listAttemptsByTrainee(traineeId);
			read.set(traineeId, summaries);
		}

		return summaries;
	};
}

/** Every assignment the viewer follows, with a row per trainee in reach, and the form's choices. */
export async function assignmentsOverview(
	viewer: Viewer,
	timeZone: string,
	now = new Date()
): Promise<AssignmentsOverview> {
	const [teams, users, ownTeams, scope] = await Promise.all([
		listTeams(),
		listUsers(),
		teamsOf(viewer),
		scopeOf(viewer)
	]);
	const names = new Map(users.map((user) => [user.id, user.name]));
	const attemptsOf = attemptReader();
	const calendar = calendarIn(timeZone, now);

	const followed = (await listAssignments()).filter((a) => isFollowedBy(viewer, a, ownTeams));
	const assignments = await Promise.all(
		followed.map(async (assignment) => {
			const ids = targetedIds(assignment.target, teams).filter((id) => isInScope(scope, id));
			const rows = await Promise.all(
				ids.map(async (traineeId) => ({
					traineeId,
					traineeName: names.get(traineeId) ?? traineeId,
					...standingOf(assignment, await attemptsOf(traineeId), calendar)
				}))
			);
			return {
				...fieldsOf(assignment),
				targetText: targetText(assignment.target, teams, names),
				createdByName: assignment.createdByName,
				canRemove: mayRemove(viewer, assignment),
				rows
			};
		})
	);

	return {
		assignments: assignments.sort(bySoonestDue),
		choices: await choicesFor(viewer, users, calendar.today)
	};
}

function bySoonestDue(a: OverviewAssignment, b: OverviewAssignment): number {
	return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0;
}

async function choicesFor(
	viewer: Viewer,
	users: User[],
	today: string
): Promise<AssignmentChoices> {
	const { scenarios } = await listScenarios();
	const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

	return {
		scenarios: scenarios
			.map(({ scenario }) => ({
				id: scenario.id,
				title: scenario.title,
				passMark: scenario.passMark
			}))
			.sort((a, b) => a.title.localeCompare(b.title)),
		teams: (await teamsOf(viewer)).map(({ id, name }) => ({ id, name })).sort(byName),
		trainees: (await traineesInReach(viewer, users))
			.map(({ id, name }) => ({ id, name }))
			.sort(byName),
		today
	};
}
