/** Conditions (`when:` clauses) and effects, with every word located for messages. */
import { splitSpan, wordsOf, type Span } from './positions';
import { excerpt, type Problems } from './problems';
import { resolveIntel, resolveMove, resolveParty, type References } from './references';
import type { Clause, Condition, Effect, Stage, Stance } from './types';
import { stageOf, stanceOf, STAGE_NAMES_HINT, STANCE_NAMES_HINT } from './vocabulary';

const SEPARATORS = [';', '；'];
const MAX_STEPS = 4;

/** Reads every clause of one or more `when:` values; unreadable clauses are reported and left out. */
export function readCondition(values: Span[], refs: References, problems: Problems): Condition {
	const condition: Condition = { clauses: [], source: [] };
	for (const value of values) {
		if (splitSpan(value, SEPARATORS).length > 0) continue;
		problems.report(
			value.offsetOf(0),
			'the condition is empty',
			'write at least one clause, e.g. `in discovery`, or remove the key'
		);
	}
	for (const text of values.flatMap((value) => splitSpan(value, SEPARATORS))) {
		const clause = readClause(text, refs, problems);
		if (clause === null) continue;
		condition.clauses.push(clause);
		condition.source.push(text.text);
	}

	return condition;
}

function readClause(text: Span, refs: References, problems: Problems): Clause | null {
	const words = wordsOf(text);
	const [first, second] = words.map((word) => word.text);
	if (words.length === 2 && (first === 'in' || first === 'before' || first === 'from')) {
		const stage = readStage(words[1], problems);

		return stage && { kind: 'stage', relation: first, stage };
	}
	if (words.length === 4 && second === 'at' && ['least', 'most'].includes(words[2].text)) {
		return readStanceClause(words, refs, problems);
	}

	const negated = first === 'not';
	const rest = negated ? words.slice(1) : words;
	if (rest.length === 2 && rest[0].text === 'played') {
		const move = resolveMove(rest[1], refs, problems);

		return move === null ? null : { kind: 'played', move, negated };
	}
	if (rest.length === 2 && rest[0].text === 'knows') {
		const intel = resolveIntel(rest[1], refs, problems);

		return intel === null ? null : { kind: 'knows', intel, negated };
	}
	problems.report(
		text.offsetOf(0),
		`cannot read the condition "${excerpt(text.text)}"`,
		'write one of: `in STAGE`, `before STAGE`, `from STAGE`, `LINE at least STANCE`, `PERSON at most STANCE`, `played MOVE`, `not knows INTEL`'
	);

	return null;
}

function readStanceClause(words: Span[], refs: References, problems: Problems): Clause | null {
	const party = resolveParty(words[0], refs, problems);
	const stance = readStance(words[3], problems);
	const relation = words[2].text === 'least' ? 'at least' : 'at most';

	return party && stance && { kind: 'stance', party, relation, stance };
}

export function readStage(word: Span, problems: Problems): Stage | null {
	const stage = stageOf(word.text);
	if (stage === null)
		problems.report(
			word.offsetOf(0),
			`unknown stage "${excerpt(word.text)}"`,
			`write one of: ${STAGE_NAMES_HINT}`
		);

	return stage;
}

export function readStance(word: Span, problems: Problems): Stance | null {
	const stance = stanceOf(word.text);
	if (stance === null)
		problems.report(
			word.offsetOf(0),
			`unknown stance "${excerpt(word.text)}"`,
			`write one of: ${STANCE_NAMES_HINT}`
		);

	return stance;
}

/** Reads `;`-separated effects; unreadable ones are reported and left out. */
export function readEffects(value: Span, refs: References, problems: Problems): Effect[] {
	const effects: Effect[] = [];
	const texts = splitSpan(value, SEPARATORS);
	if (texts.length === 0) {
		problems.report(
			value.offsetOf(0),
			'the effects list is empty',
			'write at least one effect, e.g. `nurse-lee +1`, or remove the key'
		);
	}
	for (const text of texts) {
		const effect = readEffect(text, refs, problems);
		if (effect) effects.push(effect);
	}

	return effects;
}

function readEffect(text: Span, refs: References, problems: Problems): Effect | null {
	const words = wordsOf(text);
	if (words.length === 2 && words[0].text === 'reveal') {
		const intel = resolveIntel(words[1], refs, problems);

		return intel === null ? null : { kind: 'reveal', intel };
	}
	if (words.length === 2 && words[0].text === 'stage')
		return readStageEffect(text, words[1], problems);
	if (words.length === 2 && /^[+-]/.test(words[1].text)) {
		const party = resolveParty(words[0], refs, problems);
		const delta = readDelta(words[1], problems);

		return party && delta !== null ? { kind: 'stance', party, delta } : null;
	}
	problems.report(
		text.offsetOf(0),
		`cannot read the effect "${excerpt(text.text)}"`,
		'write one of: `PERSON +N`, `LINE -N`, `reveal INTEL`, `stage STAGE`'
	);

	return null;
}

function readStageEffect(text: Span, word: Span, problems: Problems): Effect | null {
	const stage = readStage(word, problems);
	if (stage !== 'discovery') return stage && { kind: 'stage', stage };
	problems.report(
		text.offsetOf(0),
		`"${excerpt(text.text)}" changes nothing: every deal starts in discovery`,
		'name a later stage (specification, tender or decision), or remove the effect'
	);

	return null;
}

function readDelta(word: Span, problems: Problems): number | null {
	const steps = Number(word.text.slice(1));
	if (/^[+-]\d+$/.test(word.text) && steps >= 1 && steps <= MAX_STEPS) {
		return word.text.startsWith('-') ? -steps : steps;
	}
	problems.report(
		word.offsetOf(0),
		`"${excerpt(word.text)}" is not a stance change from 1 to ${MAX_STEPS} steps`,
		'write a sign and a whole number of steps, e.g. `+1` or `-2`'
	);

	return null;
}
