import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	assignmentsIn,
	type Assignment,
	type AssignmentErrors,
	type NewAssignment
} from '../../../src/lib/server/assignments';
import { ASSIGNMENTS_FILE } from '../../../src/lib/server/assignment-records';
import { StoreFileError } from '../../../src/lib/server/store';
import { freshStore, readBack, testClock } from './helpers';

const INPUT: NewAssignment = {
	scenarioId: 'county-clinic',
	scenarioTitle: 'County clinic',
	target: { kind: 'team', teamId: 'team-north' },
	dueDate: '2026-12-31',
	passMark: 70,
	policy: 'latest',
	createdById: 'coach-1',
	createdByName: 'Ada Coach'
};

function setup() {
	const clock = testClock('2026-03-02T09:00:00.000Z');
	const store = freshStore(clock);
	const file = path.join(store.dir, ASSIGNMENTS_FILE);

	return { clock, store, file, assignments: assignmentsIn(store) };
}

async function created(
	repository: ReturnType<typeof assignmentsIn>,
	input: Partial<NewAssignment> = {}
): Promise<Assignment> {
	const result = await repository.createAssignment({ ...INPUT, ...input });
	if (!result.ok) throw new Error(`Refused: ${JSON.stringify(result.errors)}`);

	return result.assignment;
}

describe('assignment repository', () => {
	it('creates an assignment and writes it to accounts/assignments.json', async () => {
		const { store, assignments } = setup();
		const assignment = await created(assignments);

		expect(assignment).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			scenarioId: 'county-clinic',
			scenarioTitle: 'County clinic',
			target: { kind: 'team', teamId: 'team-north' },
			dueDate: '2026-12-31',
			passMark: 70,
			policy: 'latest',
			createdById: 'coach-1',
			createdByName: 'Ada Coach',
			createdAt: '2026-03-02T09:00:00.000Z'
		});
		expect(readBack(store, ASSIGNMENTS_FILE)).toEqual({ assignments: [assignment] });
	});

	it('reads form text: trims it, parses the pass mark and counts the best attempt by default', async () => {
		const { assignments } = setup();
		const assignment = await created(assignments, {
			scenarioId: ' county-clinic ',
			scenarioTitle: ' ',
			target: { kind: 'trainee', traineeId: ' user-7 ' },
			dueDate: ' 2026-02-28 ',
			passMark: ' 0 ',
			policy: ''
		});

		expect(assignment).toMatchObject({
			scenarioId: 'county-clinic',
			scenarioTitle: 'county-clinic',
			target: { kind: 'trainee', traineeId: 'user-7' },
			dueDate: '2026-02-28',
			passMark: 0,
			policy: 'best'
		});
	});

	it('lists in the order made, reads one by id and removes it', async () => {
		const { clock, store, assignments } = setup();
		const first = await created(assignments);
		clock.advance(60_000);
		const second = await created(assignments, { scenarioId: 'port-authority', passMark: 100 });

		expect(await assignments.listAssignments()).toEqual([first, second]);
		expect(second.createdAt).toBe('2026-03-02T09:01:00.000Z');
		expect(await assignments.readAssignment(second.id)).toEqual(second);
		expect(await assignments.readAssignment('no-such-id')).toBeNull();

		expect(await assignments.removeAssignment(first.id)).toBe(true);
		expect(await assignments.removeAssignment(first.id)).toBe(false);
		expect(readBack(store, ASSIGNMENTS_FILE)).toEqual({ assignments: [second] });
	});

	it('has nothing to list, read or remove before the first assignment, and writes nothing', async () => {
		const { file, assignments } = setup();

		expect(await assignments.listAssignments()).toEqual([]);
		expect(await assignments.readAssignment('a')).toBeNull();
		expect(await assignments.removeAssignment('a')).toBe(false);
		expect(existsSync(file)).toBe(false);
	});
});

