/**
 * The trainee's side of the app: the catalogue, starting an attempt, playing a move and reading
 * the debrief. Routes call these; they call the catalogue, the attempt repository, the deal
 * engine and the scoring engine. The server is authoritative: every move is checked against
 * the deal replayed from the stored log, and the score is computed here from that log.
 */
import { randomInt } from 'node:crypto';
import { checkMove, classifySeq, replayDeal, type ReplayedDeal } from '$lib/deal';
import { vocabulary } from '$lib/labels';
import { renderMarkdown } from '$lib/markdown';
import { formatScenarioError } from '$lib/scenario/parse';
import type { Scenario } from '$lib/scenario/types';
import { scoreAttempt } from '$lib/scoring';
import { buildDebriefView, moveLabels } from '$lib/views/debrief-view';
import { buildPlayView, presentLines } from '$lib/views/play-view';
import type { DebriefView, PlayView, ScenarioCard } from '$lib/views/types';
import {
	appendMove,
	createAttempt,
	listAttemptsByTrainee,
	readAttempt,
	type Attempt,
	type Finish
} from './attempts';
import {
	getScenario,
	getScenarioVersion,
	listScenarios,
	rememberScenarioVersion
} from './scenarios';
import type { Trainee } from './trainee';

export async function listCatalogue(): Promise<ScenarioCard[]> {
	const { scenarios } = await listScenarios();

	return scenarios
		.map(({ scenario }) => {
			const words = vocabulary(scenario.language);
			return {
				id: scenario.id,
				title: scenario.title,
				summary: scenario.summary,
				language: scenario.language,
				sizeLabel: words.sizes[scenario.size],
				weeks: scenario.weeks,
				lineLabels: presentLines(scenario).map((line) => words.lines[line])
			};
		})
		.sort((a, b) => a.title.localeCompare(b.title));
}

/** What the briefing page shows, or null when no playable scenario has that id. */
export async function loadBriefing(scenarioId: string) {
	const entry = await getScenario(scenarioId);
	if (!entry) return null;
	const { scenario } = entry;

	return {
		id: scenario.id,
		title: scenario.title,
		language: scenario.language,
		sizeLabel: vocabulary(scenario.language).sizes[scenario.size],
		weeks: scenario.weeks,
		competitor: scenario.competitor,
		briefingHtml: renderMarkdown(scenario.briefing),
		lines: buildPlayView('', scenario, replayed(scenario, []).context).lines
	};
}

/** Starts an attempt on the scenario's current version; null when there is no such scenario. */
export async function startAttempt(scenarioId: string, trainee: Trainee): Promise<string | null> {
	const entry = await getScenario(scenarioId);
	if (!entry) return null;

	const { scenario } = entry;
	await rememberScenarioVersion(scenario.id, scenario.version);
	const attempt = await createAttempt({
		scenarioId: scenario.id,
		scenarioVersion: scenario.version,
		scenarioTitle: scenario.title,
		trainee: trainee.key,
		traineeName: trainee.name,
		seed: randomInt(2 ** 31)
	});

	return attempt.id;
}

/** The trainee's attempts for their history list, newest first. */
export async function listTraineeAttempts(trainee: Trainee) {
	const summaries = await listAttemptsByTrainee(trainee.key);

	return summaries.map((summary) => ({
		id: summary.attemptId,
		title: summary.scenarioTitle,
		startedAt: summary.startedAt,
		isFinished: summary.finishedAt !== null,
		outcome: summary.outcome ?? 'in progress',
		score: summary.scoreDisplay ?? '—'
	}));
}

/** An attempt of this trainee with the scenario version it was played on, or null. */
async function ownAttempt(attemptId: string, trainee: Trainee | null) {
	if (!trainee) return null;
	const attempt = await readAttempt(attemptId);
	// Someone else's attempt answers exactly like a missing one.
	if (!attempt || attempt.trainee !== trainee.key) return null;

	const scenario = await getScenarioVersion(attempt.scenarioId, attempt.scenarioVersion);
	if (!scenario) {
		throw new Error(
			`Attempt ${attempt.id} was played on version ${attempt.scenarioVersion} of ` +
				`"${attempt.scenarioId}", whose source is no longer stored.`
		);
	}

	return { attempt, scenario };
}

/** Replays a stored log; a log that does not replay is corrupt and must not be shown as play. */
function replayed(scenario: Scenario, log: Attempt['log']): ReplayedDeal {
	const result = replayDeal(scenario, log);
	if (!result.ok) {
		throw new Error(`The stored move log does not replay at turn ${result.seq}: ${result.reason}`);
	}

	return result;
}

