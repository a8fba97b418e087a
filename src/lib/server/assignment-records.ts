/**
 * The assignments file as the store keeps it, and the checks it must pass when read back.
 */
import {
	ASSIGNMENT_POLICIES,
	isCalendarDate,
	type Assignment,
	type AssignmentTarget
} from '../assignment-status';
import { arrayOf, isoTime, literal, object, string, type Check } from './schema';

/** Every assignment, in the order they were made; small enough to keep in one file. */
export interface AssignmentsFile {
	assignments: Assignment[];
}

export const ASSIGNMENTS_FILE = 'accounts/assignments.json';

const calendarDate: Check<string> = (value, path) =>
	isCalendarDate(value) ? null : { path, expected: 'must be a calendar date such as "2026-12-31"' };

/** Whether a value is a whole number from 0 to 100. */
export function isPassMark(value: unknown): value is number {
	return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 100;
}

const passMark: Check<number> = (value, path) =>
	isPassMark(value) ? null : { path, expected: 'must be a whole number from 0 to 100' };

const teamTarget = object<Extract<AssignmentTarget, { kind: 'team' }>>({
	kind: literal('team'),
	teamId: string
});

const traineeTarget = object<Extract<AssignmentTarget, { kind: 'trainee' }>>({
	kind: literal('trainee'),
	traineeId: string
});

const targetKind = object<{ kind: string }>({ kind: literal('team', 'trainee') });

/** A team or a trainee, told apart by `kind`. */
const target: Check<AssignmentTarget> = (value, path) =>
	targetKind(value, path) ??
	((value as { kind: string }).kind === 'team' ? teamTarget : traineeTarget)(value, path);

const assignment: Check<Assignment> = object<Assignment>({
	id: string,
	scenarioId: string,
	scenarioTitle: string,
	target,
	dueDate: calendarDate,
	passMark,
	policy: literal(...ASSIGNMENT_POLICIES),
	createdById: string,
	createdByName: string,
	createdAt: isoTime
});

export const assignmentsFileCheck: Check<AssignmentsFile> = object<AssignmentsFile>({
	assignments: arrayOf(assignment)
});