describe('createAssignment validation', () => {
	it.each<[string, Partial<NewAssignment>, AssignmentErrors]>([
		['a blank scenario', { scenarioId: '  ' }, { scenarioId: 'Choose a scenario to assign.' }],
		[
			'no target',
			{ target: null },
			{ target: 'Choose a trainee or a team to assign the scenario to.' }
		],
		[
			'a team target with no id',
			{ target: { kind: 'team', teamId: ' ' } },
			{ target: 'Choose a trainee or a team to assign the scenario to.' }
		],
		[
			'a trainee target with no id',
			{ target: { kind: 'trainee', traineeId: '' } },
			{ target: 'Choose a trainee or a team to assign the scenario to.' }
		],
		['an empty due date', { dueDate: '' }, { dueDate: 'Choose a due date such as 2026-12-31.' }],
		[
			'a due date in another format',
			{ dueDate: '31/12/2026' },
			{ dueDate: 'Write the due date "31/12/2026" as year-month-day, such as 2026-12-31.' }
		],
		[
			'a due date not on the calendar',
			{ dueDate: '2026-02-30' },
			{
				dueDate: 'There is no 2026-02-30 on the calendar; choose a real date such as 2026-12-31.'
			}
		],
		[
			'an empty pass mark',
			{ passMark: '' },
			{ passMark: 'Enter a pass mark: a whole number from 0 to 100.' }
		],
		[
			'a fractional pass mark',
			{ passMark: 70.5 },
			{ passMark: 'Enter the pass mark "70.5" as a whole number from 0 to 100, such as 70.' }
		],
		[
			'a pass mark above 100',
			{ passMark: '101' },
			{ passMark: 'Enter the pass mark "101" as a whole number from 0 to 100, such as 70.' }
		],
		[
			'a negative pass mark',
			{ passMark: -1 },
			{ passMark: 'Enter the pass mark "-1" as a whole number from 0 to 100, such as 70.' }
		],
		[
			'a pass mark written as a decimal',
			{ passMark: '7e1' },
			{ passMark: 'Enter the pass mark "7e1" as a whole number from 0 to 100, such as 70.' }
		],
		[
			'an unknown policy',
			{ policy: 'newest' },
			{
				policy: 'Choose best, latest or first as the attempt that counts; "newest" is none of them.'
			}
		]
	])('refuses %s with a sentence that says what to do', async (_, input, errors) => {
		const { file, assignments } = setup();

		expect(await assignments.createAssignment({ ...INPUT, ...input })).toEqual({
			ok: false,
			errors
		});
		expect(existsSync(file)).toBe(false);
	});

	it('names every refused field at once', async () => {
		const { assignments } = setup();
		const result = await assignments.createAssignment({
			...INPUT,
			scenarioId: '',
			target: null,
			dueDate: '2026-02-29',
			passMark: 'seventy',
			policy: 'worst'
		});

		expect(result.ok).toBe(false);
		expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual([
			'dueDate',
			'passMark',
			'policy',
			'scenarioId',
			'target'
		]);
	});

	it('accepts the bounds of the pass mark and a leap day', async () => {
		const { assignments } = setup();
		const low = await created(assignments, { passMark: 0, dueDate: '2028-02-29' });
		const high = await created(assignments, { passMark: '100' });

		expect([low.passMark, low.dueDate, high.passMark]).toEqual([0, '2028-02-29', 100]);
	});
});

describe('assignments file on disk', () => {
	it.each<[string, string, RegExp]>([
		['broken JSON', '{"assignments": [', /assignments\.json:1:18: invalid JSON/],
		[
			'a date that is not on the calendar',
			'{"assignments": [{"id": "a", "scenarioId": "s", "scenarioTitle": "S", ' +
				'"target": {"kind": "team", "teamId": "t"}, "dueDate": "2026-02-30"}]}',
			/assignments\[0\]\.dueDate must be a calendar date such as "2026-12-31"/
		],
		[
			'a target of an unknown kind',
			'{"assignments": [{"id": "a", "scenarioId": "s", "scenarioTitle": "S", ' +
				'"target": {"kind": "company", "companyId": "c"}}]}',
			/assignments\[0\]\.target\.kind must be "team" or "trainee"/
		],
		[
			'a team target without its team',
			'{"assignments": [{"id": "a", "scenarioId": "s", "scenarioTitle": "S", ' +
				'"target": {"kind": "team", "traineeId": "u"}}]}',
			/assignments\[0\]\.target\.teamId is missing/
		]
	])('refuses %s and leaves the file byte for byte', async (_, text, problem) => {
		const { file, assignments } = setup();
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text);
		const bytes = readFileSync(file);

		await expect(assignments.listAssignments()).rejects.toThrow(problem);
		await expect(assignments.readAssignment('a')).rejects.toThrow(StoreFileError);
		await expect(assignments.createAssignment(INPUT)).rejects.toThrow(StoreFileError);
		await expect(assignments.removeAssignment('a')).rejects.toThrow(StoreFileError);
		expect(readFileSync(file).equals(bytes)).toBe(true);
	});

	it('reads back a pass mark out of range as damage, not as a pass mark', async () => {
		const { store, file, assignments } = setup();
		const assignment = await created(assignments);
		writeFileSync(file, JSON.stringify({ assignments: [{ ...assignment, passMark: 170 }] }));

		await expect(assignments.listAssignments()).rejects.toThrow(
			/assignments\[0\]\.passMark must be a whole number from 0 to 100/
		);
		expect(readBack(store, ASSIGNMENTS_FILE)).toMatchObject({ assignments: [{ passMark: 170 }] });
	});
});
