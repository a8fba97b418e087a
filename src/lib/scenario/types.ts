/**
 * The typed form of a coach's scenario file. The parser (`parse.ts`) produces it from markdown;
 * the deal engine and the scoring engine read it. Pure data: no functions, serialisable as JSON.
 */

/** The five lines through which a To-B customer speaks, in the order the UI shows them. */
export const LINES = ['user', 'technical', 'management', 'procurement', 'finance'] as const;
export type Line = (typeof LINES)[number];

/** Stances from worst to best; a stance's value is its index minus two (opposed = -2). */
export const STANCES = ['opposed', 'sceptical', 'neutral', 'supportive', 'champion'] as const;
export type Stance = (typeof STANCES)[number];

/** The fixed stages of a tendered deal, in order; `discovery` starts at week 0. */
export const STAGES = ['discovery', 'specification', 'tender', 'decision'] as const;
export type Stage = (typeof STAGES)[number];

/** Only large deals have a finance line. */
export const DEAL_SIZES = ['small', 'mid', 'large'] as const;
export type DealSize = (typeof DEAL_SIZES)[number];

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The reserved id of the built-in move that submits the bid and waits for the award. */
export const CLOSE_MOVE_ID = 'close';

/** A 1-based position in the scenario source, after CRLF is normalised and a BOM dropped. */
export interface SourcePosition {
	line: number;
	column: number;
}

/** A piece of intel that one person holds and a move can reveal. */
export interface Intel {
	id: string;
	text: string;
	holder: string;
}

export interface Person {
	id: string;
	name: string;
	line: Line;
	role: string;
	stance: Stance;
	/** 1 (little say) to 5 (decides); weights the person in their line's stance. */
	influence: number;
	cares: string;
	intel: Intel[];
}

/** Something that is either a line or one person: the subject of a stance test or change. */
export type Party = { kind: 'line'; line: Line } | { kind: 'person'; id: string };

/** One clause of a `when:` list; a condition holds when all its clauses hold. */
export type Clause =
	| { kind: 'stage'; relation: 'in' | 'before' | 'from'; stage: Stage }
	| { kind: 'stance'; party: Party; relation: 'at least' | 'at most'; stance: Stance }
	| { kind: 'played'; move: string; negated: boolean }
	| { kind: 'knows'; intel: string; negated: boolean };

export interface Condition {
	clauses: Clause[];
	/** The clause text as the coach wrote it, one entry per clause, for messages. */
	source: string[];
}

export type Effect =
	| { kind: 'stance'; party: Party; delta: number }
	| { kind: 'reveal'; intel: string }
	| { kind: 'stage'; stage: Stage };

export interface Move {
	id: string;
	line: Line;
	label: string;
	/** The person the rep works with, if the move names one. */
	with: string | null;
	/** Weeks the move takes; 0 is allowed. */
	cost: number;
	when: Condition;
	/** What the trainee reads when the move is unavailable; null means "explain the condition". */
	refusal: string | null;
	effects: Effect[];
	repeatable: boolean;
	/** Markdown the trainee reads after playing the move. */
	narrative: string;
}

export interface LossTrigger {
	id: string;
	title: string;
	when: Condition;
	/** Markdown shown when the deal ends this way. */
	narrative: string;
}

export interface Decision {
	/** Checked when the deal closes; all clauses must hold to win. */
	winWhen: Condition;
	won: string;
	lost: string;
}

/**
 * A reference to what a trainee does, in sequencing rules: any move with a line, one move,
 * or the learning of one piece of intel.
 */
export type Act =
	{ kind: 'line'; line: Line } | { kind: 'move'; id: string } | { kind: 'intel'; id: string };

export type RuleCheck =
	/** Every act in `first` happens before `then` first happens (a stage: before it begins). */
	| { kind: 'before'; first: Act[]; then: Act | { kind: 'stage'; stage: Stage } }
	/** The act first happens while the deal is in the stage. */
	| { kind: 'in'; act: Act; stage: Stage }
	/** The act first happens between these weeks (inclusive, by the week it starts in). */
	| { kind: 'within'; act: Act; fromWeek: number; toWeek: number }
	/** The act first happens only once the condition holds. */
	| { kind: 'only-when'; act: Act; when: Condition }
	/** The party stands at least at the stance when the stage begins ('end': when the deal closes). */
	| { kind: 'stance-by'; party: Party; stance: Stance; by: Stage | 'end' }
	/** At least `times` moves with the line are played before the stage begins. */
	| { kind: 'worked-by'; line: Line; times: number; by: Stage | 'end' }
	/** The deal is won. */
	| { kind: 'won' }
	/** At most this many moves (the closing move excluded), or at most this many weeks used. */
	| { kind: 'at-most'; limit: number; unit: 'moves' | 'weeks' };

export const RULE_GROUPS = ['sequencing', 'coverage', 'outcome', 'efficiency'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

export interface Rule {
	id: string;
	group: RuleGroup;
	title: string;
	check: RuleCheck;
	/** Points the rule is worth; 0 disables a rule (used to switch off a default). */
	weight: number;
	/** A failed blocker fails the attempt whatever the points. */
	blocker: boolean;
	/** The coach's explanation, shown in the debrief. */
	explanation: string;
	/** True when the rule is one of the built-in rules of good play. */
	isDefault: boolean;
}

export interface Scenario {
	id: string;
	/** Content hash of the source: the scenario's version. */
	version: string;
	title: string;
	language: Language;
	summary: string;
	size: DealSize;
	/** Weeks until the award: the deal closes when the clock reaches this. */
	weeks: number;
	/** The week each stage begins; discovery is always 0. */
	stageStarts: Record<Stage, number>;
	competitor: string;
	/** The line the competitor holds at the start, if any. */
	competitorHolds: Line | null;
	passMark: number;
	briefing: string;
	people: Person[];
	moves: Move[];
	decision: Decision;
	losses: LossTrigger[];
	rules: Rule[];
	debrief: string;
}

/** A mistake in a scenario file, reported like a compiler: file:line:column: message — fix. */
export interface ScenarioError {
	file: string;
	line: number;
	column: number;
	message: string;
	fix: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };
