import { describe, expect, it } from 'vitest';
import {
	assignmentStatus,
	countedAttempt,
	describePolicy,
	isAssignedTo,
	isCalendarDate,
	type AssignmentTarget,
	sortByUrgency,
	type AssignmentPolicy,
	type AssignmentState,
	type AssignmentStatusInput,
	type CountableAttempt
} from '../../src/lib/assignment-status';

const ASSIGNED_AT = '2026-03-02T09:00:00.000Z';

function attempt(
	attemptId: string,
	startedAt: string,
	finishedAt: string | null,
	score: number | null
): CountableAttempt {
	return { attemptId, startedAt, finishedAt, score };
}

/** The viewer's date in UTC. */
const utcDay = (iso: string) => iso.slice(0, 10);
/** The viewer's date in Tokyo (UTC+9, no daylight saving). */
const tokyoDay = (iso: string) =>
	new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);

describe('countedAttempt', () => {
	const mixed = [
		attempt('before', '2026-03-01T10:00:00.000Z', '2026-03-01T10:20:00.000Z', 95),
		attempt('sixty', '2026-03-03T09:00:00.000Z', '2026-03-03T09:30:00.000Z', 60),
		attempt('eighty-a', '2026-03-04T09:00:00.000Z', '2026-03-04T09:30:00.000Z', 80),
		attempt('eighty-b', '2026-03-05T09:00:00.000Z', '2026-03-05T09:30:00.000Z', 80),
		attempt('unfinished', '2026-03-06T09:00:00.000Z', null, null),
		attempt('fifty', '2026-03-05T10:00:00.000Z', '2026-03-05T11:00:00.000Z', 50)
	];
	// Listed in start order; 'slow' started first but finished last.
	const overlapping = [
		attempt('slow', '2026-03-03T09:00:00.000Z', '2026-03-03T12:00:00.000Z', 70),
		attempt('quick', '2026-03-03T10:00:00.000Z', '2026-03-03T10:30:00.000Z', 70)
	];
	const atTheMoment = [
		attempt('just-before', '2026-03-02T08:59:59.999Z', '2026-03-02T09:10:00.000Z', 90),
		attempt('at-creation', ASSIGNED_AT, '2026-03-02T09:20:00.000Z', 40)
	];

	it.each<[string, AssignmentPolicy, CountableAttempt[], string | null]>([
		['best picks the highest score, the earlier finished on a tie', 'best', mixed, 'eighty-a'],
		['latest picks the last finished', 'latest', mixed, 'fifty'],
		['first picks the first finished after assignment', 'first', mixed, 'sixty'],
		['best breaks a tie by finishing time, not start', 'best', overlapping, 'quick'],
		['latest orders by finishing time, not start', 'latest', overlapping, 'slow'],
		['first orders by finishing time, not start', 'first', overlapping, 'quick'],
		[
			'best counts an attempt started at the moment of assignment',
			'best',
			atTheMoment,
			'at-creation'
		],
		['first ignores an attempt started a millisecond before', 'first', atTheMoment, 'at-creation'],
		['best counts nothing when there are no attempts', 'best', [], null],
		['latest counts nothing when all are unfinished', 'latest', [mixed[4]], null],
		['first counts nothing when all came before the assignment', 'first', [mixed[0]], null]
	])('%s', (_, policy, attempts, expected) => {
		expect(countedAttempt(policy, attempts, ASSIGNED_AT)?.attemptId ?? null).toBe(expected);
	});
});

