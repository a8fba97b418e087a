/**
 * The review of one attempt as the store keeps it (`reviews/<attemptId>.json`), and the check it
 * must pass when read back.
 */
import {
	arrayOf,
	isoTime,
	nullable,
	number,
	object,
	string,
	wholeNumber,
	type Check
} from './schema';

/** A reviewer's remark on the whole attempt (seq null) or on the move of one step. */
export interface ReviewComment {
	id: string;
	authorId: string;
	authorName: string;
	at: string;
	seq: number | null;
	text: string;
}

/** A reviewer's score in place of the computed one, with the score it replaced. */
export interface ScoreOverride {
	/** 0-100, at most one decimal. */
	score: number;
	reason: string;
	byId: string;
	byName: string;
	at: string;
	/** The report's exact total and its display when the override was made. */
	originalScore: number;
	originalDisplay: string;
}

export interface Review {
	attemptId: string;
	/** Oldest first. */
	comments: ReviewComment[];
	/** Oldest first; the last one is in force, the earlier ones are its history. */
	overrides: ScoreOverride[];
}

const reviewComment: Check<ReviewComment> = object<ReviewComment>({
	id: string,
	authorId: string,
	authorName: string,
	at: isoTime,
	seq: nullable(wholeNumber),
	text: string
});

const scoreOverride: Check<ScoreOverride> = object<ScoreOverride>({
	score: number,
	reason: string,
	byId: string,
	byName: string,
	at: isoTime,
	originalScore: number,
	originalDisplay: string
});

export const reviewCheck: Check<Review> = object<Review>({
	attemptId: string,
	comments: arrayOf(reviewComment),
	overrides: arrayOf(scoreOverride)
});
