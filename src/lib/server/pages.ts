/**
 * What the pages show: the catalogue, a briefing, a trainee's history, the play screen, the
 * debrief and the coaches' list of scenario files. Reads only; the views are built from the
 * scenario and the replayed deal.
 */
import { renderMarkdown } from '$lib/markdown';
import { formatScenarioError } from '$lib/scenario/parse';
import { minuteInZone } from '$lib/time-zone';
import { uiText } from '$lib/ui-text';
import { buildDebriefView, moveLabels } from '$lib/views/debrief-view';
import { buildPlayView, presentLines } from '$lib/views/play-view';
import type { DebriefView, PlayView, ScenarioCard } from '$lib/views/types';
import { listAttemptsByTrainee } from './attempts';
import { ownAttempt, replayed, visibleAttempt } from './owned-attempt';
import { keepSummaryInStep } from './summary-sync';
import { debriefNotes, reviewsAttempt, type DebriefNotes } from './review-pages';
import { getScenario, listScenarios } from './scenarios';
import type { Viewer } from './access';

export async function listCatalogue(): Promise<ScenarioCard[]> {
	const { scenarios } = await listScenarios();

	return scenarios
		.map(({ scenario }) => {
			const text = uiText(scenario.language);
			const words = text.vocabulary;
			return {
				id: scenario.id,
				title: scenario.title,
				summary: scenario.summary,
				language: scenario.language,
				sizeLabel: words.sizes[scenario.size],
				weeksLabel: text.line.cost(scenario.weeks),
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
		sizeLabel: uiText(scenario.language).vocabulary.sizes[scenario.size],
		weeks: scenario.weeks,
		competitor: scenario.competitor,
		briefingHtml: renderMarkdown(scenario.briefing),
		lines: buildPlayView('', scenario, replayed(scenario, []).context).lines
	};
}

/** A player's attempts for their history list, newest first, started at a minute in their zone. */
export async function listTraineeAttempts(traineeId: string, timeZone: string) {
	const summaries = await listAttemptsByTrainee(traineeId);

	return summaries.map((summary) => {
		// A reviewer's override is the score in force, marked so the trainee knows why it moved.
		const passed = summary.override?.passed ?? summary.passed;
		const score = summary.override
			? `${summary.override.display} (set by a reviewer)`
			: (summary.scoreDisplay ?? '—');

		return {
			id: summary.attemptId,
			title: summary.scenarioTitle,
			startedAt: summary.startedAt,
			startedText: minuteInZone(summary.startedAt, timeZone),
			isFinished: summary.finishedAt !== null,
			outcome: summary.outcome ?? 'in progress',
			score,
			verdict: passed === null ? '' : passed ? 'passed' : 'not passed'
		};
	});
}

export async function loadPlay(
	attemptId: string,
	player: Viewer
): Promise<{ isFinished: boolean; view: PlayView } | null> {
	const found = await ownAttempt(attemptId, player);
	if (!found) return null;

	const { attempt, scenario } = found;
	const deal = replayed(scenario, attempt.log);

	return {
		isFinished: attempt.outcome !== null,
		view: buildPlayView(attempt.id, scenario, deal.context)
	};
}

/** What the debrief route gets: a null view while the deal is still being played. */
export interface DebriefPage {
	view: DebriefView | null;
	moveLabels: Record<string, string>;
	/** The coach's comments and any score override; null while the deal is being played. */
	notes: DebriefNotes | null;
	/** Whether the viewer reviews this attempt (and so is sent to the review page, not play). */
	isReviewing: boolean;
}

/** The debrief of an attempt the viewer may see, or null. */
export async function loadDebrief(attemptId: string, viewer: Viewer): Promise<DebriefPage | null> {
	const found = await visibleAttempt(attemptId, viewer);
	if (!found) return null;

	const { attempt, scenario } = found;
	const labels = moveLabels(scenario);
	const isReviewing = reviewsAttempt(viewer, attempt);
	if (!attempt.outcome || !attempt.report) {
		return { view: null, moveLabels: labels, notes: null, isReviewing };
	}

	const deal = replayed(scenario, attempt.log);
	const view = buildDebriefView(
		{ id: attempt.id, outcome: attempt.outcome, report: attempt.report },
		scenario,
		deal.context
	);
	const notes = await debriefNotes(attempt, scenario, attempt.report);
	await keepSummaryInStep(attempt, scenario, deal.context);

	return { view, moveLabels: labels, notes, isReviewing };
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
