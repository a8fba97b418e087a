import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttemptFacts } from '../../../src/lib/scoring/facts';
import type { RuleVerdict, ScoreReport } from '../../../src/lib/scoring/types';
import type { Viewer } from '../../../src/lib/server/access';
import type { Role } from '../../../src/lib/server/accounts';
import {
	createAssignmentFor,
	removeAssignmentFor
} from '../../../src/lib/server/assignment-create';
import {
	assignmentsForTrainee,
	assignmentsOverview,
	type OwnAssignment
} from '../../../src/lib/server/assignment-pages';
import { listAssignments } from '../../../src/lib/server/assignments';
import { attemptsIn } from '../../../src/lib/server/attempts';
import { getStore } from '../../../src/lib/server/store';
import { teamsIn } from '../../../src/lib/server/teams';
import { addPerson } from './helpers';

const CITY = 'Northbridge City Hospital — nursing documentation system';
const BUREAU = '市政务服务局 12345 热线智能工单平台';
const REACH = 'you can assign only to your own teams and their members.';
/** When every assignment in these tests is made. */
const ASSIGNED_AT = '2026-03-02T09:00:00.000Z';

const FACTS: AttemptFacts = { stageReached: 'decision', coverage: {}, brokenSequencing: [] };

// The app store and catalogue read these when first used, so setting them here is in time.
process.env.FIVE_LINES_CONTENT = 'content/scenarios';
const previousData = process.env.FIVE_LINES_DATA;
let dataDir = '';

beforeEach(() => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'five-lines-assignment-pages-'));
	process.env.FIVE_LINES_DATA = dataDir;
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(ASSIGNED_AT);
});

afterEach(() => {
	getStore().close();
	vi.useRealTimers();
	process.env.FIVE_LINES_DATA = previousData;
	rmSync(dataDir, { recursive: true, force: true });
});

/** A manager, two coaches and their teams: North (Ada: Mei, Lee) and West (Bo: Wu). */
async function organisation() {
	const person = (username: string, name: string, role: Role) =>
		addPerson(getStore(), username, name, role);
	const manager = await person('max', 'Max Manager', 'manager');
	const ada = await person('ada', 'Ada Coach', 'coach');
	const bo = await person('bo', 'Bo Coach', 'coach');
	const mei = await person('mei', 'Mei Chen', 'trainee');
	const lee = await person('lee', 'Lee Min', 'trainee');
	const wu = await person('wu', 'Wu Fang', 'trainee');

	const teams = teamsIn(getStore());
	const team = async (name: string, coachId: string, memberIds: string[]) => {
		const created = await teams.createTeam(name, coachId);
		if (!created.ok) throw new Error(created.error);
		for (const id of memberIds) await teams.placeTrainee(created.team.id, id);

		return created.team;
	};
	const north = await team('North', ada.id, [mei.id, lee.id]);
	const west = await team('West', bo.id, [wu.id]);

	return { manager, ada, bo, mei, lee, wu, north, west, teams };
}

function formOf(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.set(name, value);

	return form;
}

const DEFAULTS = { scenarioId: 'city-hospital', dueDate: '2026-03-10', passMark: '', policy: '' };

/** Assigns as the viewer would with the form, in UTC at the moment of assignment. */
async function assign(viewer: Viewer, fields: Record<string, string>) {
	const form = formOf({ ...DEFAULTS, ...fields });
	const result = await createAssignmentFor(viewer, form, 'UTC', new Date(ASSIGNED_AT));
	if (!result.ok) throw new Error(`Refused: ${JSON.stringify(result.errors)}`);

	return result.assignment;
}

/** The outcome blocker a lost deal fails. */
const LOST: RuleVerdict = {
	ruleId: 'won',
	group: 'outcome',
	title: 'Win the deal',
	passed: false,
	isTested: true,
	weight: 30,
	points: 0,
	blocker: true,
	decidedBy: { seq: 1, moveId: 'close' },
	detail: 'The deal was lost at turn 1.',
	explanation: ''
};

