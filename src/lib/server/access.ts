/**
 * Who may see what. A trainee sees their own attempts; a coach sees their own and those of the
 * trainees in the teams they lead; a manager sees everything. Every load and action asks here.
 */
import type { Person } from './accounts';
import { listTeams, type Team } from './teams';

/** The signed-in person a request is made for. */
export type Viewer = Person;

/** Whose attempts a viewer may see: everyone, or these trainee ids. */
export type Scope = { isEveryone: true } | { isEveryone: false; traineeIds: Set<string> };

/** The teams a viewer reviews: a coach's own, every team for a manager, none for a trainee. */
export async function teamsOf(viewer: Viewer): Promise<Team[]> {
	if (viewer.role === 'trainee') return [];
	const teams = await listTeams();

	return viewer.role === 'manager' ? teams : teams.filter((team) => team.coachId === viewer.id);
}

export async function scopeOf(viewer: Viewer): Promise<Scope> {
	if (viewer.role === 'manager') return { isEveryone: true };
	const traineeIds = new Set([viewer.id]);
	for (const team of await teamsOf(viewer)) {
		for (const id of team.memberIds) traineeIds.add(id);
	}

	return { isEveryone: false, traineeIds };
}

export function isInScope(scope: Scope, traineeId: string): boolean {
	return scope.isEveryone || scope.traineeIds.has(traineeId);
}

/** Whether the viewer may see attempts played by this trainee (or legacy key). */
export async function maySeeTrainee(viewer: Viewer, traineeId: string): Promise<boolean> {
	if (traineeId === viewer.id) return true;

	return isInScope(await scopeOf(viewer), traineeId);
}

/** Whether the viewer reviews others' work: coaches and managers. */
export function isReviewer(viewer: Viewer): boolean {
	return viewer.role === 'coach' || viewer.role === 'manager';
}
