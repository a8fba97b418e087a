/**
 * The team pages: the teams a viewer reviews, one team's members and their results, and the
 * manager's changes to teams. A team past the span a coach can manage is flagged, not refused.
 */
import { listAttemptsByTrainee, effectiveTotal } from './attempts';
import { listUsers, readUser, type User } from './accounts';
import { teamsOf, type Viewer } from './access';
import {
	createTeam,
	listTeams,
	placeTrainee,
	removeTrainee,
	setCoach,
	TEAM_SPAN,
	type Team
} from './teams';

export { TEAM_SPAN };

const nameOf = (users: User[], id: string | null) =>
	users.find((user) => user.id === id)?.name ?? null;

/** The coaches a manager may name, with usernames to tell two of one name apart. */
const coachOptions = (users: User[]) =>
	users
		.filter((user) => user.role === 'coach')
		.map(({ id, name, username }) => ({ id, name, username }));

/**
 * The viewer's teams. Only a manager, who can change teams, also gets the list of coaches; a
 * coach sees their own teams and nobody else.
 */
export async function teamsOverview(viewer: Viewer) {
	const [teams, users] = await Promise.all([teamsOf(viewer), listUsers()]);
	const rows = teams.map((team) => ({
		id: team.id,
		name: team.name,
		coach: nameOf(users, team.coachId),
		members: team.memberIds.length,
		isOverSpan: team.memberIds.length > TEAM_SPAN
	}));
	if (viewer.role !== 'manager') return { teams: rows, canManage: false as const };

	return { teams: rows, canManage: true as const, coaches: coachOptions(users) };
}

/** A team the viewer reviews, or null (another coach's team answers as a missing one). */
export async function findTeam(viewer: Viewer, teamId: string): Promise<Team | null> {
	return (await teamsOf(viewer)).find((team) => team.id === teamId) ?? null;
}

async function memberRow(id: string, users: User[]) {
	const attempts = await listAttemptsByTrainee(id);
	const finished = attempts.filter((a) => a.finishedAt !== null);
	const scores = finished.map((a) => ({ score: effectiveTotal(a), display: display(a) }));
	const best = scores.reduce<(typeof scores)[number] | null>(
		(top, s) => (s.score !== null && (top === null || s.score > (top.score ?? -1)) ? s : top),
		null
	);

	return {
		id,
		name: nameOf(users, id) ?? 'A removed account',
		username: users.find((user) => user.id === id)?.username ?? '',
		attempts: attempts.length,
		finished: finished.length,
		best: best?.display ?? '—',
		latest: scores[0]?.display ?? '—',
		lastAttemptId: attempts[0]?.attemptId ?? null
	};
}

function display(summary: Awaited<ReturnType<typeof listAttemptsByTrainee>>[number]): string {
	return summary.override?.display ?? summary.scoreDisplay ?? '—';
}

/** What a manager needs to change a team: every coach, and every trainee not in it yet. */
function managerLists(team: Team, users: User[], teams: Team[]) {
	const teamOf = (id: string) => teams.find((t) => t.memberIds.includes(id))?.name ?? null;

	return {
		coaches: coachOptions(users),
		candidates: users
			.filter((u) => u.role === 'trainee' && !team.memberIds.includes(u.id))
			.map(({ id, name, username }) => ({ id, name, username, team: teamOf(id) }))
	};
}

/**
 * One team's members and results. Only a manager gets the lists for changing the team: a coach
 * sees their members, never the company's other coaches and trainees.
 */
export async function teamPage(viewer: Viewer, team: Team) {
	const [users, teams] = await Promise.all([listUsers(), listTeams()]);
	const members = await Promise.all(team.memberIds.map((id) => memberRow(id, users)));
	const page = {
		team: {
			id: team.id,
			name: team.name,
			coachId: team.coachId,
			coach: nameOf(users, team.coachId)
		},
		members,
		span: TEAM_SPAN,
		isOverSpan: members.length > TEAM_SPAN
	};
	if (viewer.role !== 'manager') return { ...page, canManage: false as const };

	return { ...page, canManage: true as const, ...managerLists(team, users, teams) };
}

/** A coach id a manager chose, checked to be a coach; '' means no coach. */
async function coachIdFrom(value: string): Promise<{ id: string | null } | { error: string }> {
	if (value === '') return { id: null };
	const user = await readUser(value);

	return user?.role === 'coach' ? { id: user.id } : { error: 'Choose a coach from the list.' };
}

export async function createTeamFor(name: string, coachValue: string) {
	const coach = await coachIdFrom(coachValue);
	if ('error' in coach) return { ok: false as const, error: coach.error };

	return createTeam(name, coach.id);
}

export async function setCoachFor(teamId: string, coachValue: string) {
	const coach = await coachIdFrom(coachValue);
	if ('error' in coach) return { ok: false as const, error: coach.error };

	return setCoach(teamId, coach.id);
}

export async function addMember(teamId: string, traineeId: string) {
	const user = await readUser(traineeId);
	if (user?.role !== 'trainee')
		return { ok: false as const, error: 'Choose a trainee from the list.' };

	return placeTrainee(teamId, traineeId);
}

export const removeMember = removeTrainee;
