/**
 * What an assignment is and where a trainee stands on it. Pure: no clock and no time zone work;
 * the caller passes the viewer's calendar date and a function that gives an instant's date in
 * the viewer's zone, so the same rules run on the server, in the browser and in tests.
 */

/** Which finished attempt decides an assignment. */
export type AssignmentPolicy = 'best' | 'latest' | 'first';

export const ASSIGNMENT_POLICIES: readonly AssignmentPolicy[] = ['best', 'latest', 'first'];

/** Who an assignment is for: every member of a team, or one trainee. */
export type AssignmentTarget =
	{ kind: 'team'; teamId: string } | { kind: 'trainee'; traineeId: string };

/** A scenario a coach set for a trainee or a team, with a due date and a pass mark. */
export interface Assignment {
	id: string;
	scenarioId: string;
	/** The scenario's title when it was assigned, so a list never has to parse the scenario. */
	scenarioTitle: string;
	target: AssignmentTarget;
	/** The last calendar day on which finishing is on time: 'YYYY-MM-DD'. */
	dueDate: string;
	/** The effective score (0–100) an attempt needs to pass. */
	passMark: number;
	policy: AssignmentPolicy;
	createdById: string;
	createdByName: string;
	/** ISO time; only attempts started at or after it count. */
	createdAt: string;
}

/** What the rules need of one attempt. */
export interface CountableAttempt {
	attemptId: string;
	startedAt: string;
	finishedAt: string | null;
	/** The effective score, 0–100; null until finished. */
	score: number | null;
	/**
	 * A failed blocker (losing the deal, say) fails the attempt whatever its score, unless a
	 * reviewer's override is in force. Absent means no blocker failed.
	 */
	isBlocked?: boolean;
}

export type AssignmentState = 'passed' | 'not-passed' | 'overdue' | 'due';

export interface AssignmentStatus {
	state: AssignmentState;
	/** The attempt the policy picks, or null when no attempt counts yet. */
	counted: CountableAttempt | null;
	/** Passed, but not by the end of the due date. */
	isLate: boolean;
	/** How many finished attempts started after the assignment was made. */
	attemptsCounted: number;
}

export interface AssignmentStatusInput {
	assignment: Pick<Assignment, 'dueDate' | 'passMark' | 'policy' | 'createdAt'>;
	attempts: CountableAttempt[];
	/** The viewer's calendar date, 'YYYY-MM-DD'. */
	today: string;
	/** The calendar date of an ISO time in the viewer's time zone, 'YYYY-MM-DD'. */
	dayOf: (iso: string) => string;
}

/**
 * Whether an assignment is a trainee's: set for them, or for a team they belong to. Team
 * membership is read now, so a trainee who joins a team sees what was assigned to it before.
 */
export function isAssignedTo(
	assignment: Pick<Assignment, 'target'>,
	trainee: { id: string; teamIds: readonly string[] }
): boolean {
	const { target } = assignment;

	return target.kind === 'team'
		? trainee.teamIds.includes(target.teamId)
		: target.traineeId === trainee.id;
}

type Finished = CountableAttempt & { finishedAt: string; score: number };

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a value is a date that exists on the calendar, written 'YYYY-MM-DD'. */
export function isCalendarDate(value: unknown): value is string {
	const parts = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
	if (!parts) return false;

	const [year, month, day] = parts.slice(1).map(Number);
	const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

	return days !== undefined && day >= 1 && day <= days;
}

function isFinished(attempt: CountableAttempt): attempt is Finished {
	return attempt.finishedAt !== null && attempt.score !== null;
}

/** Finished attempts started at or after the assignment was made, in the order they finished. */
function eligible(attempts: CountableAttempt[], assignedAt: string): Finished[] {
	const from = Date.parse(assignedAt);

	return attempts
		.filter(isFinished)
		.filter((attempt) => Date.parse(attempt.startedAt) >= from)
		.sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt));
}

/** Whether one attempt beats another: not failed by a blocker first, then the higher score. */
function isBetter(attempt: Finished, top: Finished): boolean {
	if (!attempt.isBlocked !== !top.isBlocked) return !attempt.isBlocked;

	return attempt.score > top.score;
}

/** The best attempt in finishing order; on a tie the earlier one stands. */
function best(finished: Finished[]): Finished | null {
	return finished.reduce<Finished | null>(
		(top, attempt) => (top === null || isBetter(attempt, top) ? attempt : top),
		null
	);
}

function pick(policy: AssignmentPolicy, finished: Finished[]): Finished | null {
	if (policy === 'first') return finished[0] ?? null;
	if (policy === 'latest') return finished.at(-1) ?? null;

	return best(finished);
}

/** The attempt that decides an assignment under its policy, or null when none counts yet. */
export function countedAttempt(
	policy: AssignmentPolicy,
	attempts: CountableAttempt[],
	assignedAt: string
): CountableAttempt | null {
	return pick(policy, eligible(attempts, assignedAt));
}

/**
 * Where a trainee stands on an assignment. A pass is late when the assignment was not yet
 * passed at the end of its due date: a trainee who passed on time and later scored higher
 * after the due date is not late, though the later attempt is the one that counts.
 */
export function assignmentStatus(input: AssignmentStatusInput): AssignmentStatus {
	const { assignment, today, dayOf } = input;
	const finished = eligible(input.attempts, assignment.createdAt);
	const counted = pick(assignment.policy, finished);
	const isPassing = (attempt: Finished | null) =>
		attempt !== null && !attempt.isBlocked && attempt.score >= assignment.passMark;
	const status = { counted, attemptsCounted: finished.length };

	if (isPassing(counted)) {
		const onTime = finished.filter((attempt) => dayOf(attempt.finishedAt) <= assignment.dueDate);
		return { ...status, state: 'passed', isLate: !isPassing(pick(assignment.policy, onTime)) };
	}
	if (today > assignment.dueDate) return { ...status, state: 'overdue', isLate: false };

	return { ...status, state: counted ? 'not-passed' : 'due', isLate: false };
}

const POLICY_TEXT: Record<AssignmentPolicy, string> = {
	best: 'Best attempt counts',
	latest: 'Latest attempt counts',
	first: 'First attempt counts'
};

/** The policy in words, as shown beside an assignment. */
export function describePolicy(policy: AssignmentPolicy): string {
	return POLICY_TEXT[policy];
}

const URGENCY: Record<AssignmentState, number> = { overdue: 0, due: 1, 'not-passed': 2, passed: 3 };

/** An assignment with its status, as a trainee's home page lists it. */
export interface AssignmentWithStatus {
	assignment: Pick<Assignment, 'id' | 'dueDate'>;
	status: Pick<AssignmentStatus, 'state'>;
}

/** Code-unit order, the same in every locale: dates written 'YYYY-MM-DD' sort as days do. */
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy: overdue, then due, then not passed, then passed; within each, soonest due. */
export function sortByUrgency<T extends AssignmentWithStatus>(items: readonly T[]): T[] {
	return [...items].sort(
		(a, b) =>
			URGENCY[a.status.state] - URGENCY[b.status.state] ||
			compareText(a.assignment.dueDate, b.assignment.dueDate) ||
			compareText(a.assignment.id, b.assignment.id)
	);
}
