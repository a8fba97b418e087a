/**
 * The manager's people page: accounts, first passwords, and display-name histories waiting to
 * be given to an account.
 */
import {
	createUser,
	listUsers,
	readUser,
	setPasswordHash,
	type Fields,
	type Role
} from './accounts';
import type { Viewer } from './access';
import { claimHistory, listUnclaimed } from './legacy';
import { checkNewPassword, hashPassword } from './passwords';
import { endOtherSessions } from './sessions';
import { listTeams, placeTrainee } from './teams';

/** Managers create coaches and trainees; further managers come from the command line. */
const CREATABLE_ROLES: Role[] = ['trainee', 'coach'];

/** The order the page lists roles in, each group under its own heading. */
const ROLE_ORDER: Role[] = ['manager', 'coach', 'trainee'];

// Numbers in names count as numbers: "Extra 3" comes before "Extra 10".
const collator = new Intl.Collator(undefined, { numeric: true });

/** By name, then username, with numbers in them read as numbers. */
function byName(a: { name: string; username: string }, b: { name: string; username: string }) {
	return collator.compare(a.name, b.name) || collator.compare(a.username, b.username);
}

/** Every account, by name; the same accounts grouped by role in ROLE_ORDER; teams; histories. */
export async function peopleOverview() {
	const [users, teams, unclaimed] = await Promise.all([listUsers(), listTeams(), listUnclaimed()]);
	const teamOf = (id: string) => teams.find((team) => team.memberIds.includes(id))?.name ?? null;
	const leads = (id: string) => teams.filter((team) => team.coachId === id).map((t) => t.name);
	const people = users
		.map((user) => ({
			id: user.id,
			username: user.username,
			name: user.name,
			role: user.role,
			team: user.role === 'trainee' ? teamOf(user.id) : null,
			leads: user.role === 'coach' ? leads(user.id) : [],
			createdAt: user.createdAt
		}))
		.sort(byName);
	const groups = ROLE_ORDER.map((role) => ({
		role,
		people: people.filter((person) => person.role === role)
	})).filter((group) => group.people.length > 0);

	return { people, groups, teams: teams.map(({ id, name }) => ({ id, name })), unclaimed };
}

export interface NewPersonForm {
	username: string;
	name: string;
	role: string;
	password: string;
	teamId: string;
}

export type PersonResult =
	{ ok: true; username: string } | { ok: false; errors: Fields & { teamId?: string } };

export async function createPerson(viewer: Viewer, form: NewPersonForm): Promise<PersonResult> {
	const role = CREATABLE_ROLES.find((r) => r === form.role);
	if (!role) return { ok: false, errors: { role: 'Choose trainee or coach.' } };
	const teams = await listTeams();
	if (form.teamId && !teams.some((team) => team.id === form.teamId)) {
		return { ok: false, errors: { teamId: 'That team no longer exists; choose another.' } };
	}

	const created = await createUser({ ...form, role, createdById: viewer.id });
	if (!created.ok) return created;
	if (role === 'trainee' && form.teamId) await placeTrainee(form.teamId, created.user.id);

	return { ok: true, username: created.user.username };
}

/** Sets a new first password for someone who forgot theirs, ending their sessions. */
export async function resetPassword(userId: string, password: string): Promise<string | null> {
	const user = await readUser(userId);
	if (!user) return 'There is no such account.';
	// A manager's password is theirs to change (or the command line's): a stolen manager
	// session must not take over every manager account.
	if (user.role === 'manager') {
		return 'A manager changes their own password under their name; a forgotten one is reset with npm run manager:create -- --reset.';
	}
	const problem = checkNewPassword(password, user.username);
	if (problem) return problem;

	await setPasswordHash(user.id, await hashPassword(password));
	await endOtherSessions(user.id, null);

	return null;
}

/** Gives a display-name history to an account; a sentence when it cannot. */
export async function giveHistory(key: string, userId: string): Promise<string | null> {
	const user = await readUser(userId);
	if (user?.role !== 'trainee') return 'Choose the trainee to give these attempts to.';

	const given = await claimHistory(key, { id: user.id, name: user.name });

	return given ? null : 'Those attempts were given to an account already; reload the page.';
}
