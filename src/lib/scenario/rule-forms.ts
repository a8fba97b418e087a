/** The `rule:` forms of the scoring section and the group each form belongs to. */
import { readCondition, readStage, readStance } from './clauses';
import { sliceSpan, splitSpan, trimSpan, wordsOf, type Span } from './positions';
import { excerpt, type Problems } from './problems';
import { resolveAct, resolveParty, type References } from './references';
import type { Act, RuleCheck, RuleGroup, Stage } from './types';
import { lineOf, stageOf, LINE_NAMES_HINT } from './vocabulary';

export interface RuleContext {
	refs: References;
	problems: Problems;
	weeks: number;
}

/** The group a rule form belongs to. */
export function groupOfCheck(check: RuleCheck): RuleGroup {
	if (check.kind === 'stance-by' || check.kind === 'worked-by') return 'coverage';
	if (check.kind === 'won') return 'outcome';
	if (check.kind === 'at-most') return 'efficiency';

	return 'sequencing';
}

/** Reads a rule's text; null (with errors reported) when it cannot be read. */
export function readRuleCheck(text: Span, context: RuleContext): RuleCheck | null {
	const words = wordsOf(text);
	if (words.length === 0) return namesNothing(text, context.problems);
	if (words.length === 1 && words[0].text === 'won') return { kind: 'won' };
	if (words[0].text === 'at' && words[1]?.text === 'most')
		return readAtMost(words, text, context.problems);

	const onlyWhen = text.text.indexOf(' only when ');
	if (onlyWhen !== -1) return readOnlyWhen(text, onlyWhen, context);

	const keyword = words[1]?.text;
	if (words.length === 3 && keyword === 'in') return readIn(words, context);
	if (words.length === 4 && words[1].text === 'within' && words[2].text === 'weeks')
		return readWithin(words, context);
	if (words.length === 6 && keyword === 'at' && words[2].text === 'least' && words[4].text === 'by')
		return readStanceBy(words, context);
	if (
		words.length === 6 &&
		keyword === 'worked' &&
		words[3].text === 'times' &&
		words[4].text === 'by'
	)
		return readWorkedBy(words, context);

	const before = words.findIndex((word) => word.text === 'before');
	if (before !== -1) return readBefore(text, words, before, context);

	return unreadable(text, context.problems);
}

function readAtMost(words: Span[], text: Span, problems: Problems): RuleCheck | null {
	const unit = words[3]?.text;
	if (words.length !== 4 || (unit !== 'moves' && unit !== 'weeks'))
		return unreadable(text, problems);
	const limit = readWholeNumber(words[2], 0, problems);

	return limit === null ? null : { kind: 'at-most', limit, unit };
}

function readOnlyWhen(text: Span, at: number, context: RuleContext): RuleCheck | null {
	const actText = trimSpan(sliceSpan(text, 0, at));
	const conditionText = trimSpan(sliceSpan(text, at + ' only when '.length));
	const actWords = wordsOf(actText);
	if (actWords.length !== 1) return namesNothing(actText, context.problems);
	const act = resolveAct(actWords[0], context.refs, context.problems);
	const when = readCondition([conditionText], context.refs, context.problems);
	if (when.clauses.length === 0 && conditionText.text === '')
		return namesNothing(conditionText, context.problems);

	return act && { kind: 'only-when', act, when };
}

function readIn(words: Span[], context: RuleContext): RuleCheck | null {
	const act = resolveAct(words[0], context.refs, context.problems);
	const stage = readStage(words[2], context.problems);

	return act && stage && { kind: 'in', act, stage };
}

function readWithin(words: Span[], context: RuleContext): RuleCheck | null {
	const act = resolveAct(words[0], context.refs, context.problems);
	const range = words[3];
	const dash = range.text.indexOf('-');
	const fromWeek = Number(range.text.slice(0, dash));
	const toWeek = Number(range.text.slice(dash + 1));
	const isWhole = dash > 0 && /^\d+-\d+$/.test(range.text);
	if (!isWhole || fromWeek > toWeek || toWeek > context.weeks) {
		context.problems.report(
			range.offsetOf(0),
			`"${excerpt(range.text)}" is not a range of weeks from 0 to ${context.weeks}`,
			'write two whole weeks with a dash, the smaller first, e.g. `within weeks 2-5`'
		);

		return null;
	}

	return act && { kind: 'within', act, fromWeek, toWeek };
}

