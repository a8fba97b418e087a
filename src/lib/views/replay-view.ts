import { replayDeal } from '$lib/deal/replay';
import type { DealContext, MoveLogEntry, Outcome, TurnRecord } from '$lib/deal/types';
import { renderMarkdown } from '$lib/markdown';
import type { Language, Scenario } from '$lib/scenario/types';
import { RULE_GROUPS } from '$lib/scenario/types';
import type { RuleVerdict, ScoreReport } from '$lib/scoring/types';
import { uiText } from '$lib/ui-text';
import { moveLabels } from './debrief-view';
import { buildPlayView } from './play-view';
import type { LineView, StoryEntry } from './types';

/** What a review needs of a stored attempt: its move log and, once finished, how it ended. */
export interface ReplayInput {
	id: string;
	log: MoveLogEntry[];
	report: ScoreReport | null;
	outcome: Outcome | null;
}

/** One entry of the step list; step 0 is the deal before any move. */
export interface ReplayStepLink {
	seq: number;
	label: string;
	/** Empty for step 0 and for the closing move, which belong to no line. */
	lineLabel: string;
	/** The week the move was played in (0 for step 0). */
	week: number;
}

/** A rule verdict as the replay shows it beside the move that decided it. */
export interface ReplayVerdict {
	ruleId: string;
	title: string;
	groupLabel: string;
	passed: boolean;
	isTested: boolean;
	blocker: boolean;
	detail: string;
}

/** A line and its people's stances at the step, without the play screen's move buttons. */
export type ReplayLine = Omit<LineView, 'moves' | 'intel'>;

/** Everything the replay shows of one step of an attempt. */
export interface ReplayView {
	attemptId: string;
	title: string;
	/** The scenario's language: the page's words are chosen by it. */
	language: Language;
	/** The step shown, after clamping: 0 … totalSteps. */
	step: number;
	/** Moves in the log; the last step is this number. */
	totalSteps: number;
	/** Steps 0 … totalSteps, for the step list. */
	steps: ReplayStepLink[];
	/** Week and stage after the step's move. */
	week: number;
	weeks: number;
	stage: string;
	/** The move played at this step; null at step 0. */
	move: StoryEntry | null;
	lines: ReplayLine[];
	/** Intel known after the step, in the order learned. */
	intel: { id: string; text: string; holder: string }[];
	/** Verdicts whose deciding move is this step's; empty while the attempt has no report. */
	decided: ReplayVerdict[];
	/** On the last step only: verdicts no move decided, judged when the deal ended. */
	decidedAtEnd: ReplayVerdict[];
	/** How the deal ended, on the last step of a finished attempt; else null. */
	outcome: { result: Outcome['result']; label: string; html: string } | null;
}

/**
 * One step of a stored attempt for review: step 0 is the deal before any move, step N the deal
 * after move N. A step out of range is clamped to 0 … the log's length, and one that is not a
 * whole number is rounded down (NaN reads as 0), so a hand-edited `?step=` never fails the page.
 * Throws when the log does not replay on this scenario: such a log is corrupt or foreign.
 */
export function buildReplayView(
	scenario: Scenario,
	attempt: ReplayInput,
	step: number
): ReplayView {
	const totalSteps = attempt.log.length;
	const current = clampStep(step, totalSteps);
	const whole = replayed(scenario, attempt.log);
	const here = current === totalSteps ? whole : replayed(scenario, attempt.log.slice(0, current));
	const play = buildPlayView(attempt.id, scenario, here);
	const isLast = current === totalSteps;

	return {
		attemptId: attempt.id,
		title: scenario.title,
		language: scenario.language,
		step: current,
		totalSteps,
		steps: stepLinks(scenario, whole.timeline),
		week: play.week,
		weeks: play.weeks,
		stage: play.stage,
		move: play.story[0] ?? null,
		lines: play.lines.map((line) => ({
			line: line.line,
			label: line.label,
			stance: line.stance,
			stanceValue: line.stanceValue,
			people: line.people
		})),
		intel: knownIntel(play.lines, here.intel),
		decided: verdictsWhere(scenario, attempt.report, (v) => v.decidedBy?.seq === current),
		decidedAtEnd: isLast ? verdictsWhere(scenario, attempt.report, (v) => !v.decidedBy) : [],
		outcome: isLast ? outcomeOf(scenario, attempt.outcome) : null
	};
}

/** The step to show: a whole number from 0 to the last step. */
function clampStep(step: number, last: number): number {
	if (Number.isNaN(step)) return 0;

	return Math.min(last, Math.max(0, Math.floor(step)));
}

function replayed(scenario: Scenario, log: readonly MoveLogEntry[]): DealContext {
	const result = replayDeal(scenario, log);
	if (!result.ok) {
		throw new Error(`The stored move log does not replay at turn ${result.seq}: ${result.reason}`);
	}

	return result.context;
}

function stepLinks(scenario: Scenario, timeline: TurnRecord[]): ReplayStepLink[] {
	const text = uiText(scenario.language);
	const labels = moveLabels(scenario);

	return timeline.map((turn) =>
		turn.seq === 0
			? { seq: 0, label: text.replay.start, lineLabel: '', week: 0 }
			: {
					seq: turn.seq,
					label: labels[turn.moveId] ?? turn.moveId,
					lineLabel: turn.line ? text.vocabulary.lines[turn.line] : '',
					week: turn.weekBefore
				}
	);
}

/** The play view lists intel by line; a reviewer reads it in the order the trainee learned it. */
function knownIntel(lines: LineView[], learned: string[]): ReplayView['intel'] {
	const order = (id: string) => learned.indexOf(id);

	return lines.flatMap((line) => line.intel).sort((a, b) => order(a.id) - order(b.id));
}

/** The report's verdicts that match, in the order of the rule groups. */
function verdictsWhere(
	scenario: Scenario,
	report: ScoreReport | null,
	matches: (verdict: RuleVerdict) => boolean
): ReplayVerdict[] {
	if (!report) return [];
	const groups = uiText(scenario.language).vocabulary.groups;

	return RULE_GROUPS.flatMap((group) => report.groups[group])
		.filter(matches)
		.map((verdict) => ({
			ruleId: verdict.ruleId,
			title: verdict.title,
			groupLabel: groups[verdict.group],
			passed: verdict.passed,
			isTested: verdict.isTested,
			blocker: verdict.blocker,
			detail: verdict.detail
		}));
}

function outcomeOf(scenario: Scenario, outcome: Outcome | null): ReplayView['outcome'] {
	if (!outcome) return null;

	return {
		result: outcome.result,
		label: uiText(scenario.language).debrief.result[outcome.result],
		html: renderMarkdown(outcome.narrative)
	};
}
