/**
 * The attempt repository: plain verbs over the store. An attempt lives in its own file; each
 * trainee has a small index of summaries so a history page never opens every attempt.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { MoveLogEntry, Outcome } from '../deal/types';
import type { AttemptFacts } from '../scoring/facts';
import type { ScoreReport } from '../scoring/types';
import {
	attemptCheck,
	traineeIndexCheck,
	type Attempt,
	type AttemptSummary,
	type SummaryOverride,
	type TraineeIndex
} from './records';
import { attemptFile, getStore, isSafeName, traineeFile, type Change, type Store } from './store';

export type { Attempt, AttemptSummary, SummaryOverride } from './records';
export { effectiveTotal } from './records';

export interface NewAttempt {
	scenarioId: string;
	scenarioVersion: string;
	/** Shown in the trainee's history; the scenario id stands in when it is not given. */
	scenarioTitle?: string;
	/** Whose attempt it is: their index is kept under this (a display name or a stable key). */
	trainee: string;
	/** The name to show, when `trainee` is a key rather than the name. */
	traineeName?: string;
	seed: number;
}

/** The move to append; `seq` defaults to the expected one and `at` to the store's clock. */
export type NewMove = Pick<MoveLogEntry, 'moveId'> & Partial<MoveLogEntry>;

/** How a deal ended: written in the same write as the move that ended it. */
export interface Finish {
	outcome: Outcome;
	report: ScoreReport;
	/** What dashboards count of it, kept in the trainee's index. */
	facts: AttemptFacts;
}

/** Runs after a move is appended, in the same write: return a Finish when the move ended it. */
export type AfterAppend = (attempt: Attempt) => Finish | null;

export type AppendResult =
	| { applied: true; attempt: Attempt }
	| { applied: false; reason: 'duplicate' | 'out-of-order' | 'finished'; attempt: Attempt };

export interface AttemptRepository {
	createAttempt(input: NewAttempt): Promise<Attempt>;
	readAttempt(id: string): Promise<Attempt | null>;
	appendMove(
		id: string,
		expectedSeq: number,
		entry: NewMove,
		after?: AfterAppend
	): Promise<AppendResult>;
	/** The trainee's attempts, newest first. */
	listAttemptsByTrainee(trainee: string): Promise<AttemptSummary[]>;
	/** Records a coach's score override in force on the attempt's line of its trainee's index. */
	setSummaryOverride(attempt: Attempt, override: SummaryOverride): Promise<void>;
	/**
	 * Rewrites the attempt's index line from the attempt file and the override in force when
	 * they differ (a crash between two writes); true when it wrote.
	 */
	syncSummary(
		attempt: Attempt,
		facts: AttemptFacts | null,
		override: SummaryOverride | null
	): Promise<boolean>;
}

function attemptDoc(id: string) {
	return { file: attemptFile(id), check: attemptCheck };
}

function traineeDoc(trainee: string) {
	return { file: traineeFile(trainee), check: traineeIndexCheck };
}

function missing(id: string): Error {
	return new Error(`There is no attempt "${id}"; start a new attempt from the scenario page.`);
}

function summarise(
	attempt: Attempt,
	scenarioTitle: string,
	facts: AttemptFacts | null
): AttemptSummary {
	return {
		attemptId: attempt.id,
		scenarioId: attempt.scenarioId,
		scenarioTitle,
		startedAt: attempt.startedAt,
		finishedAt: attempt.finishedAt,
		outcome: attempt.outcome?.result ?? null,
		scoreDisplay: attempt.report?.display ?? null,
		passed: attempt.report?.passed ?? null,
		total: attempt.report?.total ?? null,
		facts,
		isBlocked: (attempt.report?.blockersFailed.length ?? 0) > 0
	};
}

/** Where a submitted turn stands: why it cannot be appended, or null when it is the next. */
function refusal(attempt: Attempt, expectedSeq: number): 'duplicate' | 'out-of-order' | null {
	if (expectedSeq <= attempt.log.length) return 'duplicate';

	return expectedSeq === attempt.log.length + 1 ? null : 'out-of-order';
}

function withFinish(attempt: Attempt, finish: Finish, at: string): Attempt {
	return { ...attempt, outcome: finish.outcome, report: finish.report, finishedAt: at };
}

/**
 * What appending a move does to the stored attempt. It runs inside the file's queue, so the
 * turn-number check and the write see the same log; a throwing `after` hook writes nothing.
 */
function appendChange(
	attempt: Attempt,
	move: MoveLogEntry,
	after?: AfterAppend
): Change<Attempt, AppendResult> {
	const reason = refusal(attempt, move.seq) ?? (attempt.outcome ? 'finished' : null);
	if (reason) return { next: null, result: { applied: false, reason, attempt } };

	const appended = { ...attempt, log: [...attempt.log, move], updatedAt: move.at };
	const finish = after?.(appended);
	const next = finish ? withFinish(appended, finish, move.at) : appended;

	return { next, result: { applied: true, attempt: next } };
}