function report(total: number, display: string, isLost = false): ScoreReport {
	return {
		total,
		display,
		passMark: 70,
		passed: total >= 70 && !isLost,
		earned: 0,
		possible: 0,
		groups: { sequencing: [], coverage: [], outcome: [], efficiency: [] },
		blockersFailed: isLost ? [LOST] : []
	};
}

/** Starts an attempt at `startedAt` and, with a score, finishes it at `finishedAt`. */
async function play(
	traineeId: string,
	scenarioId: string,
	startedAt: string,
	finish: { at: string; total: number; display: string; isLost?: boolean } | null
) {
	const attempts = attemptsIn(getStore());
	vi.setSystemTime(startedAt);
	const attempt = await attempts.createAttempt({
		scenarioId,
		scenarioVersion: 'v1',
		trainee: traineeId,
		seed: 1
	});
	if (!finish) return attempt;

	const result = await attempts.appendMove(
		attempt.id,
		1,
		{ moveId: 'close', at: finish.at },
		() => ({
			outcome: { result: 'won', reason: 'decision', narrative: 'Won.', turn: 1 },
			report: report(finish.total, finish.display, finish.isLost),
			facts: FACTS
		})
	);

	return result.attempt;
}

/** The list keyed by policy, for assignments that differ only in it. */
function byPolicy(list: OwnAssignment[]) {
	return Object.fromEntries(
		list.map((item) => [
			item.policyText,
			{
				stateText: item.stateText,
				score: item.score,
				countedAttemptId: item.countedAttemptId,
				attemptsCounted: item.attemptsCounted
			}
		])
	);
}

