/**
 * Teams: a coach leads one or more teams; a trainee belongs to at most one. Kept in one small
 * file (`accounts/teams.json`). A team may grow past the span a coach can manage; the team
 * page flags it rather than refusing.
 */
import { randomUUID } from 'node:crypto';
import { nameCharacterProblem } from './name-text';
import { arrayOf, isoTime, nullable, object, string, type Check } from './schema';
import { getStore, type Store } from './store';

/** Good practice: no more than ten people per team lead. */
export const TEAM_SPAN = 10;
const MAX_TEAM_NAME = 60;

export interface Team {
	id: string;
	name: string;
	/** The coach who leads the team; null until a manager names one. */
	coachId: string | null;
	/** Trainee ids, in the order they joined. */
	memberIds: string[];
	createdAt: string;
}

const teamCheck: Check<Team> = object<Team>({
	id: string,
	name: string,
	coachId: nullable(string),
	memberIds: arrayOf(string),
	createdAt: isoTime
});

const TEAMS = {
	file: 'accounts/teams.json',
	check: object<{ teams: Team[] }>({ teams: arrayOf(teamCheck) })
};

export type TeamResult = { ok: true; team: Team } | { ok: false; error: string };

/** What is wrong with a team name, as an instruction; null when it will do. */
export function checkTeamName(name: string): string | null {
	const trimmed = name.trim();
	if (trimmed.length === 0) return 'Enter a team name, for example "East region".';
	if ([...trimmed].length > MAX_TEAM_NAME)
		return `Keep the team name to ${MAX_TEAM_NAME} characters or fewer.`;

	return nameCharacterProblem(trimmed, 'team name');
}

export interface TeamRepository {
	listTeams(): Promise<Team[]>;
	readTeam(id: string): Promise<Team | null>;
	createTeam(name: string, coachId: string | null): Promise<TeamResult>;
	setCoach(teamId: string, coachId: string | null): Promise<TeamResult>;
	/** Puts a trainee in the team, taking them out of any other team. */
	placeTrainee(teamId: string, traineeId: string): Promise<TeamResult>;
	removeTrainee(teamId: string, traineeId: string): Promise<TeamResult>;
}

export function teamsIn(store: Store): TeamRepository {
	async function listTeams(): Promise<Team[]> {
		return (await store.read(TEAMS))?.teams ?? [];
	}

	/** Changes one team inside the file's queue; `others` may adjust the remaining teams. */
	function changeTeam(
		teamId: string,
		change: (team: Team) => Team,
		others: (team: Team) => Team = (team) => team
	): Promise<TeamResult> {
		return store.update<{ teams: Team[] }, TeamResult>(TEAMS, (current) => {
			const teams = current?.teams ?? [];
			const team = teams.find((t) => t.id === teamId);
			if (!team) return { next: null, result: { ok: false, error: 'There is no such team.' } };
			const changed = change(team);
			const next = teams.map((t) => (t.id === teamId ? changed : others(t)));

			return { next: { teams: next }, result: { ok: true, team: changed } };
		});
	}

	async function createTeam(name: string, coachId: string | null): Promise<TeamResult> {
		const problem = checkTeamName(name);
		if (problem) return { ok: false, error: problem };
		const team: Team = {
			id: `t-${randomUUID()}`,
			name: name.trim(),
			coachId,
			memberIds: [],
			createdAt: store.now().toISOString()
		};

		return store.update<{ teams: Team[] }, TeamResult>(TEAMS, (current) => {
			const teams = current?.teams ?? [];
			const wanted = team.name.toLowerCase();
			if (teams.some((t) => t.name.toLowerCase() === wanted)) {
				const error = `There is a team called "${team.name}" already; choose another name.`;
				return { next: null, result: { ok: false, error } };
			}

			return { next: { teams: [...teams, team] }, result: { ok: true, team } };
		});
	}

	const without = (team: Team, traineeId: string): Team => ({
		...team,
		memberIds: team.memberIds.filter((id) => id !== traineeId)
	});

	return {
		listTeams,
		createTeam,
		readTeam: async (id) => (await listTeams()).find((team) => team.id === id) ?? null,
		setCoach: (teamId, coachId) => changeTeam(teamId, (team) => ({ ...team, coachId })),
		placeTrainee: (teamId, traineeId) =>
			changeTeam(
				teamId,
				(team) =>
					team.memberIds.includes(traineeId)
						? team
						: { ...team, memberIds: [...team.memberIds, traineeId] },
				(team) => without(team, traineeId)
			),
		removeTrainee: (teamId, traineeId) => changeTeam(teamId, (team) => without(team, traineeId))
	};
}

const app = (): TeamRepository => teamsIn(getStore());

export const listTeams = () => app().listTeams();
export const readTeam = (id: string) => app().readTeam(id);
export const createTeam = (name: string, coachId: string | null) => app().createTeam(name, coachId);
export const setCoach = (teamId: string, coachId: string | null) => app().setCoach(teamId, coachId);
export const placeTrainee = (teamId: string, traineeId: string) =>
	app().placeTrainee(teamId, traineeId);
export const removeTrainee = (teamId: string, traineeId: string) =>
	app().removeTrainee(teamId, traineeId);
