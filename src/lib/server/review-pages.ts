/**
 * What the review page shows and does: an attempt replayed step by step for a coach or manager
 * whose scope includes its trainee, with the comments on it and its score, computed and
 * overridden; and the review notes its debrief shows. Nobody reviews their own attempt: to
 * its player, as to anyone out of scope, the review page answers as for a missing attempt.
 */
import type { OutcomeResult } from '$lib/deal/types';
import type { Scenario } from '$lib/scenario/types';
import type { ScoreReport } from '$lib/scoring/types';
import { uiText, type UiText } from '$lib/ui-text';
import { moveLabels } from '$lib/views/debrief-view';
import { buildReplayView, type ReplayView } from '$lib/views/replay-view';
import { isReviewer, type Viewer } from './access';
import { setSummaryOverride, type Attempt } from './attempts';
import { textField, UNREADABLE_FORM } from './forms';
import { replayed, visibleAttempt } from './owned-attempt';
import { keepSummaryInStep } from './summary-sync';
import {
	addComment,
	effectiveScore,
	overrideScore,
	readReview,
	type Review,
	type ScoreOverride
} from './reviews';

/** Why an unfinished attempt's score cannot be overridden. */
export const NOT_FINISHED =
	'This attempt is not finished, so it has no score to override yet; ' +
	'comment on it instead, or wait until the trainee ends the deal.';

/** A comment as the review page lists it; `moveLabel` is empty on the whole attempt. */
export interface CommentView {
	id: string;
	authorId: string;
	authorName: string;
	/** ISO time it was written. */
	at: string;
	/** The step it is on; null for the whole attempt. */
	seq: number | null;
	moveLabel: string;
	text: string;
}

/** The score box: the computed score, the one in force, and every override behind it. */
export interface ScoreBox {
	passMark: number;
	original: { score: number; display: string; passed: boolean };
	inForce: { display: string; passed: boolean; isOverridden: boolean };
	/** The override in force, with who, when and why; null when the computed score counts. */
	override: ScoreOverride | null;
	/** Earlier overrides, newest first. */
	history: ScoreOverride[];
}

/** Everything the review page shows for one step of an attempt. */
export interface ReviewPage {
	view: ReplayView;
	traineeName: string;
	outcome: OutcomeResult | null;
	/** Null while the attempt is being played: there is no score yet. */
	score: ScoreBox | null;
	/** Every comment on the attempt, oldest first. */
	comments: CommentView[];
}

/** What a review action did: saved, or refused with a sentence for the form. */
export type ReviewAction = { ok: true } | { ok: false; message: string };

/** Given a viewer who may see the attempt: whether they review it rather than play it. */
export function reviewsAttempt(viewer: Viewer, attempt: Pick<Attempt, 'trainee'>): boolean {
	return isReviewer(viewer) && attempt.trainee !== viewer.id;
}

/** An attempt the viewer may review, with the scenario version it was played on. */
interface Reviewable {
	attempt: Attempt;
	scenario: Scenario;
}

/** The attempt and its scenario when the viewer may review it, else null. */
async function reviewable(attemptId: string, viewer: Viewer): Promise<Reviewable | null> {
	if (!isReviewer(viewer)) return null;
	const found = await visibleAttempt(attemptId, viewer);

	return found && reviewsAttempt(viewer, found.attempt) ? found : null;
}

/**
 * A review verb on an attempt by id: it acts on an attempt the viewer may review, and answers
 * null, as for a missing attempt, to anyone else.
 */
function asReviewer<Input, Output>(
	act: (found: Reviewable, input: Input, viewer: Viewer) => Promise<Output>
): (attemptId: string, viewer: Viewer, input: Input) => Promise<Output | null> {
	return async (attemptId, viewer, input) => {
		const found = await reviewable(attemptId, viewer);

		return found ? act(found, input, viewer) : null;
	};
}

/**
 * The review page at a step (null: the first move, or step 0 when none was played), or null
 * when there is no such attempt or the viewer may not review it.
 */
export const loadReview = asReviewer(
	async ({ attempt, scenario }, step: number | null): Promise<ReviewPage> => {
		const review = await readReview(attempt.id);
		if (attempt.report) {
			await keepSummaryInStep(attempt, scenario, replayed(scenario, attempt.log).context);
		}

		return {
			view: buildReplayView(scenario, attempt, step ?? 1),
			traineeName: attempt.traineeName,
			outcome: attempt.outcome?.result ?? null,
			score: attempt.report && scoreBox(attempt.report, review),
			comments: commentViews(review, attempt, moveLabels(scenario))
		};
	}
);

