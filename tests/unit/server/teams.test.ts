import { describe, expect, it } from 'vitest';
import { teamsIn } from '../../../src/lib/server/teams';
import { freshStore, readBack } from './helpers';

async function twoTeams() {
	const store = freshStore();
	const teams = teamsIn(store);
	const east = await teams.createTeam('East region', 'u-coach-1');
	const west = await teams.createTeam('West region', null);
	if (!east.ok || !west.ok) throw new Error('teams not created');

	return { store, teams, east: east.team, west: west.team };
}

describe('team repository', () => {
	it('creates teams in accounts/teams.json with their coach', async () => {
		const { store, east, west } = await twoTeams();

		expect(readBack(store, 'accounts/teams.json')).toEqual({
			teams: [
				{
					id: east.id,
					name: 'East region',
					coachId: 'u-coach-1',
					memberIds: [],
					createdAt: east.createdAt
				},
				{
					id: west.id,
					name: 'West region',
					coachId: null,
					memberIds: [],
					createdAt: west.createdAt
				}
			]
		});
	});

	it.each([
		['', 'Enter a team name, for example "East region".'],
		['x'.repeat(61), 'Keep the team name to 60 characters or fewer.'],
		['east REGION', 'There is a team called "east REGION" already; choose another name.']
	])('refuses the team name %j', async (name, error) => {
		const { teams } = await twoTeams();

		expect(await teams.createTeam(name, null)).toEqual({ ok: false, error });
		expect(await teams.listTeams()).toHaveLength(2);
	});

	it('counts a team name in characters: sixty Chinese characters or emoji fit', async () => {
		const { teams } = await twoTeams();

		expect((await teams.createTeam('华'.repeat(60), null)).ok).toBe(true);
		expect((await teams.createTeam('🚀'.repeat(60), null)).ok).toBe(true);
		expect(await teams.createTeam('🚀'.repeat(61), null)).toEqual({
			ok: false,
			error: 'Keep the team name to 60 characters or fewer.'
		});
	});

	it('moves a trainee placed in a second team out of the first', async () => {
		const { teams, east, west } = await twoTeams();
		await teams.placeTrainee(east.id, 'u-ana');
		await teams.placeTrainee(east.id, 'u-bo');
		await teams.placeTrainee(west.id, 'u-ana');

		const [eastNow, westNow] = await teams.listTeams();
		expect(eastNow.memberIds).toEqual(['u-bo']);
		expect(westNow.memberIds).toEqual(['u-ana']);
	});

	it('places an eleventh member: a team past the span is allowed', async () => {
		const { teams, east } = await twoTeams();
		for (let i = 1; i <= 11; i += 1) await teams.placeTrainee(east.id, `u-${i}`);

		expect((await teams.readTeam(east.id))?.memberIds).toHaveLength(11);
	});

	it('removes a member, sets and clears the coach, and refuses an unknown team', async () => {
		const { teams, east } = await twoTeams();
		await teams.placeTrainee(east.id, 'u-ana');

		await teams.removeTrainee(east.id, 'u-ana');
		await teams.setCoach(east.id, 'u-coach-2');
		expect(await teams.readTeam(east.id)).toMatchObject({ memberIds: [], coachId: 'u-coach-2' });
		await teams.setCoach(east.id, null);
		expect((await teams.readTeam(east.id))?.coachId).toBeNull();
		expect(await teams.placeTrainee('t-nope', 'u-ana')).toEqual({
			ok: false,
			error: 'There is no such team.'
		});
	});
});