describe('assignmentStatus', () => {
	const due = '2026-03-10';
	const onTime = (id: string, score: number) =>
		attempt(id, '2026-03-04T09:00:00.000Z', '2026-03-04T09:30:00.000Z', score);
	const afterDue = (id: string, score: number) =>
		attempt(id, '2026-03-12T09:00:00.000Z', '2026-03-12T09:30:00.000Z', score);
	const finishedAt = (id: string, iso: string, score: number) =>
		attempt(id, '2026-03-10T09:00:00.000Z', iso, score);

	interface Case {
		name: string;
		policy?: AssignmentPolicy;
		attempts: CountableAttempt[];
		today: string;
		dayOf?: (iso: string) => string;
		expected: [AssignmentState, string | null, boolean, number];
	}

	const blocked = (id: string, score: number) => ({ ...onTime(id, score), isBlocked: true });

	it.each<Case>([
		{
			name: 'is not passed by a lost deal, whatever its score',
			attempts: [blocked('lost', 74.2)],
			today: '2026-03-05',
			expected: ['not-passed', 'lost', false, 1]
		},
		{
			name: 'counts, under best, a passing attempt above a blocked one with a higher score',
			attempts: [blocked('lost', 90), onTime('won', 71)],
			today: '2026-03-05',
			expected: ['passed', 'won', false, 2]
		},
		{
			name: 'counts, under latest, a blocked attempt if it is the last',
			policy: 'latest',
			attempts: [onTime('won', 71), { ...afterDue('lost', 95), isBlocked: true }],
			today: '2026-03-15',
			expected: ['overdue', 'lost', false, 2]
		},
		{
			name: 'is due with no attempts',
			attempts: [],
			today: '2026-03-05',
			expected: ['due', null, false, 0]
		},
		{
			name: 'is not overdue on the due date itself',
			attempts: [],
			today: due,
			expected: ['due', null, false, 0]
		},
		{
			name: 'is overdue the day after',
			attempts: [],
			today: '2026-03-11',
			expected: ['overdue', null, false, 0]
		},
		{
			name: 'ignores attempts started before the assignment',
			attempts: [attempt('old', '2026-03-01T09:00:00.000Z', '2026-03-01T09:30:00.000Z', 99)],
			today: '2026-03-05',
			expected: ['due', null, false, 0]
		},
		{
			name: 'ignores an unfinished attempt',
			attempts: [attempt('open', '2026-03-04T09:00:00.000Z', null, null)],
			today: '2026-03-05',
			expected: ['due', null, false, 0]
		},
		{
			name: 'is not passed one point below the pass mark',
			attempts: [onTime('a', 69)],
			today: '2026-03-05',
			expected: ['not-passed', 'a', false, 1]
		},
		{
			name: 'is overdue when below the mark after the due date',
			attempts: [onTime('a', 69)],
			today: '2026-03-11',
			expected: ['overdue', 'a', false, 1]
		},
		{
			name: 'passes with a score equal to the pass mark',
			attempts: [onTime('a', 70)],
			today: '2026-03-05',
			expected: ['passed', 'a', false, 1]
		},
		{
			name: 'passes late with a pass finished after the due date',
			attempts: [onTime('a', 50), afterDue('b', 75)],
			today: '2026-03-12',
			expected: ['passed', 'b', true, 2]
		},
		{
			name: 'is on time for a pass at 23:59:59 on the due date in the viewer zone',
			attempts: [finishedAt('a', '2026-03-10T14:59:59.000Z', 80)],
			today: '2026-03-11',
			dayOf: tokyoDay,
			expected: ['passed', 'a', false, 1]
		},
		{
			name: 'is late for a pass at midnight after the due date in the viewer zone',
			attempts: [finishedAt('a', '2026-03-10T15:00:00.000Z', 80)],
			today: '2026-03-11',
			dayOf: tokyoDay,
			expected: ['passed', 'a', true, 1]
		},
		{
			name: 'is on time for the same instant seen from UTC',
			attempts: [finishedAt('a', '2026-03-10T15:00:00.000Z', 80)],
			today: '2026-03-11',
			expected: ['passed', 'a', false, 1]
		},
		{
			name: 'stays on time under best when a higher score comes after the due date',
			attempts: [onTime('a', 75), afterDue('b', 90)],
			today: '2026-03-12',
			expected: ['passed', 'b', false, 2]
		},
		{
			name: 'is late under latest when the last attempt by the due date failed',
			policy: 'latest',
			attempts: [onTime('a', 60), afterDue('b', 80)],
			today: '2026-03-12',
			expected: ['passed', 'b', true, 2]
		},
		{
			name: 'is overdue under latest when a later attempt falls below the mark',
			policy: 'latest',
			attempts: [onTime('a', 80), afterDue('b', 60)],
			today: '2026-03-12',
			expected: ['overdue', 'b', false, 2]
		},
		{
			name: 'is not passed under first when only a later attempt passes',
			policy: 'first',
			attempts: [
				onTime('a', 60),
				attempt('b', '2026-03-05T09:00:00.000Z', '2026-03-05T09:30:00.000Z', 90)
			],
			today: '2026-03-06',
			expected: ['not-passed', 'a', false, 2]
		}
	])('$name', ({ policy = 'best', attempts, today, dayOf = utcDay, expected }) => {
		const input: AssignmentStatusInput = {
			assignment: { dueDate: due, passMark: 70, policy, createdAt: ASSIGNED_AT },
			attempts,
			today,
			dayOf
		};
		const status = assignmentStatus(input);

		expect([
			status.state,
			status.counted?.attemptId ?? null,
			status.isLate,
			status.attemptsCounted
		]).toEqual(expected);
	});
});

