import type { Language, Line, RuleGroup } from '$lib/scenario/types';
import type { ScoreReport } from '$lib/scoring/types';

/** What the catalogue shows of one playable scenario. */
export interface ScenarioCard {
	id: string;
	title: string;
	summary: string;
	language: string;
	sizeLabel: string;
	/** "16 weeks", "16 周": the card speaks the scenario's language. */
	weeksLabel: string;
	lineLabels: string[];
}

export interface PersonView {
	id: string;
	name: string;
	role: string;
	stance: string;
	/** -2..2, for styling. */
	stanceValue: number;
	influence: number;
	cares: string;
}

export interface MoveView {
	id: string;
	label: string;
	cost: number;
	withName: string | null;
	isAvailable: boolean;
	reason: string | null;
	timesPlayed: number;
}

export interface LineView {
	line: Line;
	label: string;
	stance: string;
	stanceValue: number;
	people: PersonView[];
	intel: { id: string; text: string; holder: string }[];
	moves: MoveView[];
}

export interface StoryEntry {
	seq: number;
	label: string;
	lineLabel: string;
	week: number;
	/** Sanitised HTML of the move's narrative. */
	html: string;
	/** What the turn changed, one sentence each: stances moved, intel learned. */
	changes: string[];
}

export interface PlayView {
	attemptId: string;
	title: string;
	/** The scenario's language: the page's words are chosen by it. */
	language: Language;
	week: number;
	weeks: number;
	stage: string;
	stages: { label: string; startsAt: number; isCurrent: boolean; isPast: boolean }[];
	nextSeq: number;
	lines: LineView[];
	close: { label: string; isAvailable: boolean; reason: string | null };
	/** Newest first. */
	story: StoryEntry[];
}

export interface TimelineCell {
	seq: number;
	label: string;
	week: number;
}

export interface DebriefView {
	attemptId: string;
	scenarioId: string;
	title: string;
	/** The scenario's language: the page's words are chosen by it. */
	language: Language;
	result: 'won' | 'lost';
	outcomeHtml: string;
	endedAtTurn: number;
	report: ScoreReport;
	groupLabels: Record<RuleGroup, string>;
	/** Moves per line in play order, for the per-line timeline. */
	timeline: { line: Line; label: string; moves: TimelineCell[] }[];
	weeksUsed: number;
	weeks: number;
	debriefHtml: string;
	/** Rule explanations rendered to HTML, by rule id. */
	explanationHtml: Record<string, string>;
}
