// Relative, not $lib: the deal engine also runs outside Kit (CLI scripts, plain node).
import type { Line, Stage, Stance } from '../scenario/types';

/** One entry of an attempt's move log: the log is the truth from which all state is rebuilt. */
export interface MoveLogEntry {
	/** 1-based turn number; the n-th move of the attempt has seq n. */
	seq: number;
	/** A move id of the scenario, or CLOSE_MOVE_ID for the built-in closing move. */
	moveId: string;
	/** ISO 8601 time the server accepted the move. */
	at: string;
}

export type OutcomeResult = 'won' | 'lost';

export interface Outcome {
	result: OutcomeResult;
	/** 'decision' when decided at the close, else the id of the loss trigger that fired. */
	reason: string;
	/** Markdown the trainee reads: the decision's won/lost text or the loss's narrative. */
	narrative: string;
	/** The turn that ended the deal. */
	turn: number;
}

/** The deal after one turn, kept in the context so scoring can read the whole history. */
export interface TurnRecord {
	seq: number;
	moveId: string;
	line: Line | null;
	/** Week and stage when the move started. */
	weekBefore: number;
	stageBefore: Stage;
	/** Week and stage after the move's cost and effects. */
	week: number;
	stage: Stage;
	/** Stance value (-2..2) of every person after the move. */
	stances: Record<string, number>;
	/** Intel ids known after the move, in the order learned. */
	intel: string[];
	/** Intel ids this move revealed. */
	revealed: string[];
}

/** The machine's context: everything a page or the scoring engine needs to know. */
export interface DealContext {
	week: number;
	stage: Stage;
	/** Stance value (-2..2) by person id. */
	stances: Record<string, number>;
	intel: string[];
	/** How many times each move id was played. */
	played: Record<string, number>;
	/** Initial state first (seq 0, moveId ''), then one record per turn. */
	timeline: TurnRecord[];
	outcome: Outcome | null;
}

/** How a move looks to the trainee right now. */
export interface MoveAvailability {
	moveId: string;
	isAvailable: boolean;
	/** Why it is unavailable, in the scenario's language; null when available. */
	reason: string | null;
}

export type { Line, Stage, Stance };

/** Play one of the scenario's moves; `seq` must be the next turn number. */
export interface MovePlayEvent {
	type: 'move.play';
	moveId: string;
	seq: number;
}

/** Play the built-in closing move (CLOSE_MOVE_ID); `seq` must be the next turn number. */
export interface DealCloseEvent {
	type: 'deal.close';
	seq: number;
}

export type DealEvent = MovePlayEvent | DealCloseEvent;

/** The answer to "may this move be played now?": the reason is what the trainee reads. */
export type MoveCheck = { ok: true } | { ok: false; reason: string };

/** Where a submitted turn number stands against the deal: see `classifySeq`. */
export type SeqStatus = 'next' | 'applied' | 'out-of-sequence';
