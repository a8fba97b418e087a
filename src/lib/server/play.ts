/**
 * The trainee's actions: starting an attempt and playing a move. The server is authoritative:
 * every move is checked against the deal replayed from the stored log, and when a move ends the
 * deal the score is computed from that log in the same write.
 */
import { randomInt } from 'node:crypto';
import { checkMove, classifySeq, continueDeal, type ReplayedDeal } from '$lib/deal';
import { reasonTexts } from '$lib/deal/explain';
import { CLOSE_MOVE_ID, type Scenario } from '$lib/scenario/types';
import { scoreAttempt } from '$lib/scoring';
import { attemptFacts } from '$lib/scoring/facts';
import { uiText, type RefusalText } from '$lib/ui-text';
import { appendMove, createAttempt, type Attempt, type Finish } from './attempts';
import { ownAttempt, replayed } from './owned-attempt';
import { getScenario, rememberScenarioVersion } from './scenarios';
import type { Viewer } from './access';

/** Starts an attempt on the scenario's current version; null when there is no such scenario. */
export async function startAttempt(scenarioId: string, player: Viewer): Promise<string | null> {
	const entry = await getScenario(scenarioId);
	if (!entry) return null;

	const { scenario } = entry;
	await rememberScenarioVersion(scenario.id, scenario.version);
	const attempt = await createAttempt({
		scenarioId: scenario.id,
		scenarioVersion: scenario.version,
		scenarioTitle: scenario.title,
		trainee: player.id,
		traineeName: player.name,
		seed: randomInt(2 ** 31)
	});

	return attempt.id;
}

export type MoveResult =
	| { kind: 'missing' }
	| { kind: 'refused'; status: 400 | 409; reason: string }
	| { kind: 'applied'; isFinished: boolean };

/** What the move form posted; null when the body could not be read as a form. */
export type PostedMove = { moveId: string; seq: number } | null;

/**
 * Plays one move. `seq` is the turn the page was showing: a repeat of a turn already played
 * (a double click, a retry) is answered as if it had just been applied and changes nothing.
 * Refusals are worded in the scenario's language, as the rest of the play page is.
 */
export async function playMove(
	attemptId: string,
	player: Viewer,
	posted: PostedMove
): Promise<MoveResult> {
	const found = await ownAttempt(attemptId, player);
	if (!found) return { kind: 'missing' };

	const { attempt, scenario } = found;
	if (!posted) return refuse(scenario, 400, 'unreadableForm');
	const { moveId, seq } = posted;
	const malformed = checkForm(scenario, moveId, seq);
	if (malformed) return malformed;

	const before = replayed(scenario, attempt.log);
	const early = precheck(scenario, attempt, before, moveId, seq);
	if (early) return early;

	const result = await appendMove(attempt.id, seq, { moveId }, (appended) =>
		finishIfEnded(scenario, before, appended)
	);
	if (result.applied) return { kind: 'applied', isFinished: result.attempt.outcome !== null };

	return answerUnapplied(scenario, result.attempt, moveId, seq, result.reason);
}

/** The refusals that are one fixed sentence. */
type FixedRefusal = Exclude<keyof RefusalText, 'unknownMove'>;

function refuse(scenario: Scenario, status: 400 | 409, refusal: FixedRefusal): MoveResult {
	return { kind: 'refused', status, reason: uiText(scenario.language).refusals[refusal] };
}

/** A request no page of ours would send: a 400 that names what is wrong with it. */
function checkForm(scenario: Scenario, moveId: string, seq: number): MoveResult | null {
	if (!Number.isSafeInteger(seq) || seq < 1) return refuse(scenario, 400, 'noTurnNumber');
	if (moveId === '') return refuse(scenario, 400, 'noMove');
	const isKnown = moveId === CLOSE_MOVE_ID || scenario.moves.some((move) => move.id === moveId);
	if (!isKnown) {
		const shown = moveId.length > 60 ? `${moveId.slice(0, 60)}…` : moveId;
		const reason = uiText(scenario.language).refusals.unknownMove(shown);
		return { kind: 'refused', status: 400, reason };
	}

	return null;
}

/** Refuses what can be refused before writing; null when the move may be appended. */
function precheck(
	scenario: Scenario,
	attempt: Attempt,
	deal: ReplayedDeal,
	moveId: string,
	seq: number
): MoveResult | null {
	const status = classifySeq(deal.context, seq);
	if (status === 'applied') return answerUnapplied(scenario, attempt, moveId, seq, 'duplicate');
	if (status === 'out-of-sequence') return refuse(scenario, 409, 'outOfDate');

	const check = checkMove(scenario, deal.context, moveId);

	return check.ok ? null : { kind: 'refused', status: 409, reason: check.reason };
}

function dealOverReason(scenario: Scenario): string {
	return reasonTexts(scenario.language).dealOver;
}

/** A move that was not appended: the same move repeated is fine; anything else is stale. */
function answerUnapplied(
	scenario: Scenario,
	attempt: Attempt,
	moveId: string,
	seq: number,
	reason: string
): MoveResult {
	const earlier = attempt.log.find((entry) => entry.seq === seq);
	if (reason === 'duplicate' && earlier?.moveId === moveId) {
		return { kind: 'applied', isFinished: attempt.outcome !== null };
	}
	// The engine words it: the same sentence as on the play screen's buttons.
	if (reason === 'finished')
		return { kind: 'refused', status: 409, reason: dealOverReason(scenario) };

	return refuse(scenario, 409, 'outOfDate');
}

/**
 * Inside the write: when the appended move ended the deal, score it from the log. The write
 * only happens when the log is still the one `before` was replayed from, so one step on from
 * `before` is the deal after the move.
 */
function finishIfEnded(scenario: Scenario, before: ReplayedDeal, attempt: Attempt): Finish | null {
	const entry = attempt.log[attempt.log.length - 1];
	const deal = continueDeal(scenario, before, entry);
	if (!deal.ok) throw new Error(`Turn ${entry.seq} was accepted but does not play: ${deal.reason}`);
	if (!deal.outcome) return null;

	const report = scoreAttempt(scenario, attempt.log, deal.context);

	return { outcome: deal.outcome, report, facts: attemptFacts(scenario, report, deal.context) };
}
