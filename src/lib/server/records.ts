/**
 * The shapes the store keeps on disk and the checks they must pass when read back. Reports are
 * checked on their top-level fields only: they are written by the scoring engine, and a deep
 * check would restate its types for little gain.
 */
import type { MoveLogEntry, Outcome, OutcomeResult } from '../deal/types';
import type { AttemptFacts } from '../scoring/facts';
import type { ScoreReport } from '../scoring/types';
import { attemptFactsCheck } from './facts-check';
import {
	arrayOf,
	boolean,
	isoTime,
	literal,
	nullable,
	number,
	object,
	optional,
	string,
	wholeNumber,
	type Check
} from './schema';

/** One trainee's play of one scenario version: the move log is the truth. */
export interface Attempt {
	id: string;
	scenarioId: string;
	scenarioVersion: string;
	/** Who played: the display name, or a stable key when the app keeps one per trainee. */
	trainee: string;
	/** The name shown in the debrief; the same as `trainee` when no separate key is kept. */
	traineeName: string;
	/** Seed of the deal's random source, so a replay draws the same numbers. */
	seed: number;
	log: MoveLogEntry[];
	outcome: Outcome | null;
	report: ScoreReport | null;
	startedAt: string;
	updatedAt: string;
	finishedAt: string | null;
	/** The display-name key it was played under before a manager gave it to an account. */
	claimedFrom?: string;
}

/** What a trainee's history page shows of one attempt, without opening the attempt file. */
export interface AttemptSummary {
	attemptId: string;
	scenarioId: string;
	scenarioTitle: string;
	startedAt: string;
	finishedAt: string | null;
	outcome: OutcomeResult | null;
	/** The report's `display` score ("79.9"); null until finished. */
	scoreDisplay: string | null;
	passed: boolean | null;
	/** The exact score; absent in lines written before dashboards existed. */
	total?: number | null;
	/** What dashboards count, kept when the attempt finishes; absent in older lines. */
	facts?: AttemptFacts | null;
	/** A coach's score override in force (the review file keeps its history). */
	override?: SummaryOverride | null;
	/** A failed blocker fails the attempt whatever its score; absent in older lines. */
	isBlocked?: boolean;
}

export interface SummaryOverride {
	score: number;
	display: string;
	passed: boolean;
}

/** The score that counts: a coach's override when there is one; null until finished. */
export function effectiveTotal(summary: AttemptSummary): number | null {
	if (summary.override) return summary.override.score;
	if (summary.total !== undefined) return summary.total;

	// Lines written before exact totals were kept: the display is rounded down to 0.1.
	return summary.scoreDisplay === null ? null : Number(summary.scoreDisplay);
}

/** The per-trainee index file. */
export interface TraineeIndex {
	trainee: string;
	attempts: AttemptSummary[];
	/** Set on a display-name index once a manager gave its attempts to this account id. */
	claimedBy?: string;
}

const moveLogEntry: Check<MoveLogEntry> = object<MoveLogEntry>({
	seq: wholeNumber,
	moveId: string,
	at: isoTime
});

const outcome: Check<Outcome> = object<Outcome>({
	result: literal('won', 'lost'),
	reason: string,
	narrative: string,
	turn: wholeNumber
});

const scoreReport = object<Pick<ScoreReport, 'total' | 'display' | 'passMark' | 'passed'>>({
	total: number,
	display: string,
	passMark: number,
	passed: boolean
}) as Check<ScoreReport>;

export const attemptCheck: Check<Attempt> = object<Attempt>({
	id: string,
	scenarioId: string,
	scenarioVersion: string,
	trainee: string,
	traineeName: string,
	seed: number,
	log: arrayOf(moveLogEntry),
	outcome: nullable(outcome),
	report: nullable(scoreReport),
	startedAt: isoTime,
	updatedAt: isoTime,
	finishedAt: nullable(isoTime),
	claimedFrom: optional(string)
});

const attemptSummary: Check<AttemptSummary> = object<AttemptSummary>({
	attemptId: string,
	scenarioId: string,
	scenarioTitle: string,
	startedAt: isoTime,
	finishedAt: nullable(isoTime),
	outcome: nullable(literal('won', 'lost')),
	scoreDisplay: nullable(string),
	passed: nullable(boolean),
	total: optional(nullable(number)),
	facts: optional(nullable(attemptFactsCheck)),
	isBlocked: optional(boolean),
	override: optional(
		nullable(object<SummaryOverride>({ score: number, display: string, passed: boolean }))
	)
});

export const traineeIndexCheck: Check<TraineeIndex> = object<TraineeIndex>({
	trainee: string,
	attempts: arrayOf(attemptSummary),
	claimedBy: optional(string)
});
