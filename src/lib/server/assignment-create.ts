/**
 * Creating and removing assignments from the coaches' page: every field of the create form is
 * checked at once, what the input alone tells and what only the app knows (the scenario is
 * playable, the target is in the viewer's reach, the due date is not past in their zone).
 */
import { isCalendarDate, type Assignment, type AssignmentTarget } from '$lib/assignment-status';
import { dayInZone } from '$lib/time-zone';
import { isInScope, scopeOf, type Viewer } from './access';
import { listUsers, type User } from './accounts';
import {
	checkAssignmentInput,
	createAssignment,
	listAssignments,
	readAssignment,
	removeAssignment,
	type AssignmentErrors,
	type NewAssignment
} from './assignments';
import { textField } from './forms';
import { getScenario, type CatalogueScenario } from './scenarios';
import { listTeams } from './teams';

/** The create form's fields as typed, to fill the form again after a refusal. */
export type AssignmentFormValues = Record<
	'scenarioId' | 'target' | 'dueDate' | 'passMark' | 'policy',
	string
>;

export type CreateForResult =
	| {
			ok: true;
			assignment: Assignment;
			/** Who already had the scenario through another assignment, in a sentence; or null. */
			notice: string | null;
	  }
	| { ok: false; errors: AssignmentErrors; values: AssignmentFormValues };

const REACH = 'you can assign only to your own teams and their members.';

const TARGET_VALUE = /^(team|trainee):(.+)$/;

/** The trainees a viewer may assign to: everyone's for a manager, their teams' for a coach. */
export async function traineesInReach(viewer: Viewer, users: User[]): Promise<User[]> {
	const scope = await scopeOf(viewer);

	return users.filter((user) => user.role === 'trainee' && isInScope(scope, user.id));
}

/** Whether the viewer may remove an assignment: they made it, or they are a manager. */
export function mayRemove(viewer: Viewer, assignment: Assignment): boolean {
	return viewer.role === 'manager' || assignment.createdById === viewer.id;
}

/** The target a form's `target` value names ("team:<id>" or "trainee:<id>"), or null. */
function parseTarget(value: string): AssignmentTarget | null {
	const [, kind, id] = TARGET_VALUE.exec(value) ?? [];
	if (kind === 'team') return { kind: 'team', teamId: id };

	return kind === 'trainee' ? { kind: 'trainee', traineeId: id } : null;
}

/** What is wrong with the target for this viewer, or null when they may assign to it. */
async function targetError(viewer: Viewer, target: AssignmentTarget): Promise<string | null> {
	if (target.kind === 'team') {
		const team = (await listTeams()).find((candidate) => candidate.id === target.teamId);
		if (!team) return 'There is no such team; choose one from the list.';
		const isOwn = viewer.role === 'manager' || team.coachId === viewer.id;

		return isOwn ? null : `You do not lead the team "${team.name}"; ${REACH}`;
	}
	const users = await listUsers();
	const trainee = users.find((user) => user.id === target.traineeId && user.role === 'trainee');
	if (!trainee) return 'There is no such trainee; choose one from the list.';
	const inReach = (await traineesInReach(viewer, users)).some((user) => user.id === trainee.id);

	return inReach ? null : `${trainee.name} is not in a team you lead; ${REACH}`;
}

function formValues(form: FormData): AssignmentFormValues {
	return {
		scenarioId: textField(form, 'scenarioId').trim(),
		target: textField(form, 'target').trim(),
		dueDate: textField(form, 'dueDate').trim(),
		passMark: textField(form, 'passMark').trim(),
		policy: textField(form, 'policy').trim()
	};
}

/** What only the app knows is wrong: an unplayable scenario, a target out of reach, a past day. */
async function appErrors(
	viewer: Viewer,
	values: AssignmentFormValues,
	entry: CatalogueScenario | null,
	today: string
): Promise<AssignmentErrors> {
	const target = parseTarget(values.target);

	const errors: AssignmentErrors = {};
	if (values.scenarioId && !entry) {
		errors.scenarioId = `There is no playable scenario "${values.scenarioId}"; choose one from the list.`;
	}
	if (values.target && !target) errors.target = 'Choose a trainee or a team from the list.';
	const targetProblem = target ? await targetError(viewer, target) : null;
	if (targetProblem) errors.target = targetProblem;
	if (isCalendarDate(values.dueDate) && values.dueDate < today) {
		errors.dueDate = `The due date ${values.dueDate} has passed; choose today (${today}) or a later day.`;
	}

	return errors;
}