function scoreBox(report: ScoreReport, review: Review): ScoreBox {
	const inForce = effectiveScore(report, review);

	return {
		passMark: report.passMark,
		original: { score: report.total, display: report.display, passed: report.passed },
		inForce: {
			display: inForce.display,
			passed: inForce.passed,
			isOverridden: inForce.isOverridden
		},
		override: inForce.override,
		history: review.overrides.slice(0, -1).reverse()
	};
}

function commentViews(
	review: Review,
	attempt: Attempt,
	labels: Record<string, string>
): CommentView[] {
	return review.comments.map((comment) => {
		const moveId = comment.seq === null ? null : attempt.log[comment.seq - 1]?.moveId;

		return { ...comment, moveLabel: moveId ? (labels[moveId] ?? moveId) : '' };
	});
}

/** The posted step: 0 or empty is the whole attempt; anything else must be a whole number. */
function postedSeq(raw: string): { seq: number | null } | { message: string } {
	const text = raw.trim();
	if (text === '' || text === '0') return { seq: null };
	if (/^\d+$/.test(text)) return { seq: Number(text) };

	return { message: `There is no step "${text}" in this attempt; choose one from the step list.` };
}

/** Saves a comment (`seq`, `text`); null when the viewer may not review the attempt. */
export const commentOn = asReviewer(
	async ({ attempt }, form: FormData | null, viewer): Promise<ReviewAction> => {
		if (!form) return { ok: false, message: UNREADABLE_FORM };

		const posted = postedSeq(textField(form, 'seq'));
		if ('message' in posted) return { ok: false, message: posted.message };
		const input = { authorId: viewer.id, authorName: viewer.name, seq: posted.seq };
		const text = textField(form, 'text');
		const saved = await addComment(attempt.id, { ...input, text }, attempt.log.length);

		return saved.ok ? { ok: true } : saved;
	}
);

/**
 * Puts a new score (`score`, `reason`) in force on a finished attempt and on its line in the
 * trainee's index; null when the viewer may not review the attempt.
 */
export const overrideFor = asReviewer(
	async ({ attempt }, form: FormData | null, viewer): Promise<ReviewAction> => {
		if (!attempt.report) return { ok: false, message: NOT_FINISHED };
		if (!form) return { ok: false, message: UNREADABLE_FORM };

		const { report } = attempt;
		const saved = await overrideScore(attempt.id, {
			score: textField(form, 'score'),
			reason: textField(form, 'reason'),
			byId: viewer.id,
			byName: viewer.name,
			originalScore: report.total,
			originalDisplay: report.display
		});
		if (!saved.ok) return saved;

		const { score, display, passed } = effectiveScore(report, saved.review);
		await setSummaryOverride(attempt, { score, display, passed });

		return { ok: true };
	}
);

/** A comment as the debrief shows it; `turn` is "Turn 3: …" in the scenario's language. */
export interface NoteView {
	id: string;
	authorName: string;
	at: string;
	turn: string;
	text: string;
}

/** What a debrief shows of the attempt's review. */
export interface DebriefNotes {
	whole: NoteView[];
	/** In the order of the moves, then of writing. */
	byMove: NoteView[];
	override: {
		display: string;
		passed: boolean;
		originalDisplay: string;
		byName: string;
		at: string;
		reason: string;
	} | null;
}

function noteOf(comment: CommentView, text: UiText): NoteView {
	const { id, authorName, at, seq } = comment;
	const turn = seq === null ? '' : text.rules.turn(seq, comment.moveLabel);

	return { id, authorName, at, turn, text: comment.text };
}

function overrideNote(report: ScoreReport, review: Review): DebriefNotes['override'] {
	const { display, passed, override } = effectiveScore(report, review);
	if (!override) return null;
	const { originalDisplay, byName, at, reason } = override;

	return { display, passed, originalDisplay, byName, at, reason };
}

/** The review notes of a finished attempt, for its debrief, worded in its scenario's language. */
export async function debriefNotes(
	attempt: Attempt,
	scenario: Scenario,
	report: ScoreReport
): Promise<DebriefNotes> {
	const review = await readReview(attempt.id);
	const text = uiText(scenario.language);
	const comments = commentViews(review, attempt, moveLabels(scenario));
	const onMoves = comments.filter((comment) => comment.seq !== null);
	// A stable sort: comments on one move stay in the order they were written.
	onMoves.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));

	return {
		whole: comments.filter((comment) => comment.seq === null).map((c) => noteOf(c, text)),
		byMove: onMoves.map((comment) => noteOf(comment, text)),
		override: overrideNote(report, review)
	};
}