function readStanceBy(words: Span[], context: RuleContext): RuleCheck | null {
	const party = resolveParty(words[0], context.refs, context.problems);
	const stance = readStance(words[3], context.problems);
	const by = readBy(words[5], context.problems);

	return party && stance && by && { kind: 'stance-by', party, stance, by };
}

function readWorkedBy(words: Span[], context: RuleContext): RuleCheck | null {
	const line = lineOf(words[0].text);
	if (line === null) {
		context.problems.report(
			words[0].offsetOf(0),
			`unknown line "${excerpt(words[0].text)}"`,
			`write one of: ${LINE_NAMES_HINT}`
		);
	}
	const times = readWholeNumber(words[2], 1, context.problems);
	const by = readBy(words[5], context.problems);

	return line && times !== null && by ? { kind: 'worked-by', line, times, by } : null;
}

function readBefore(
	text: Span,
	words: Span[],
	before: number,
	context: RuleContext
): RuleCheck | null {
	if (before !== words.length - 2) return unreadable(text, context.problems);
	const firstWords = actsBefore(text, context.problems);
	if (firstWords === null) return null;
	if (firstWords.length === 0) return namesNothing(text, context.problems);

	const first = firstWords.map((word) => resolveAct(word, context.refs, context.problems));
	const last = words[words.length - 1];
	const stage = stageOf(last.text);
	const then: Act | { kind: 'stage'; stage: Stage } | null = stage
		? { kind: 'stage', stage }
		: resolveAct(last, context.refs, context.problems);
	if (then === null || first.some((act) => act === null)) return null;

	return { kind: 'before', first: first as Act[], then };
}

/** The comma-separated acts ahead of `before`; null (reported) when commas are missing. */
function actsBefore(text: Span, problems: Problems): Span[] | null {
	const end = Math.max(0, text.text.search(/\s+before\s+\S+\s*$/));
	const acts = splitSpan(sliceSpan(text, 0, end), [',', '，']);
	const joined = acts.find((act) => wordsOf(act).length > 1);
	if (joined === undefined) return acts;
	problems.report(
		joined.offsetOf(0),
		`the acts "${excerpt(joined.text)}" are not separated by commas`,
		'put a comma between acts, e.g. `technical, procurement before management`'
	);

	return null;
}

function readBy(word: Span, problems: Problems): Stage | 'end' | null {
	return word.text === 'end' ? 'end' : readStage(word, problems);
}

/** Counts and limits in rules stop at 1000: past that a rule can never fail and is a typo. */
const MAX_COUNT = 1000;

function readWholeNumber(word: Span, min: number, problems: Problems): number | null {
	const value = Number(word.text);
	if (/^\d+$/.test(word.text) && value >= min && value <= MAX_COUNT) return value;
	problems.report(
		word.offsetOf(0),
		`"${excerpt(word.text)}" is not a whole number from ${min} to ${MAX_COUNT}`,
		`write a whole number from ${min} to ${MAX_COUNT}`
	);

	return null;
}

function namesNothing(text: Span, problems: Problems): null {
	problems.report(
		text.offsetOf(0),
		`the rule "${excerpt(text.text)}" names nothing to check`,
		'name what the rep does, e.g. `user before technical`, `user in discovery` or `won`'
	);

	return null;
}

function unreadable(text: Span, problems: Problems): null {
	problems.report(
		text.offsetOf(0),
		`cannot read the rule "${excerpt(text.text)}"`,
		'write one of the rule forms in content/README.md, e.g. `user before technical`, `technical at least supportive by tender`, `won`, `at most 6 moves`'
	);

	return null;
}
