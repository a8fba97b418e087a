/** `- key: value` lists: the fields of a person, move, loss, rule or the decision. */
import type { Tokens } from 'marked';
import type { Block } from './outline';
import { colonIndex, sliceSpan, spanOfLines, trimSpan, type Span } from './positions';
import { excerpt, type Problems } from './problems';
import { canonicalKey, normaliseWord } from './vocabulary';

export interface Field {
	/** The key's English name (`knows` for `knows ID` and `知道 ID`). */
	key: string;
	keyText: Span;
	/** The id after `knows`, or null for other keys. */
	argument: Span | null;
	value: Span;
}

/** Which keys a list may hold; `repeatable` keys may appear more than once. */
export interface FieldSchema {
	required: string[];
	optional: string[];
	repeatable?: string[];
}

/** Reads every item of a list token into a field, reporting items that are not `key: value`. */
export function readFields(block: Block, problems: Problems): Field[] {
	const list = block.token as Tokens.List;
	const fields: Field[] = [];
	let cursor = 0;
	for (const item of list.items) {
		const index = list.raw.indexOf(item.raw, cursor);
		const itemStart = index === -1 ? cursor : index;
		cursor = itemStart + item.raw.length;
		const span = withoutNestedList(item, itemSpan(item, block.offset + itemStart), problems);
		const field = span && readField(span, problems);
		if (field) fields.push(field);
	}

	return fields;
}

/** The item's text, each line mapped to where it stands in the item's raw source. */
function itemSpan(item: Tokens.ListItem, start: number): Span {
	const rawLines = item.raw.split('\n');
	const textLines = item.text.split('\n');
	const lineOffsets: number[] = [];
	let rawLineStart = start;
	for (const [index, textLine] of textLines.entries()) {
		const rawLine = rawLines[index] ?? '';
		lineOffsets.push(rawLineStart + columnOfText(rawLine, textLine));
		rawLineStart += rawLine.length + 1;
	}

	return spanOfLines(textLines, lineOffsets);
}

/**
 * Cuts a nested list off an item and reports it: marked folds its lines into the item's text,
 * so `- when: …` indented under `- refused: …` would silently become part of the refusal.
 */
function withoutNestedList(item: Tokens.ListItem, span: Span, problems: Problems): Span | null {
	const nested = item.tokens.find((token) => token.type === 'list');
	if (nested === undefined) return span;

	const at = lineStartingWith(
		span.text,
		nested.raw.split('\n')[0].trim(),
		item.tokens[0] !== nested
	);
	problems.report(
		span.offsetOf(at),
		'a list inside an item is not read',
		'write each `- key: value` at the same indentation as the others'
	);

	return at === 0 ? null : trimSpan(sliceSpan(span, 0, at));
}

/** Index of the first non-blank character of the first line that starts with `start`. */
function lineStartingWith(text: string, start: string, skipFirstLine: boolean): number {
	let index = 0;
	for (const [number, line] of text.split('\n').entries()) {
		const indent = line.length - line.trimStart().length;
		if ((number > 0 || !skipFirstLine) && line.trimStart().startsWith(start)) return index + indent;
		index += line.length + 1;
	}

	return 0;
}

function columnOfText(rawLine: string, textLine: string): number {
	if (textLine === '') return rawLine.length;
	if (rawLine.endsWith(textLine)) return rawLine.length - textLine.length;

	return Math.max(0, rawLine.indexOf(textLine));
}

function readField(item: Span, problems: Problems): Field | null {
	const colon = colonIndex(item.text);
	const firstLineEnd = item.text.includes('\n') ? item.text.indexOf('\n') : item.text.length;
	const keyText = trimSpan(sliceSpan(item, 0, Math.max(colon, 0)));
	if (colon === -1 || colon > firstLineEnd || keyText.text === '') {
		problems.report(
			item.offsetOf(0),
			`the list item "${excerpt(item.text)}" is not a \`key: value\` line`,
			'write the key, a colon and the value, like `- cost: 1`'
		);

		return null;
	}

	const value = trimSpan(sliceSpan(item, colon + 1));

	return { ...splitKnows(keyText), keyText, value };
}

function splitKnows(keyText: Span): Pick<Field, 'key' | 'argument'> {
	const word = normaliseWord(keyText.text);
	for (const prefix of ['knows ', '知道']) {
		if (word.startsWith(prefix) && word.length > prefix.length) {
			return { key: 'knows', argument: trimSpan(sliceSpan(keyText, prefix.length)) };
		}
	}

	return { key: canonicalKey(keyText.text), argument: null };
}

/**
 * Groups fields by key, reporting unknown keys, repeated keys that may appear only once, and
 * missing required keys (at `headingOffset`, where the thing is named).
 */
export function checkFields(
	fields: Field[],
	schema: FieldSchema,
	headingOffset: number,
	problems: Problems
): Map<string, Field[]> {
	const known = [...schema.required, ...schema.optional];
	const byKey = new Map<string, Field[]>();
	for (const field of fields) {
		if (!known.includes(field.key)) {
			problems.report(
				field.keyText.offsetOf(0),
				`unknown key \`${excerpt(field.keyText.text)}\``,
				`use one of: ${known.join(', ')}`
			);
			continue;
		}

		const earlier = byKey.get(field.key) ?? [];
		if (earlier.length > 0 && !schema.repeatable?.includes(field.key)) {
			const line = problems.lineAt(earlier[0].keyText.offsetOf(0));
			problems.report(
				field.keyText.offsetOf(0),
				`\`${field.key}\` is written twice (first on line ${line})`,
				`keep one \`${field.key}:\` line`
			);
			continue;
		}
		byKey.set(field.key, [...earlier, field]);
	}
	reportMissing(byKey, schema.required, headingOffset, problems);

	return byKey;
}

function reportMissing(
	byKey: Map<string, Field[]>,
	required: string[],
	offset: number,
	problems: Problems
): void {
	for (const key of required) {
		if (!byKey.has(key))
			problems.report(
				offset,
				`missing \`${key}\``,
				`add a \`- ${key}: …\` line to the list under this heading`
			);
	}
}

/** The single value of a key, or null when the key is absent. */
export function valueOf(byKey: Map<string, Field[]>, key: string): Span | null {
	return byKey.get(key)?.[0]?.value ?? null;
}
