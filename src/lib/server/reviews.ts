/**
 * The review repository: coaches' and managers' comments on an attempt and their overrides of
 * its score, in one small file per attempt. Input a reviewer typed is checked here and refused
 * with a sentence a form can show; whether the reviewer may review the attempt, and that the
 * attempt exists, is the caller's to check first.
 */
import { randomUUID } from 'node:crypto';
import type { ScoreReport } from '../scoring/types';
import { reviewCheck, type Review, type ReviewComment, type ScoreOverride } from './review-records';
import { getStore, isSafeName, type StoredJson, type Store } from './store';

export type { Review, ReviewComment, ScoreOverride } from './review-records';

/** A comment as the form gives it; `seq` null comments on the whole attempt. */
export interface NewComment {
	authorId: string;
	authorName: string;
	seq: number | null;
	text: string;
}

/** An override as the form gives it; `score` may be the form's text ("72.5") or a number. */
export interface NewOverride {
	score: number | string;
	reason: string;
	byId: string;
	byName: string;
	originalScore: number;
	originalDisplay: string;
}

/** A saved review, or why the input was refused, in a sentence for the form. */
export type ReviewChange = { ok: true; review: Review } | { ok: false; message: string };

export interface ReviewRepository {
	/** The attempt's review; an empty one when nobody has reviewed it yet. */
	readReview(attemptId: string): Promise<Review>;
	/** Adds a comment on step `seq` (1 … maxSeq, the log's length) or on the whole attempt. */
	addComment(attemptId: string, input: NewComment, maxSeq: number): Promise<ReviewChange>;
	/** Puts a new score in force, keeping every earlier override as history. */
	overrideScore(attemptId: string, input: NewOverride): Promise<ReviewChange>;
}

/** What a review shows as the attempt's score: the computed one, or the override in force. */
export interface EffectiveScore {
	score: number;
	display: string;
	passed: boolean;
	isOverridden: boolean;
	override: ScoreOverride | null;
}

const COMMENT_MAX = 2000;
const REASON_MIN = 3;
const REASON_MAX = 500;
// C0 and C1 controls and DEL, except tab and newline: a form's line breaks are made \n first.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** The store path of an attempt's review. */
export function reviewFile(attemptId: string): string {
	if (!isSafeName(attemptId)) {
		throw new Error(`The attempt id "${attemptId}" cannot be used in a file name.`);
	}

	return `reviews/${attemptId}.json`;
}

function reviewDoc(attemptId: string): StoredJson<Review> {
	return { file: reviewFile(attemptId), check: reviewCheck };
}

/** Counts what a person counts as characters: an emoji or a 汉字 is one. */
function length(text: string): number {
	return [...text].length;
}

/** Form line breaks (\r\n) as \n, and no space around the text. */
function tidy(text: string): string {
	return text.replace(/\r\n?/g, '\n').trim();
}

function commentProblem(text: string): string | null {
	if (text === '') return 'Write a comment before saving it.';
	if (length(text) > COMMENT_MAX) {
		return `The comment is ${length(text)} characters long; shorten it to ${COMMENT_MAX} or fewer.`;
	}

	return CONTROL.test(text)
		? 'The comment contains a control character; remove it and save again.'
		: null;
}

/** A comment is on the whole attempt (null) or on one of its steps, 1 … maxSeq. */
function seqProblem(seq: number | null, maxSeq: number): string | null {
	if (seq === null) return null;
	if (maxSeq < 1) return 'This attempt has no moves yet; comment on the whole attempt instead.';
	if (Number.isSafeInteger(seq) && seq >= 1 && seq <= maxSeq) return null;

	return (
		`There is no step ${seq} in this attempt; ` +
		`choose a step from 1 to ${maxSeq}, or the whole attempt.`
	);
}