export async function loadPlay(
	attemptId: string,
	trainee: Trainee | null
): Promise<{ isFinished: boolean; view: PlayView } | null> {
	const found = await ownAttempt(attemptId, trainee);
	if (!found) return null;

	const { attempt, scenario } = found;
	const deal = replayed(scenario, attempt.log);

	return {
		isFinished: attempt.outcome !== null,
		view: buildPlayView(attempt.id, scenario, deal.context)
	};
}

export type MoveResult =
	| { kind: 'missing' }
	| { kind: 'refused'; status: 400 | 409; reason: string }
	| { kind: 'applied'; isFinished: boolean };

/**
 * Plays one move. `seq` is the turn the page was showing: a repeat of a turn already played
 * (a double click, a retry) is answered as if it had just been applied and changes nothing.
 */
export async function playMove(
	attemptId: string,
	trainee: Trainee | null,
	moveId: string,
	seq: number
): Promise<MoveResult> {
	const found = await ownAttempt(attemptId, trainee);
	if (!found) return { kind: 'missing' };

	const { attempt, scenario } = found;
	if (!Number.isSafeInteger(seq) || seq < 1) {
		return { kind: 'refused', status: 400, reason: 'The move has no valid turn number.' };
	}

	const before = replayed(scenario, attempt.log);
	const early = precheck(scenario, attempt, before, moveId, seq);
	if (early) return early;

	const result = await appendMove(attempt.id, seq, { moveId }, (appended) =>
		finishIfEnded(scenario, appended)
	);
	if (result.applied) return { kind: 'applied', isFinished: result.attempt.outcome !== null };

	return answerUnapplied(result.attempt, moveId, seq, result.reason);
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
	if (status === 'applied') return answerUnapplied(attempt, moveId, seq, 'duplicate');
	if (status === 'out-of-sequence') {
		return {
			kind: 'refused',
			status: 409,
			reason:
				'This page was out of date, so the move was not played. Here is the deal as it stands.'
		};
	}

	const check = checkMove(scenario, deal.context, moveId);

	return check.ok ? null : { kind: 'refused', status: 409, reason: check.reason };
}

/** A move that was not appended: the same move repeated is fine; anything else is stale. */
function answerUnapplied(
	attempt: Attempt,
	moveId: string,
	seq: number,
	reason: string
): MoveResult {
	const earlier = attempt.log.find((entry) => entry.seq === seq);
	if (reason === 'duplicate' && earlier?.moveId === moveId) {
		return { kind: 'applied', isFinished: attempt.outcome !== null };
	}
	if (reason === 'finished') return { kind: 'refused', status: 409, reason: 'The deal is over.' };

	return {
		kind: 'refused',
		status: 409,
		reason: 'This page was out of date, so the move was not played. Here is the deal as it stands.'
	};
}

/** Inside the write: when the appended move ended the deal, score it from the log. */
function finishIfEnded(scenario: Scenario, attempt: Attempt): Finish | null {
	const deal = replayed(scenario, attempt.log);
	if (!deal.outcome) return null;

	return { outcome: deal.outcome, report: scoreAttempt(scenario, attempt.log, deal.context) };
}

export async function loadDebrief(
	attemptId: string,
	trainee: Trainee | null
): Promise<{
	isFinished: boolean;
	view: DebriefView | null;
	moveLabels: Record<string, string>;
} | null> {
	const found = await ownAttempt(attemptId, trainee);
	if (!found) return null;

	const { attempt, scenario } = found;
	const labels = moveLabels(scenario);
	if (!attempt.outcome || !attempt.report)
		return { isFinished: false, view: null, moveLabels: labels };

	const deal = replayed(scenario, attempt.log);
	const view = buildDebriefView(
		{
			id: attempt.id,
			trainee: attempt.traineeName,
			outcome: attempt.outcome,
			report: attempt.report
		},
		scenario,
		deal.context
	);

	return { isFinished: true, view, moveLabels: labels };
}

/** Every scenario file for the coaches' page, valid or not, with formatted errors. */
export async function coachOverview() {
	const { scenarios, broken } = await listScenarios();
	const valid = scenarios.map(({ file, scenario }) => ({
		file,
		id: scenario.id,
		title: scenario.title as string | null,
		version: scenario.version,
		errors: [] as string[]
	}));
	const invalid = broken.map(({ file, errors }) => ({
		file,
		id: null,
		title: null,
		version: null,
		errors: errors.map(formatScenarioError)
	}));

	return [...invalid, ...valid].sort((a, b) => a.file.localeCompare(b.file));
}
