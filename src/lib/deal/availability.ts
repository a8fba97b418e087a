import type { Clause, Move, Scenario } from '../scenario/types';
import { CLOSE_MOVE_ID } from '../scenario/types';
import { clauseHolds, firstUnmetClause } from './conditions';
import { explainClause, reasonTexts } from './explain';
import { nextSeq } from './step';
import type { DealContext, MoveAvailability, MoveCheck, SeqStatus } from './types';

/** The built-in close move behaves like a move with the condition `from tender`. */
const CLOSE_CLAUSE: Clause = { kind: 'stage', relation: 'from', stage: 'tender' };

/**
 * Whether the move may be played now, and if not the sentence the trainee reads. Order of
 * reasons: the deal is over, the move is unknown, it was already played, then its condition
 * (the coach's `refused` text when given, else the first unmet clause explained).
 */
export function checkMove(scenario: Scenario, context: DealContext, moveId: string): MoveCheck {
	const texts = reasonTexts(scenario.language);
	if (context.outcome) return { ok: false, reason: texts.dealOver };
	if (moveId === CLOSE_MOVE_ID) return checkClose(scenario, context);

	const move = scenario.moves.find((candidate) => candidate.id === moveId);
	if (!move) return { ok: false, reason: texts.unknownMove(moveId) };
	if (!move.repeatable && (context.played[move.id] ?? 0) > 0) {
		return { ok: false, reason: texts.alreadyPlayed };
	}

	return checkCondition(scenario, context, move);
}

/**
 * The bid can go in from the tender stage on, or earlier when no other move is left: a deal
 * that has run out of moves must still reach a decision rather than stall.
 */
function checkClose(scenario: Scenario, context: DealContext): MoveCheck {
	if (clauseHolds(scenario, context, CLOSE_CLAUSE)) return { ok: true };
	const isStalled = scenario.moves.every((move) => !checkMove(scenario, context, move.id).ok);
	if (isStalled) return { ok: true };

	return { ok: false, reason: explainClause(scenario, context, CLOSE_CLAUSE) };
}

function checkCondition(scenario: Scenario, context: DealContext, move: Move): MoveCheck {
	const unmet = firstUnmetClause(scenario, context, move.when);
	if (unmet === -1) return { ok: true };

	const reason = move.refusal ?? explainClause(scenario, context, move.when.clauses[unmet]);

	return { ok: false, reason };
}

/** Every scenario move in file order, then the close move, as the trainee sees them now. */
export function moveAvailability(scenario: Scenario, context: DealContext): MoveAvailability[] {
	const ids = [...scenario.moves.map((move) => move.id), CLOSE_MOVE_ID];

	return ids.map((moveId) => {
		const check = checkMove(scenario, context, moveId);

		return { moveId, isAvailable: check.ok, reason: check.ok ? null : check.reason };
	});
}

/**
 * Where a submitted turn number stands: 'next' is the one to apply; 'applied' means the turn
 * is already in the timeline (a repeated submission: answer with the current state and do not
 * apply it again); 'out-of-sequence' (a skipped turn, zero, a fraction) is refused.
 */
export function classifySeq(context: DealContext, seq: number): SeqStatus {
	const expected = nextSeq(context);
	if (seq === expected) return 'next';

	return Number.isInteger(seq) && seq >= 1 && seq < expected ? 'applied' : 'out-of-sequence';
}