/** The score as a number, or why it cannot be one. */
function parseScore(raw: number | string): number | string {
	const text = typeof raw === 'string' ? raw.trim() : null;
	if (text === '') return 'Enter the new score, a number from 0 to 100.';
	if (text !== null && !DECIMAL.test(text)) {
		return `The score "${text}" is not a number; enter one from 0 to 100, such as 72.5.`;
	}
	const score = text === null ? (raw as number) : Number(text);
	if (!Number.isFinite(score))
		return 'The score is not a number; enter one from 0 to 100, such as 72.5.';
	if (score < 0 || score > 100)
		return `The score ${score} is not between 0 and 100; enter one that is.`;
	// Each of the 1001 one-decimal numbers from 0 to 100, times 10, is exactly whole in floating
	// point, so this refuses 72.35 and never a 72.3.
	const tenths = score * 10;
	if (!Number.isInteger(tenths)) {
		return `The score ${score} has more than one decimal; round it to one, such as 72.5.`;
	}

	return Math.round(tenths) / 10;
}

function reasonProblem(reason: string): string | null {
	if (length(reason) < REASON_MIN) {
		return `Give a reason for the new score, at least ${REASON_MIN} characters long.`;
	}
	if (length(reason) > REASON_MAX) {
		return `The reason is ${length(reason)} characters long; shorten it to ${REASON_MAX} or fewer.`;
	}

	return CONTROL.test(reason)
		? 'The reason contains a control character; remove it and save again.'
		: null;
}

function emptyReview(attemptId: string): Review {
	return { attemptId, comments: [], overrides: [] };
}

/** The verbs bound to one store; routes use the module-level verbs bound to the app store. */
export function reviewsIn(store: Store): ReviewRepository {
	async function readReview(attemptId: string): Promise<Review> {
		return (await store.read(reviewDoc(attemptId))) ?? emptyReview(attemptId);
	}

	/** Appends to the review in one queued write, so two reviewers saving at once both land. */
	function save(attemptId: string, add: (review: Review) => Review): Promise<ReviewChange> {
		return store.update(reviewDoc(attemptId), (current) => {
			const review = add(current ?? emptyReview(attemptId));

			return { next: review, result: { ok: true, review } };
		});
	}

	async function addComment(
		attemptId: string,
		input: NewComment,
		maxSeq: number
	): Promise<ReviewChange> {
		const text = tidy(input.text);
		const message = commentProblem(text) ?? seqProblem(input.seq, maxSeq);
		if (message) return { ok: false, message };

		const comment: ReviewComment = {
			id: randomUUID(),
			authorId: input.authorId,
			authorName: input.authorName,
			at: store.now().toISOString(),
			seq: input.seq,
			text
		};

		return save(attemptId, (review) => ({ ...review, comments: [...review.comments, comment] }));
	}

	async function overrideScore(attemptId: string, input: NewOverride): Promise<ReviewChange> {
		const score = parseScore(input.score);
		if (typeof score === 'string') return { ok: false, message: score };
		const reason = tidy(input.reason);
		const message = reasonProblem(reason);
		if (message) return { ok: false, message };

		const override: ScoreOverride = {
			score,
			reason,
			byId: input.byId,
			byName: input.byName,
			at: store.now().toISOString(),
			originalScore: input.originalScore,
			originalDisplay: input.originalDisplay
		};

		return save(attemptId, (review) => ({ ...review, overrides: [...review.overrides, override] }));
	}

	return { readReview, addComment, overrideScore };
}

/**
 * The score a review shows. An override re-judges the pass on its new score alone: it passes
 * when the score reaches the report's pass mark, even where a failed blocker had failed it, and
 * fails below the mark however the attempt was first judged.
 */
export function effectiveScore(report: ScoreReport, review: Review): EffectiveScore {
	const override = review.overrides.at(-1) ?? null;
	if (!override) {
		const { total, display, passed } = report;

		return { score: total, display, passed, isOverridden: false, override: null };
	}

	return {
		score: override.score,
		display: override.score.toFixed(1),
		passed: override.score >= report.passMark,
		isOverridden: true,
		override
	};
}

const app = (): ReviewRepository => reviewsIn(getStore());

/** The attempt's review; an empty one when nobody has reviewed it yet. */
export const readReview = (attemptId: string) => app().readReview(attemptId);
/** Adds a reviewer's comment, or returns why the input was refused. */
export const addComment: ReviewRepository['addComment'] = (attemptId, input, maxSeq) =>
	app().addComment(attemptId, input, maxSeq);
/** Puts a reviewer's score in force, or returns why the input was refused. */
export const overrideScore: ReviewRepository['overrideScore'] = (attemptId, input) =>
	app().overrideScore(attemptId, input);