describe('describePolicy', () => {
	it.each<[AssignmentPolicy, string]>([
		['best', 'Best attempt counts'],
		['latest', 'Latest attempt counts'],
		['first', 'First attempt counts']
	])('words %s as "%s"', (policy, text) => {
		expect(describePolicy(policy)).toBe(text);
	});
});

describe('sortByUrgency', () => {
	const item = (id: string, state: AssignmentState, dueDate: string) => ({
		assignment: { id, dueDate },
		status: { state }
	});

	it('lists overdue, then due by date, then not passed, then passed', () => {
		const items = [
			item('passed-early', 'passed', '2026-03-01'),
			item('due-late', 'due', '2026-04-20'),
			item('not-passed', 'not-passed', '2026-03-15'),
			item('overdue-recent', 'overdue', '2026-03-09'),
			item('due-soon-b', 'due', '2026-03-12'),
			item('overdue-old', 'overdue', '2026-02-01'),
			item('due-soon', 'due', '2026-03-12')
		];

		expect(sortByUrgency(items).map((entry) => entry.assignment.id)).toEqual([
			'overdue-old',
			'overdue-recent',
			'due-soon',
			'due-soon-b',
			'due-late',
			'not-passed',
			'passed-early'
		]);
		expect(items[0].assignment.id).toBe('passed-early');
	});
});

describe('isCalendarDate', () => {
	it.each<[unknown, boolean]>([
		['2026-12-31', true],
		['2024-02-29', true],
		['2000-02-29', true],
		['2026-02-29', false],
		['2100-02-29', false],
		['2026-02-30', false],
		['2026-04-31', false],
		['2026-13-01', false],
		['2026-00-10', false],
		['2026-01-00', false],
		['2026-1-01', false],
		[' 2026-12-31', false],
		['2026-12-31T00:00:00Z', false],
		[20261231, false]
	])('judges %j a calendar date: %s', (value, expected) => {
		expect(isCalendarDate(value)).toBe(expected);
	});
});

describe('isAssignedTo', () => {
	const trainee = { id: 'user-7', teamIds: ['team-north', 'team-west'] };

	it.each<[AssignmentTarget, boolean]>([
		[{ kind: 'trainee', traineeId: 'user-7' }, true],
		[{ kind: 'trainee', traineeId: 'user-8' }, false],
		[{ kind: 'team', teamId: 'team-west' }, true],
		[{ kind: 'team', teamId: 'team-south' }, false],
		[{ kind: 'team', teamId: 'user-7' }, false]
	])('judges an assignment for %j: %s', (target, expected) => {
		expect(isAssignedTo({ target }, trainee)).toBe(expected);
	});
});
