import type { DealContext, Outcome } from '$lib/deal/types';
import { closeMoveLabel } from '$lib/deal/words';
import { renderMarkdown } from '$lib/markdown';
import type { Scenario } from '$lib/scenario/types';
import { CLOSE_MOVE_ID } from '$lib/scenario/types';
import type { ScoreReport } from '$lib/scoring/types';
import { uiText } from '$lib/ui-text';
import { presentLines } from './play-view';
import type { DebriefView } from './types';

export interface FinishedAttempt {
	id: string;
	outcome: Outcome;
	report: ScoreReport;
}

/** The debrief of a finished attempt: outcome, score, verdicts, per-line timeline and notes. */
export function buildDebriefView(
	attempt: FinishedAttempt,
	scenario: Scenario,
	context: DealContext
): DebriefView {
	const words = uiText(scenario.language).vocabulary;
	const labels = moveLabels(scenario);

	return {
		attemptId: attempt.id,
		scenarioId: scenario.id,
		title: scenario.title,
		language: scenario.language,
		result: attempt.outcome.result,
		outcomeHtml: renderMarkdown(attempt.outcome.narrative),
		endedAtTurn: attempt.outcome.turn,
		report: attempt.report,
		groupLabels: words.groups,
		timeline: presentLines(scenario).map((line) => ({
			line,
			label: words.lines[line],
			moves: context.timeline
				.filter((turn) => turn.line === line)
				.map((turn) => ({ seq: turn.seq, label: labels[turn.moveId], week: turn.weekBefore }))
		})),
		weeksUsed: context.week,
		weeks: scenario.weeks,
		debriefHtml: renderMarkdown(scenario.debrief),
		explanationHtml: Object.fromEntries(
			scenario.rules.map((rule) => [rule.id, renderMarkdown(rule.explanation)])
		)
	};
}

/** Every move's label by id, the closing move included. */
export function moveLabels(scenario: Scenario): Record<string, string> {
	const labels: Record<string, string> = { [CLOSE_MOVE_ID]: closeMoveLabel(scenario.language) };
	for (const move of scenario.moves) labels[move.id] = move.label;

	return labels;
}