describe('createAssignmentFor', () => {
	it('refuses a coach who assigns to another coach’s team, storing nothing', async () => {
		const { ada, west } = await organisation();
		const form = formOf({ ...DEFAULTS, target: `team:${west.id}` });
		const result = await createAssignmentFor(ada, form, 'UTC', new Date(ASSIGNED_AT));

		expect(result).toEqual({
			ok: false,
			errors: { target: `You do not lead the team "West"; ${REACH}` },
			values: { ...DEFAULTS, target: `team:${west.id}` }
		});
		expect(await listAssignments()).toEqual([]);
	});

	it('refuses a coach who assigns to a trainee outside their teams', async () => {
		const { ada, wu } = await organisation();
		const form = formOf({ ...DEFAULTS, target: `trainee:${wu.id}` });
		const result = await createAssignmentFor(ada, form, 'UTC', new Date(ASSIGNED_AT));

		expect(result.ok === false && result.errors).toEqual({
			target: `Wu Fang is not in a team you lead; ${REACH}`
		});
	});

	it('lets a manager assign to any team, taking the scenario’s own pass mark when left empty', async () => {
		const { manager, west } = await organisation();
		const assignment = await assign(manager, { target: `team:${west.id}` });

		expect(assignment).toMatchObject({
			scenarioId: 'city-hospital',
			scenarioTitle: CITY,
			target: { kind: 'team', teamId: west.id },
			dueDate: '2026-03-10',
			passMark: 70,
			policy: 'best',
			createdById: manager.id,
			createdByName: 'Max Manager',
			createdAt: ASSIGNED_AT
		});
		expect(await listAssignments()).toEqual([assignment]);
	});

	it('lets a coach assign to a trainee of their team with a pass mark and policy of their own', async () => {
		const { ada, lee } = await organisation();
		const assignment = await assign(ada, {
			target: `trainee:${lee.id}`,
			passMark: '85',
			policy: 'first'
		});

		expect(assignment).toMatchObject({
			target: { kind: 'trainee', traineeId: lee.id },
			passMark: 85,
			policy: 'first'
		});
	});

	// 20:00 UTC on 2 March is already 05:00 on 3 March in Tokyo.
	it.each([
		['UTC', '2026-03-02', null],
		[
			'Asia/Tokyo',
			'2026-03-02',
			'The due date 2026-03-02 has passed; choose today (2026-03-03) or a later day.'
		],
		['Asia/Tokyo', '2026-03-03', null],
		[
			'UTC',
			'2026-03-01',
			'The due date 2026-03-01 has passed; choose today (2026-03-02) or a later day.'
		]
	])('in %s, judges due date %s by the viewer’s day', async (zone, dueDate, expected) => {
		const { ada, north } = await organisation();
		const form = formOf({ ...DEFAULTS, dueDate, target: `team:${north.id}` });
		const result = await createAssignmentFor(ada, form, zone, new Date('2026-03-02T20:00:00Z'));

		expect(result.ok ? null : result.errors.dueDate).toBe(expected);
	});

	it('refuses a scenario that is not playable and a target that names no one, keeping the text', async () => {
		const { ada } = await organisation();
		const fields = { ...DEFAULTS, scenarioId: 'nowhere', target: 'someone:x' };
		const result = await createAssignmentFor(ada, formOf(fields), 'UTC', new Date(ASSIGNED_AT));

		expect(result).toEqual({
			ok: false,
			errors: {
				scenarioId: 'There is no playable scenario "nowhere"; choose one from the list.',
				target: 'Choose a trainee or a team from the list.'
			},
			values: fields
		});
	});

	it('reports what only the app knows and what the input tells in one refusal', async () => {
		const { ada, wu } = await organisation();
		const fields = { ...DEFAULTS, target: `trainee:${wu.id}`, passMark: '101' };
		const result = await createAssignmentFor(ada, formOf(fields), 'UTC', new Date(ASSIGNED_AT));

		expect(result).toEqual({
			ok: false,
			errors: {
				target: `Wu Fang is not in a team you lead; ${REACH}`,
				passMark: 'Enter the pass mark "101" as a whole number from 0 to 100, such as 70.'
			},
			values: fields
		});
		expect(await listAssignments()).toEqual([]);
	});

	it('assigns without a notice when no one has the scenario yet', async () => {
		const { ada, north } = await organisation();
		const form = formOf({ ...DEFAULTS, target: `team:${north.id}` });
		const result = await createAssignmentFor(ada, form, 'UTC', new Date(ASSIGNED_AT));

		expect(result.ok && result.notice).toBeNull();
	});

	it('assigns to a trainee who has the scenario through their team, and says so', async () => {
		const { ada, mei, north } = await organisation();
		await assign(ada, { target: `team:${north.id}`, dueDate: '2026-03-10' });
		await assign(ada, { target: `trainee:${mei.id}`, scenarioId: 'zh-city-bureau' });
		const form = formOf({ ...DEFAULTS, target: `trainee:${mei.id}`, dueDate: '2026-03-20' });
		const result = await createAssignmentFor(ada, form, 'UTC', new Date(ASSIGNED_AT));

		expect(result.ok && result.notice).toBe(
			'Already assigned this scenario: Mei Chen through Team North, due 2026-03-10. ' +
				'This assignment was made as well.'
		);
		expect(await listAssignments()).toHaveLength(3);
	});

	it('assigns to a team whose trainees have the scenario personally, naming them', async () => {
		const { ada, manager, mei, lee, wu, north } = await organisation();
		await assign(ada, { target: `trainee:${lee.id}`, dueDate: '2026-03-12' });
		await assign(manager, { target: `trainee:${mei.id}`, dueDate: '2026-03-14' });
		await assign(manager, { target: `trainee:${wu.id}` });
		const form = formOf({ ...DEFAULTS, target: `team:${north.id}` });
		const result = await createAssignmentFor(ada, form, 'UTC', new Date(ASSIGNED_AT));

		expect(result.ok && result.notice).toBe(
			'Already assigned this scenario: Lee Min personally, due 2026-03-12; ' +
				'Mei Chen personally, due 2026-03-14. This assignment was made as well.'
		);
	});

	it('assigns to a team that has the scenario already, and says so', async () => {
		const { ada, north } = await organisation();
		await assign(ada, { target: `team:${north.id}`, dueDate: '2026-03-10' });
		const form = formOf({ ...DEFAULTS, target: `team:${north.id}`, dueDate: '2026-03-31' });
		const result = await createAssignmentFor(ada, form, 'UTC', new Date(ASSIGNED_AT));

		expect(result.ok && result.notice).toBe(
			'Already assigned this scenario: Team North, due 2026-03-10. ' +
				'This assignment was made as well.'
		);
	});

	it('passes on the repository’s sentences for a pass mark and a missing target', async () => {
		const { ada } = await organisation();
		const result = await createAssignmentFor(
			ada,
			formOf({ ...DEFAULTS, passMark: '101', target: '' }),
			'UTC',
			new Date(ASSIGNED_AT)
		);

		expect(result.ok === false && result.errors).toEqual({
			target: 'Choose a trainee or a team to assign the scenario to.',
			passMark: 'Enter the pass mark "101" as a whole number from 0 to 100, such as 70.'
		});
	});
});

