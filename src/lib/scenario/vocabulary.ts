/**
 * The words of the scenario format and their Chinese spellings, mapped to one canonical
 * English name. Lookups ignore case and repeated spaces.
 */
import {
	CHINESE_GROUP_NAMES,
	CHINESE_LINE_NAMES,
	CHINESE_STAGE_NAMES,
	CHINESE_STANCE_NAMES,
	invert
} from './chinese';
import { LINES, RULE_GROUPS, STAGES, STANCES, type Line, type RuleGroup } from './types';

export const SECTIONS = ['briefing', 'people', 'moves', 'outcome', 'scoring', 'debrief'] as const;
export type SectionKind = (typeof SECTIONS)[number];

const SECTION_WORDS: Record<string, SectionKind> = {
	briefing: 'briefing',
	简报: 'briefing',
	people: 'people',
	人物: 'people',
	moves: 'moves',
	行动: 'moves',
	outcome: 'outcome',
	结局: 'outcome',
	scoring: 'scoring',
	评分: 'scoring',
	debrief: 'debrief',
	复盘: 'debrief'
};

const OUTCOME_PART_WORDS: Record<string, 'decision' | 'losses'> = {
	decision: 'decision',
	决策: 'decision',
	losses: 'losses',
	失败: 'losses'
};

const GROUP_WORDS: Record<string, RuleGroup> = {
	...Object.fromEntries(RULE_GROUPS.map((group) => [group, group])),
	...invert(CHINESE_GROUP_NAMES)
};

const CHINESE_LINES = invert(CHINESE_LINE_NAMES);

const CHINESE_STANCES = invert(CHINESE_STANCE_NAMES);

const CHINESE_STAGES = invert(CHINESE_STAGE_NAMES);

const KEY_WORDS: Record<string, string> = {
	角色: 'role',
	态度: 'stance',
	影响力: 'influence',
	关注: 'cares',
	知道: 'knows',
	对象: 'with',
	耗时: 'cost',
	条件: 'when',
	拒绝: 'refused',
	效果: 'effects',
	可重复: 'repeatable',
	获胜条件: 'win when',
	赢单: 'won',
	丢单: 'lost',
	规则: 'rule',
	权重: 'weight',
	否决: 'blocker'
};

/** Lowercases and collapses whitespace, so `User  Line` and `user line` read the same. */
export function normaliseWord(text: string): string {
	return text.trim().toLowerCase().split(/\s+/).join(' ');
}

function lookup<T>(table: Record<string, T>, text: string): T | null {
	const word = normaliseWord(text);

	return Object.hasOwn(table, word) ? table[word] : null;
}

function lookupCanonical<T extends string>(
	names: readonly T[],
	chinese: Record<string, T>,
	text: string
): T | null {
	const word = normaliseWord(text);

	return (names as readonly string[]).includes(word) ? (word as T) : lookup(chinese, word);
}

export const sectionOf = (text: string) => lookup(SECTION_WORDS, text);
export const outcomePartOf = (text: string) => lookup(OUTCOME_PART_WORDS, text);
export const ruleGroupOf = (text: string) => lookup(GROUP_WORDS, text);
export const lineOf = (text: string) => lookupCanonical(LINES, CHINESE_LINES, text);
export const stanceOf = (text: string) => lookupCanonical(STANCES, CHINESE_STANCES, text);
export const stageOf = (text: string) => lookupCanonical(STAGES, CHINESE_STAGES, text);

/** A line heading: `User line`, `user` or `用户线`. */
export function lineHeadingOf(text: string): Line | null {
	const word = normaliseWord(text);
	const bare = word.endsWith(' line') ? word.slice(0, -' line'.length) : word;

	return lineOf(bare);
}

/** The English name of a list key written in either language (unknown keys come back as is). */
export function canonicalKey(text: string): string {
	return lookup(KEY_WORDS, text) ?? normaliseWord(text);
}

/** `yes`/`是` → true, `no`/`否` → false, anything else → null. */
export function yesNoOf(text: string): boolean | null {
	const word = normaliseWord(text);
	if (word === 'yes' || word === '是') return true;
	if (word === 'no' || word === '否') return false;

	return null;
}

/** Words that can never be ids: they name lines, stages and built-in things. */
export const RESERVED_IDS: readonly string[] = [...LINES, ...STAGES, 'end', 'close'];

/** Two years: the longest deal, and so the longest a single move can take. */
export const MAX_WEEKS = 104;

/** Longest id: the store names files after scenario ids and keys records by the others. */
export const MAX_ID_LENGTH = 64;

export function isWellFormedId(text: string): boolean {
	return /^[a-z0-9][a-z0-9-]*$/.test(text);
}

export const LINE_NAMES_HINT = LINES.join(', ');
export const STANCE_NAMES_HINT = STANCES.join(', ');
export const STAGE_NAMES_HINT = STAGES.join(', ');
