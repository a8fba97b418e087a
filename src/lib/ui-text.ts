/**
 * The UI's own words for the pages that show one scenario or attempt (briefing, play, debrief),
 * in the scenario's language, and the server's refusals of a move. Site-wide pages stay English.
 * Pure: the pages call it in the browser as well as on the server, since the formatters are
 * functions and cannot travel in page data.
 */
import type { DealSize, Language, Line, RuleGroup } from '$lib/scenario/types';
import { EN } from './ui-text-en';
import { ZH } from './ui-text-zh';

/** Headings for the fixed vocabulary; mid-sentence names come from the deal module's words. */
export interface VocabularyText {
	lines: Record<Line, string>;
	groups: Record<RuleGroup, string>;
	sizes: Record<DealSize, string>;
}

export interface BriefingText {
	facts: (size: string, weeks: number, competitor: string) => string;
	briefing: string;
	whoIsWho: string;
	start: string;
}

export interface PlayText {
	pageTitle: (title: string, week: number) => string;
	weekOf: (week: number, weeks: number) => string;
	weeksLeft: (weeks: number) => string;
	stages: string;
	stageFrom: (week: number) => string;
	turn: (seq: number, label: string) => string;
	turnPlace: (lineLabel: string, week: number) => string;
	firstMove: string;
	firstMoveHint: string;
	close: string;
	storySoFar: string;
	/** What a turn changed: "Margaret Hale: neutral → supportive". */
	stanceChange: (name: string, from: string, to: string) => string;
	/** What a turn revealed. */
	learned: (intel: string) => string;
}

/** What a line's column says around its people and moves. */
export interface LineText {
	influence: (influence: number) => string;
	cares: (cares: string) => string;
	intel: string;
	moves: string;
	cost: (weeks: number) => string;
	with: (name: string) => string;
	played: (times: number) => string;
}

export interface DebriefText {
	title: (title: string) => string;
	result: Record<'won' | 'lost', string>;
	endedAt: (turn: number, week: number, weeks: number) => string;
	score: string;
	/** Ends where the verdict word follows: with a space where the language wants one. */
	points: (earned: number, possible: number, passMark: number) => string;
	passed: string;
	notPassed: string;
	blockersFailed: string;
	ruleByRule: string;
	lineByLine: string;
	lineByLineHint: string;
	coachNotes: string;
	playAgain: string;
	backToScenarios: string;
}

export interface RuleTableText {
	groupPoints: (earned: number, possible: number) => string;
	rule: string;
	verdict: string;
	points: string;
	decidedBy: string;
	/** The column's head for coverage rules, which are judged at a moment, not decided by a move. */
	judgedAt: string;
	blocker: string;
	whyItMatters: string;
	passed: string;
	failed: string;
	/** A rule the deal never put to the test. */
	untested: string;
	turn: (seq: number, label: string) => string;
	noMove: string;
}

export interface TimelineText {
	caption: string;
	line: string;
	week: (week: number) => string;
}

/** What the replay of an attempt says, for the coach or manager reviewing it step by step. */
export interface ReplayText {
	title: (title: string) => string;
	/** The step navigation's name, for screen readers. */
	steps: string;
	stepOf: (step: number, total: number) => string;
	/** Step 0 in the step list: the deal before any move. */
	start: string;
	first: string;
	previous: string;
	next: string;
	last: string;
	noMoveYet: string;
	nothingChanged: string;
	standing: string;
	stage: (stage: string) => string;
	line: string;
	person: string;
	/** The row of a line's own stance, above its people's. */
	wholeLine: string;
	stance: string;
	intel: string;
	noIntel: string;
	rulesDecided: string;
	noRulesDecided: string;
	/** Rules no single move decided, judged when the deal ended. */
	rulesAtEnd: string;
	notScored: string;
}

/** What a debrief says of a coach's review: comments, and a score a reviewer put in force. */
export interface ReviewNotesText {
	heading: string;
	wholeAttempt: string;
	onMoves: string;
	/** Who wrote a comment and when: "Ana Coach, 2025-03-01 09:00". */
	byLine: (name: string, time: string) => string;
	overrideHeading: string;
	/** The score in force, the computed one it replaced, who set it and when. */
	override: (score: string, original: string, name: string, time: string) => string;
	reason: (reason: string) => string;
	/** The reviewer's link from the debrief to the review page. */
	openReview: string;
	/** Under an override: the score the rules computed, with its points. */
	computed: (display: string, earned: number, possible: number) => string;
	/** Under an override: the pass mark, judged on the reviewer's score; the verdict follows. */
	overridePass: (passMark: number) => string;
	/** Under an override: failed blockers no longer decide the pass. */
	blockersOverridden: string;
	/** Names the time zone the page's times are written in. */
	timesIn: (timeZone: string) => string;
}

/** Why the server did not play a posted move. */
export interface RefusalText {
	unreadableForm: string;
	noTurnNumber: string;
	noMove: string;
	unknownMove: (id: string) => string;
	outOfDate: string;
}

export interface UiText {
	vocabulary: VocabularyText;
	briefing: BriefingText;
	play: PlayText;
	line: LineText;
	debrief: DebriefText;
	rules: RuleTableText;
	timeline: TimelineText;
	refusals: RefusalText;
	replay: ReplayText;
	reviewNotes: ReviewNotesText;
}

const TEXTS: Record<Language, UiText> = { en: EN, zh: ZH };

export function uiText(language: Language): UiText {
	return TEXTS[language];
}