describe('assignmentsForTrainee', () => {
	it('lists team and personal assignments, soonest due first, and no one else’s', async () => {
		const { ada, bo, mei, lee, north, west } = await organisation();
		await assign(ada, { target: `team:${north.id}`, dueDate: '2026-03-10' });
		await assign(ada, {
			target: `trainee:${mei.id}`,
			scenarioId: 'zh-city-bureau',
			dueDate: '2026-03-09'
		});
		await assign(ada, { target: `trainee:${lee.id}` });
		await assign(bo, { target: `team:${west.id}` });

		const list = await assignmentsForTrainee(mei, 'UTC', new Date('2026-03-04T12:00:00Z'));

		expect(list).toEqual([
			{
				id: expect.any(String),
				scenarioId: 'zh-city-bureau',
				scenarioTitle: BUREAU,
				dueDate: '2026-03-09',
				passMark: 70,
				policyText: 'Best attempt counts',
				state: 'due',
				stateText: 'Due',
				isLate: false,
				score: null,
				countedAttemptId: null,
				attemptsCounted: 0
			},
			expect.objectContaining({ scenarioTitle: CITY, dueDate: '2026-03-10', stateText: 'Due' })
		]);
	});

	it('reads team membership now: a trainee who moves sees the new team’s assignments', async () => {
		const { ada, bo, wu, north, west, teams } = await organisation();
		await assign(ada, { target: `team:${north.id}`, dueDate: '2026-03-10' });
		await assign(bo, { target: `team:${west.id}`, dueDate: '2026-03-11' });
		await teams.placeTrainee(north.id, wu.id);

		const list = await assignmentsForTrainee(wu, 'UTC', new Date('2026-03-04T12:00:00Z'));

		expect(list.map((item) => item.dueDate)).toEqual(['2026-03-10']);
	});

	it('counts the best, latest or first finished attempt on the scenario since assignment', async () => {
		const { ada, mei } = await organisation();
		// Before the assignment: never counts, however good.
		await play(mei.id, 'city-hospital', '2026-03-01T09:00:00Z', {
			at: '2026-03-01T09:30:00Z',
			total: 99,
			display: '99.0'
		});
		vi.setSystemTime(ASSIGNED_AT);
		for (const policy of ['best', 'latest', 'first']) {
			await assign(ada, { target: `trainee:${mei.id}`, policy });
		}
		const first = await play(mei.id, 'city-hospital', '2026-03-03T09:00:00Z', {
			at: '2026-03-03T09:30:00Z',
			total: 60.5,
			display: '60.5'
		});
		const second = await play(mei.id, 'city-hospital', '2026-03-04T09:00:00Z', {
			at: '2026-03-04T09:30:00Z',
			total: 85.25,
			display: '85.2'
		});
		const third = await play(mei.id, 'city-hospital', '2026-03-05T09:00:00Z', {
			at: '2026-03-05T09:30:00Z',
			total: 75,
			display: '75.0'
		});
		// Another scenario and an unfinished attempt: neither counts.
		await play(mei.id, 'zh-city-bureau', '2026-03-05T10:00:00Z', {
			at: '2026-03-05T10:30:00Z',
			total: 95,
			display: '95.0'
		});
		await play(mei.id, 'city-hospital', '2026-03-06T09:00:00Z', null);
		const now = new Date('2026-03-06T12:00:00Z');

		expect(byPolicy(await assignmentsForTrainee(mei, 'UTC', now))).toEqual({
			'Best attempt counts': {
				stateText: 'Passed',
				score: '85.2',
				countedAttemptId: second.id,
				attemptsCounted: 3
			},
			'Latest attempt counts': {
				stateText: 'Passed',
				score: '75.0',
				countedAttemptId: third.id,
				attemptsCounted: 3
			},
			'First attempt counts': {
				stateText: 'Not passed yet',
				score: '60.5',
				countedAttemptId: first.id,
				attemptsCounted: 3
			}
		});

		// A coach's override of the first attempt is the score that counts from then on.
		await attemptsIn(getStore()).setSummaryOverride(first, {
			score: 71,
			display: '71.0',
			passed: true
		});
		const overridden = byPolicy(await assignmentsForTrainee(mei, 'UTC', now));
		expect(overridden['First attempt counts']).toMatchObject({
			stateText: 'Passed',
			score: '71.0'
		});
		expect(overridden['Best attempt counts']).toMatchObject({ score: '85.2' });
	});

	it('does not pass an assignment with a lost deal, whatever its score, until a reviewer overrides it', async () => {
		const { ada, mei } = await organisation();
		await assign(ada, { target: `trainee:${mei.id}`, dueDate: '2026-03-20' });
		const lost = await play(mei.id, 'city-hospital', '2026-03-04T09:00:00Z', {
			at: '2026-03-04T09:40:00Z',
			total: 80,
			display: '80.0',
			isLost: true
		});
		const now = new Date('2026-03-05T12:00:00Z');

		expect((await assignmentsForTrainee(mei, 'UTC', now))[0]).toMatchObject({
			stateText: 'Not passed yet',
			score: '80.0'
		});
		await attemptsIn(getStore()).setSummaryOverride(lost, {
			score: 80,
			display: '80.0',
			passed: true
		});
		expect((await assignmentsForTrainee(mei, 'UTC', now))[0]).toMatchObject({
			stateText: 'Passed'
		});
	});

	// The attempt finishes at 20:00 UTC on the due date: 05:00 the next day in Tokyo.
	it.each([
		['UTC', '2026-03-05T21:00:00Z', ['Due', 'Passed']],
		['Asia/Tokyo', '2026-03-05T21:00:00Z', ['Overdue', 'Passed (late)']],
		['UTC', '2026-03-06T12:00:00Z', ['Overdue', 'Passed']]
	])('in %s at %s, tells overdue and late passes by the viewer’s day', async (zone, at, texts) => {
		const { ada, mei } = await organisation();
		await assign(ada, { target: `trainee:${mei.id}`, dueDate: '2026-03-05' });
		await assign(ada, {
			target: `trainee:${mei.id}`,
			dueDate: '2026-03-05',
			scenarioId: 'zh-city-bureau'
		});
		await play(mei.id, 'city-hospital', '2026-03-05T19:00:00Z', {
			at: '2026-03-05T20:00:00Z',
			total: 80,
			display: '80.0'
		});

		const list = await assignmentsForTrainee(mei, zone, new Date(at));

		expect(list.map((item) => item.stateText)).toEqual(texts);
	});

	it('lists nothing for a trainee with no assignments', async () => {
		const { mei } = await organisation();

		expect(await assignmentsForTrainee(mei, 'UTC')).toEqual([]);
	});
});

describe('assignmentsOverview', () => {
	async function programme() {
		const org = await organisation();
		const { manager, ada, bo, mei, lee, north, west } = org;
		await assign(ada, { target: `team:${north.id}`, dueDate: '2026-03-10' });
		await assign(ada, {
			target: `trainee:${mei.id}`,
			dueDate: '2026-03-12',
			scenarioId: 'zh-city-bureau'
		});
		await assign(bo, { target: `team:${west.id}`, dueDate: '2026-03-11' });
		await assign(manager, { target: `trainee:${lee.id}`, dueDate: '2026-03-14', passMark: '90' });
		const attempt = await play(mei.id, 'city-hospital', '2026-03-03T09:00:00Z', {
			at: '2026-03-03T09:30:00Z',
			total: 80,
			display: '80.0'
		});

		return { ...org, attempt };
	}

	const row = (traineeName: string, stateText: string, score: string | null = null) =>
		expect.objectContaining({ traineeName, stateText, score });

	it('shows a coach what targets their teams or what they set, a row per trainee', async () => {
		const { ada, mei, lee, attempt } = await programme();
		const { assignments } = await assignmentsOverview(ada, 'UTC', new Date('2026-03-04T12:00:00Z'));

		expect(assignments).toEqual([
			expect.objectContaining({
				scenarioTitle: CITY,
				targetText: 'Team North',
				dueDate: '2026-03-10',
				policyText: 'Best attempt counts',
				createdByName: 'Ada Coach',
				canRemove: true,
				rows: [
					{
						traineeId: mei.id,
						traineeName: 'Mei Chen',
						state: 'passed',
						stateText: 'Passed',
						isLate: false,
						score: '80.0',
						countedAttemptId: attempt.id,
						attemptsCounted: 1
					},
					row('Lee Min', 'Due')
				]
			}),
			expect.objectContaining({
				targetText: 'Mei Chen',
				dueDate: '2026-03-12',
				rows: [row('Mei Chen', 'Due')]
			}),
			expect.objectContaining({
				targetText: 'Lee Min',
				passMark: 90,
				createdByName: 'Max Manager',
				canRemove: false,
				dueDate: '2026-03-14',
				rows: [expect.objectContaining({ traineeId: lee.id, stateText: 'Due' })]
			})
		]);
	});

	it('keeps a trainee who left a coach’s teams out of the rows of what that coach set', async () => {
		const { ada, bo, lee, west, teams } = await organisation();
		await assign(ada, { target: `trainee:${lee.id}` });
		await teams.placeTrainee(west.id, lee.id);
		const now = new Date('2026-03-04T12:00:00Z');

		const forAda = (await assignmentsOverview(ada, 'UTC', now)).assignments;
		const forBo = (await assignmentsOverview(bo, 'UTC', now)).assignments;
		expect(forAda.map((item) => [item.targetText, item.canRemove, item.rows])).toEqual([
			['Lee Min', true, []]
		]);
		expect(forBo.map((item) => [item.canRemove, item.rows.map((r) => r.traineeName)])).toEqual([
			[false, ['Lee Min']]
		]);
	});

	it('offers a coach only their own teams and trainees, and every playable scenario', async () => {
		const { ada, north } = await programme();
		const { choices } = await assignmentsOverview(
			ada,
			'Asia/Tokyo',
			new Date('2026-03-04T20:00:00Z')
		);

		expect(choices).toEqual({
			scenarios: [
				{ id: 'city-hospital', title: CITY, passMark: 70 },
				{ id: 'zh-city-bureau', title: BUREAU, passMark: 70 }
			],
			teams: [{ id: north.id, name: 'North' }],
			trainees: [
				{ id: expect.any(String), name: 'Lee Min' },
				{ id: expect.any(String), name: 'Mei Chen' }
			],
			today: '2026-03-05'
		});
	});

	it('shows a manager every assignment, each removable, and every trainee to assign to', async () => {
		const { manager } = await programme();
		const { assignments, choices } = await assignmentsOverview(
			manager,
			'UTC',
			new Date('2026-03-04T12:00:00Z')
		);

		expect(assignments.map((item) => [item.targetText, item.canRemove, item.rows.length])).toEqual([
			['Team North', true, 2],
			['Team West', true, 1],
			['Mei Chen', true, 1],
			['Lee Min', true, 1]
		]);
		expect(choices.teams.map((team) => team.name)).toEqual(['North', 'West']);
		expect(choices.trainees.map((trainee) => trainee.name)).toEqual([
			'Lee Min',
			'Mei Chen',
			'Wu Fang'
		]);
	});
});

describe('removeAssignmentFor', () => {
	it('lets the creator or a manager remove an assignment and answers anyone else as if missing', async () => {
		const { manager, ada, bo, north, west } = await organisation();
		const adas = await assign(ada, { target: `team:${north.id}` });
		const bos = await assign(bo, { target: `team:${west.id}` });

		expect(await removeAssignmentFor(bo, adas.id)).toBe(false);
		expect(await removeAssignmentFor(ada, 'no-such-assignment')).toBe(false);
		expect((await listAssignments()).map((item) => item.id)).toEqual([adas.id, bos.id]);

		expect(await removeAssignmentFor(ada, adas.id)).toBe(true);
		expect(await removeAssignmentFor(manager, bos.id)).toBe(true);
		expect(await listAssignments()).toEqual([]);
	});
});