/** The verbs bound to one store; routes use the module-level verbs bound to the app store. */
export function attemptsIn(store: Store): AttemptRepository {
	/** Adds or refreshes an attempt's line in its trainee's index. */
	async function updateIndex(
		attempt: Attempt,
		scenarioTitle?: string,
		facts: AttemptFacts | null = null
	): Promise<void> {
		await store.update(traineeDoc(attempt.trainee), (current) => {
			const index: TraineeIndex = current ?? { trainee: attempt.trainee, attempts: [] };
			const old = index.attempts.find((entry) => entry.attemptId === attempt.id);
			const title = scenarioTitle ?? old?.scenarioTitle ?? attempt.scenarioId;
			const line = summarise(attempt, title, facts ?? old?.facts ?? null);
			// Replaced in place: the index stays in the order attempts were started.
			const attempts = old
				? index.attempts.map((entry) => (entry === old ? line : entry))
				: [...index.attempts, line];

			return { next: { ...index, attempts }, result: undefined };
		});
	}

	async function createAttempt(input: NewAttempt): Promise<Attempt> {
		// A damaged index throws here, before an attempt exists that no history would list.
		await store.read(traineeDoc(input.trainee));
		const now = store.now().toISOString();
		const attempt: Attempt = {
			id: randomUUID(),
			scenarioId: input.scenarioId,
			scenarioVersion: input.scenarioVersion,
			trainee: input.trainee,
			traineeName: input.traineeName ?? input.trainee,
			seed: input.seed,
			log: [],
			outcome: null,
			report: null,
			startedAt: now,
			updatedAt: now,
			finishedAt: null
		};
		await store.update(attemptDoc(attempt.id), () => ({ next: attempt, result: undefined }));
		await updateIndex(attempt, input.scenarioTitle);

		return attempt;
	}

	async function readAttempt(id: string): Promise<Attempt | null> {
		return isSafeName(id) ? store.read(attemptDoc(id)) : null;
	}

	async function appendMove(
		id: string,
		expectedSeq: number,
		entry: NewMove,
		after?: AfterAppend
	): Promise<AppendResult> {
		if (entry.seq !== undefined && entry.seq !== expectedSeq) {
			throw new Error(`A move numbered ${entry.seq} was appended as turn ${expectedSeq}.`);
		}
		const at = entry.at ?? store.now().toISOString();
		const move: MoveLogEntry = { seq: expectedSeq, moveId: entry.moveId, at };
		let finish: Finish | null = null;
		const keepFinish: AfterAppend = (appended) => (finish = after?.(appended) ?? null);
		const result = await store.update(attemptDoc(id), (attempt) => {
			if (!attempt) throw missing(id);

			return appendChange(attempt, move, keepFinish);
		});
		if (result.applied && result.attempt.outcome) {
			await updateIndex(result.attempt, undefined, (finish as Finish | null)?.facts ?? null);
		}

		return result;
	}

	async function listAttemptsByTrainee(trainee: string): Promise<AttemptSummary[]> {
		const index = await store.read(traineeDoc(trainee));

		return [...(index?.attempts ?? [])].reverse();
	}

	async function setSummaryOverride(attempt: Attempt, override: SummaryOverride): Promise<void> {
		await store.update(traineeDoc(attempt.trainee), (current) => {
			const index: TraineeIndex = current ?? { trainee: attempt.trainee, attempts: [] };
			const attempts = index.attempts.map((entry) =>
				entry.attemptId === attempt.id ? { ...entry, override } : entry
			);

			return { next: { ...index, attempts }, result: undefined };
		});
	}

	async function syncSummary(
		attempt: Attempt,
		facts: AttemptFacts | null,
		override: SummaryOverride | null
	): Promise<boolean> {
		return store.update(traineeDoc(attempt.trainee), (current) => {
			const index: TraineeIndex = current ?? { trainee: attempt.trainee, attempts: [] };
			const old = index.attempts.find((entry) => entry.attemptId === attempt.id);
			const title = old?.scenarioTitle ?? attempt.scenarioId;
			const line = { ...summarise(attempt, title, facts ?? old?.facts ?? null), override };
			if (old && isDeepStrictEqual({ override: null, ...old }, line)) {
				return { next: null, result: false };
			}
			const attempts = old
				? index.attempts.map((entry) => (entry === old ? line : entry))
				: [...index.attempts, line].sort((a, b) => a.startedAt.localeCompare(b.startedAt));

			return { next: { ...index, attempts }, result: true };
		});
	}

	return {
		createAttempt,
		readAttempt,
		appendMove,
		listAttemptsByTrainee,
		setSummaryOverride,
		syncSummary
	};
}

const app = (): AttemptRepository => attemptsIn(getStore());

/** Starts an attempt on a scenario version; remember the version's source as well. */
export const createAttempt = (input: NewAttempt) => app().createAttempt(input);
/** The attempt, or null when there is none with that id. */
export const readAttempt = (id: string) => app().readAttempt(id);
/** Appends a move if `expectedSeq` is the next turn; a repeated submission is applied once. */
export const appendMove: AttemptRepository['appendMove'] = (id, seq, entry, after) =>
	app().appendMove(id, seq, entry, after);
/** The trainee's attempts, newest first, from their index. */
export const listAttemptsByTrainee = (trainee: string) => app().listAttemptsByTrainee(trainee);
/** Records an override in force on the attempt's index line, for lists and dashboards. */
export const setSummaryOverride = (attempt: Attempt, override: SummaryOverride) =>
	app().setSummaryOverride(attempt, override);
/** Brings the attempt's index line in step with its file and review, when a crash left it behind. */
export const syncSummary: AttemptRepository['syncSummary'] = (attempt, facts, override) =>
	app().syncSummary(attempt, facts, override);