/**
 * Every field's error at once: the input's own first, then the app's, which say more where
 * both speak. An empty pass mark waits for a playable scenario, whose own it takes.
 */
async function fieldErrors(
	viewer: Viewer,
	values: AssignmentFormValues,
	input: NewAssignment,
	entry: CatalogueScenario | null,
	today: string
): Promise<AssignmentErrors> {
	const checked = checkAssignmentInput(input);
	const errors = { ...('errors' in checked ? checked.errors : {}) };
	if (values.passMark === '' && values.scenarioId && !entry) delete errors.passMark;

	return { ...errors, ...(await appErrors(viewer, values, entry, today)) };
}

/** Checks every field of the create form for this viewer, then stores the assignment. */
export async function createAssignmentFor(
	viewer: Viewer,
	form: FormData,
	timeZone: string,
	now = new Date()
): Promise<CreateForResult> {
	const values = formValues(form);
	const entry = values.scenarioId ? await getScenario(values.scenarioId) : null;
	const input: NewAssignment = {
		scenarioId: values.scenarioId,
		scenarioTitle: entry?.scenario.title ?? '',
		target: parseTarget(values.target),
		dueDate: values.dueDate,
		passMark: values.passMark === '' && entry ? entry.scenario.passMark : values.passMark,
		policy: values.policy,
		createdById: viewer.id,
		createdByName: viewer.name
	};

	const errors = await fieldErrors(viewer, values, input, entry, dayInZone(now, timeZone));
	if (Object.keys(errors).length > 0) return { ok: false, errors, values };

	const notice = input.target ? await overlapNotice(input.scenarioId, input.target) : null;
	const result = await createAssignment(input);

	return result.ok ? { ...result, notice } : { ok: false, errors: result.errors, values };
}

/**
 * A sentence naming who the new assignment's target already has the scenario through: their
 * team's assignment, a personal one, or the same target's. Overlaps are allowed, but said.
 */
async function overlapNotice(scenarioId: string, target: AssignmentTarget): Promise<string | null> {
	const [assignments, teams, users] = await Promise.all([
		listAssignments(),
		listTeams(),
		listUsers()
	]);
	const membersOf = (t: AssignmentTarget) =>
		t.kind === 'trainee'
			? [t.traineeId]
			: (teams.find((team) => team.id === t.teamId)?.memberIds ?? []);
	const targeted = new Set(membersOf(target));
	const nameOf = (id: string) => users.find((user) => user.id === id)?.name ?? 'A removed account';
	const teamName = (id: string) => teams.find((team) => team.id === id)?.name ?? 'a removed team';

	const overlaps = assignments
		.filter((other) => other.scenarioId === scenarioId)
		.filter((other) => membersOf(other.target).some((id) => targeted.has(id)));
	if (overlaps.length === 0) return null;
	const held = overlaps.map(({ target: other, dueDate }) => {
		if (other.kind === 'trainee') return `${nameOf(other.traineeId)} personally, due ${dueDate}`;
		const through = `Team ${teamName(other.teamId)}`;
		if (target.kind === 'trainee') {
			return `${nameOf(target.traineeId)} through ${through}, due ${dueDate}`;
		}

		return `${through}, due ${dueDate}`;
	});

	return `Already assigned this scenario: ${held.join('; ')}. This assignment was made as well.`;
}

/** Removes an assignment its creator or a manager asks to; false for anyone else, as if missing. */
export async function removeAssignmentFor(viewer: Viewer, id: string): Promise<boolean> {
	const assignment = await readAssignment(id);
	if (!assignment || !mayRemove(viewer, assignment)) return false;

	return removeAssignment(id);
}
