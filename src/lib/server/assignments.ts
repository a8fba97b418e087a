/**
 * The assignment repository: plain verbs over the store. Every assignment lives in one small
 * file; a coach's whole programme is a few hundred lines at most. The caller checks that the
 * scenario, team or trainee exist and that the coach may assign to them; this module checks
 * what can be told from the input alone.
 */
import { randomUUID } from 'node:crypto';
import {
	ASSIGNMENT_POLICIES,
	isCalendarDate,
	type Assignment,
	type AssignmentPolicy,
	type AssignmentTarget
} from '../assignment-status';
import {
	ASSIGNMENTS_FILE,
	assignmentsFileCheck,
	isPassMark,
	type AssignmentsFile
} from './assignment-records';
import { getStore, type Store, type StoredJson } from './store';

export type { Assignment, AssignmentPolicy, AssignmentTarget } from '../assignment-status';

/** What a coach submits; text fields may come straight from a form. */
export interface NewAssignment {
	scenarioId: string;
	/** Shown in lists; the scenario id stands in when it is empty. */
	scenarioTitle: string;
	target: AssignmentTarget | null;
	/** 'YYYY-MM-DD'. */
	dueDate: string;
	/** A number, or a form field's text ('' when left empty). */
	passMark: number | string;
	/** 'best' | 'latest' | 'first'; empty or absent means 'best'. */
	policy?: string;
	createdById: string;
	createdByName: string;
}

export type AssignmentField = 'scenarioId' | 'target' | 'dueDate' | 'passMark' | 'policy';

/** Each refused field with a sentence that says what to do. */
export type AssignmentErrors = Partial<Record<AssignmentField, string>>;

export type CreateAssignmentResult =
	{ ok: true; assignment: Assignment } | { ok: false; errors: AssignmentErrors };

export interface AssignmentRepository {
	createAssignment(input: NewAssignment): Promise<CreateAssignmentResult>;
	/** Every assignment, in the order they were made. */
	listAssignments(): Promise<Assignment[]>;
	readAssignment(id: string): Promise<Assignment | null>;
	/** Removes an assignment; true when there was one with that id. */
	removeAssignment(id: string): Promise<boolean>;
}

const ASSIGNMENTS: StoredJson<AssignmentsFile> = {
	file: ASSIGNMENTS_FILE,
	check: assignmentsFileCheck
};

const DUE_DATE_EXAMPLE = '2026-12-31';

function dueDateError(dueDate: string): string | null {
	const text = dueDate.trim();
	if (text === '') return `Choose a due date such as ${DUE_DATE_EXAMPLE}.`;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
		return `Write the due date "${text}" as year-month-day, such as ${DUE_DATE_EXAMPLE}.`;
	}

	return isCalendarDate(text)
		? null
		: `There is no ${text} on the calendar; choose a real date such as ${DUE_DATE_EXAMPLE}.`;
}

/** The pass mark as a number, or null when it is not a whole number from 0 to 100. */
function parsePassMark(value: number | string): number | null {
	if (typeof value === 'number') return isPassMark(value) ? value : null;
	const text = value.trim();

	return /^\d{1,3}$/.test(text) && isPassMark(Number(text)) ? Number(text) : null;
}

function passMarkError(value: number | string): string {
	const text = String(value).trim();
	if (text === '') return 'Enter a pass mark: a whole number from 0 to 100.';

	return `Enter the pass mark "${text}" as a whole number from 0 to 100, such as 70.`;
}

function parsePolicy(value: string | undefined): AssignmentPolicy | null {
	const text = value?.trim() || 'best';

	return ASSIGNMENT_POLICIES.find((policy) => policy === text) ?? null;
}

function policyError(value: string): string {
	return `Choose best, latest or first as the attempt that counts; "${value.trim()}" is none of them.`;
}

/** The target with its id trimmed and nothing else kept, or null when it names no one. */
function parseTarget(target: AssignmentTarget | null): AssignmentTarget | null {
	if (target?.kind === 'team') {
		const teamId = target.teamId.trim();
		return teamId ? { kind: 'team', teamId } : null;
	}
	if (target?.kind === 'trainee') {
		const traineeId = target.traineeId.trim();
		return traineeId ? { kind: 'trainee', traineeId } : null;
	}

	return null;
}

/** The fields a valid input sets, trimmed, with its pass mark and policy as values. */
export type AssignmentFields = Pick<
	Assignment,
	'scenarioId' | 'scenarioTitle' | 'target' | 'dueDate' | 'passMark' | 'policy'
>;

/** The fields an input sets, or every field it gets wrong with what to do about it. */
export function checkAssignmentInput(
	input: NewAssignment
): { fields: AssignmentFields } | { errors: AssignmentErrors } {
	const scenarioId = input.scenarioId.trim();
	const target = parseTarget(input.target);
	const dueDate = input.dueDate.trim();
	const passMark = parsePassMark(input.passMark);
	const policy = parsePolicy(input.policy);

	const errors: AssignmentErrors = {};
	if (!scenarioId) errors.scenarioId = 'Choose a scenario to assign.';
	if (!target) errors.target = 'Choose a trainee or a team to assign the scenario to.';
	const dueDateProblem = dueDateError(dueDate);
	if (dueDateProblem) errors.dueDate = dueDateProblem;
	if (passMark === null) errors.passMark = passMarkError(input.passMark);
	if (!policy) errors.policy = policyError(input.policy ?? '');
	if (!scenarioId || !target || dueDateProblem || passMark === null || !policy) return { errors };

	const scenarioTitle = input.scenarioTitle.trim() || scenarioId;

	return { fields: { scenarioId, scenarioTitle, target, dueDate, passMark, policy } };
}

/** The verbs bound to one store; routes use the module-level verbs bound to the app store. */
export function assignmentsIn(store: Store): AssignmentRepository {
	async function listAssignments(): Promise<Assignment[]> {
		return (await store.read(ASSIGNMENTS))?.assignments ?? [];
	}

	async function createAssignment(input: NewAssignment): Promise<CreateAssignmentResult> {
		const checked = checkAssignmentInput(input);
		if ('errors' in checked) return { ok: false, errors: checked.errors };

		const assignment: Assignment = {
			id: randomUUID(),
			...checked.fields,
			createdById: input.createdById,
			createdByName: input.createdByName,
			createdAt: store.now().toISOString()
		};
		await store.update(ASSIGNMENTS, (current) => ({
			next: { ...current, assignments: [...(current?.assignments ?? []), assignment] },
			result: undefined
		}));

		return { ok: true, assignment };
	}

	async function readAssignment(id: string): Promise<Assignment | null> {
		return (await listAssignments()).find((assignment) => assignment.id === id) ?? null;
	}

	function removeAssignment(id: string): Promise<boolean> {
		return store.update(ASSIGNMENTS, (current) => {
			const assignments = current?.assignments ?? [];
			const kept = assignments.filter((assignment) => assignment.id !== id);
			if (kept.length === assignments.length) return { next: null, result: false };

			return { next: { ...current, assignments: kept }, result: true };
		});
	}

	return { createAssignment, listAssignments, readAssignment, removeAssignment };
}

const app = (): AssignmentRepository => assignmentsIn(getStore());

/** Checks and stores a new assignment, or says what to correct in each refused field. */
export const createAssignment = (input: NewAssignment) => app().createAssignment(input);
/** Every assignment, in the order they were made. */
export const listAssignments = () => app().listAssignments();
/** The assignment, or null when there is none with that id. */
export const readAssignment = (id: string) => app().readAssignment(id);
/** Removes an assignment; true when there was one with that id. */
export const removeAssignment = (id: string) => app().removeAssignment(id);
