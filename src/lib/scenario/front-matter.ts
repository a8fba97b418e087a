/** The YAML header between `---` lines: the deal's metadata. */
import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import type { Problems } from './problems';
import {
	DEAL_SIZES,
	LANGUAGES,
	type DealSize,
	type Language,
	type Line,
	type Stage
} from './types';
import { readStageWeeks, stageEntry, type Complain } from './stage-weeks';
import { isWellFormedId, lineOf, RESERVED_IDS, yesNoOf } from './vocabulary';

export interface FrontMatter {
	id: string;
	title: string;
	language: Language;
	summary: string;
	size: DealSize;
	weeks: number;
	stageStarts: Record<Stage, number>;
	competitor: string;
	competitorHolds: Line | null;
	/** Where `competitor_holds` is written, to point at it when the line turns out not to fit. */
	competitorHoldsOffset: number;
	passMark: number;
	defaultRules: boolean;
}

export interface SplitSource {
	/** The YAML text and its offset, or null when the file has no front matter. */
	yaml: { text: string; start: number; end: number } | null;
	bodyStart: number;
}

const FENCE = '---';
const KNOWN_KEYS = [
	'id',
	'title',
	'language',
	'summary',
	'size',
	'weeks',
	'stages',
	'competitor',
	'competitor_holds',
	'pass_mark',
	'default_rules'
];

/** Finds the front matter's fences by scanning lines; null when it is opened but never closed. */
export function splitFrontMatter(source: string): SplitSource | null {
	const firstEnd = lineEnd(source, 0);
	if (source.slice(0, firstEnd).trimEnd() !== FENCE) return { yaml: null, bodyStart: 0 };

	for (let start = firstEnd + 1; start < source.length; start = lineEnd(source, start) + 1) {
		const end = lineEnd(source, start);
		if (source.slice(start, end).trimEnd() !== FENCE) continue;
		const yaml = { text: source.slice(firstEnd + 1, start), start: firstEnd + 1, end: start };

		return { yaml, bodyStart: Math.min(end + 1, source.length) };
	}

	return null;
}

function lineEnd(source: string, from: number): number {
	const end = source.indexOf('\n', from);

	return end === -1 ? source.length : end;
}

/** Reads and checks the metadata; invalid values are reported and replaced by fallbacks. */
export function readFrontMatter(split: SplitSource, problems: Problems): FrontMatter {
	const meta = fallbackFrontMatter();
	if (split.yaml === null) {
		problems.report(
			0,
			'the file has no front matter',
			'start the file with a `---` line, the metadata in YAML, and another `---` line'
		);

		return meta;
	}

	const { text, start, end } = split.yaml;
	const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
	// Only the first YAML error: the ones after it are usually the parser losing its footing.
	const [error] = document.errors;
	if (error) {
		problems.report(
			start + error.pos[0],
			`the front matter is not valid YAML: ${error.message}`,
			'fix the YAML syntax on this line (a `key: value` per line, nested lines indented)'
		);

		return meta;
	}
	if (!isMap(document.contents)) {
		problems.report(
			start,
			'the front matter is not a list of `key: value` lines',
			'write one `key: value` per line between the `---` lines'
		);

		return meta;
	}

	const fields = new FieldReader(document.contents.items as Pair[], start, end, problems);
	fillFrontMatter(meta, fields);

	return meta;
}

function fallbackFrontMatter(): FrontMatter {
	return {
		id: '',
		title: '',
		language: 'en',
		summary: '',
		size: 'mid',
		weeks: 104, // the widest, so a bad `weeks` does not also fail every stage week
		stageStarts: { discovery: 0, specification: 0, tender: 0, decision: 0 },
		competitor: '',
		competitorHolds: null,
		competitorHoldsOffset: 0,
		passMark: 70,
		defaultRules: true
	};
}

function fillFrontMatter(meta: FrontMatter, fields: FieldReader): void {
	meta.id = fields.id('id');
	meta.title = fields.text('title', true) ?? '';
	meta.summary = fields.text('summary', true) ?? '';
	meta.competitor = fields.text('competitor', true) ?? '';
	meta.language = fields.choice('language', LANGUAGES, true) ?? meta.language;
	meta.size = fields.choice('size', DEAL_SIZES, true) ?? meta.size;
	meta.weeks = fields.integer('weeks', 1, 104) ?? meta.weeks;
	meta.stageStarts = fields.stages(meta.weeks) ?? meta.stageStarts;
	meta.competitorHolds = fields.line('competitor_holds');
	meta.competitorHoldsOffset = fields.offsetOf('competitor_holds');
	meta.passMark = fields.number('pass_mark', 0, 100) ?? meta.passMark;
	meta.defaultRules = fields.yesNo('default_rules') ?? true;
	fields.reportUnknownKeys();
}

/** Typed access to the front matter's pairs, reporting each bad value where it is written. */
class FieldReader {
	private readonly pairs = new Map<string, Pair>();

	constructor(
		items: Pair[],
		private readonly start: number,
		private readonly end: number,
		private readonly problems: Problems
	) {
		for (const pair of items)
			this.pairs.set(String(isScalar(pair.key) ? pair.key.value : pair.key), pair);
	}

	offsetOf(key: string): number {
		const pair = this.pairs.get(key);
		const node = (pair?.value ?? pair?.key) as Node | undefined;

		return this.start + (node?.range?.[0] ?? this.end - this.start);
	}

	/** The raw value, or undefined (reported when required) when the key is absent or empty. */
	private value(key: string, isRequired: boolean): unknown {
		const pair = this.pairs.get(key);
		const value = isScalar(pair?.value)
			? pair.value.value
			: (pair?.value as Node | undefined)?.toJSON();
		if (value !== undefined && value !== null && value !== '') return value;
		if (isRequired && pair === undefined) {
			this.problems.report(
				this.end,
				`the front matter has no \`${key}\``,
				`add a \`${key}:\` line before the closing ---`
			);
		} else if (isRequired) {
			this.problems.report(
				this.offsetOf(key),
				`\`${key}\` has no value`,
				`write a value after \`${key}:\``
			);
		}

		return undefined;
	}

	private bad(key: string, message: string, fix: string): null {
		this.problems.report(this.offsetOf(key), message, fix);

		return null;
	}

	text(key: string, isRequired: boolean): string | null {
		const value = this.value(key, isRequired);
		if (value === undefined) return null;
		if (typeof value === 'object')
			return this.bad(
				key,
				`\`${key}\` is not a piece of text`,
				`write \`${key}\` as a single line of text`
			);

		return String(value).trim();
	}

	id(key: string): string {
		const text = this.text(key, true);
		if (text === null) return '';
		if (!isWellFormedId(text) || RESERVED_IDS.includes(text)) {
			this.bad(
				key,
				`the scenario id "${text}" is not a valid id`,
				'use lowercase letters, digits and `-`, starting with a letter or digit, and not a reserved word'
			);
		}

		return text;
	}

	choice<T extends string>(key: string, options: readonly T[], isRequired: boolean): T | null {
		const text = this.text(key, isRequired);
		if (text === null) return null;
		if ((options as readonly string[]).includes(text)) return text as T;

		return this.bad(key, `unknown ${key} "${text}"`, `write one of: ${options.join(', ')}`);
	}

	number(key: string, min: number, max: number): number | null {
		const value = this.value(key, false);
		if (value === undefined) return null;
		if (typeof value === 'number' && value >= min && value <= max) return value;

		return this.bad(
			key,
			`\`${key}\` must be a number from ${min} to ${max}, not "${String(value)}"`,
			`write a number from ${min} to ${max}`
		);
	}

	integer(key: string, min: number, max: number): number | null {
		const value = this.value(key, true);
		if (value === undefined) return null;
		if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max)
			return value as number;

		return this.bad(
			key,
			`\`${key}\` must be a whole number from ${min} to ${max}, not "${String(value)}"`,
			`write a whole number from ${min} to ${max}`
		);
	}

	line(key: string): Line | null {
		const text = this.text(key, false);
		if (text === null) return null;

		return (
			lineOf(text) ??
			this.bad(
				key,
				`unknown line "${text}"`,
				'write one of: user, technical, management, procurement, finance'
			)
		);
	}

	yesNo(key: string): boolean | null {
		const value = this.value(key, false);
		if (value === undefined) return null;
		if (typeof value === 'boolean') return value;

		return (
			yesNoOf(String(value)) ??
			this.bad(key, `\`${key}\` must be yes or no, not "${String(value)}"`, 'write yes or no')
		);
	}

	stages(weeks: number): Record<Stage, number> | null {
		const value = this.value('stages', true);
		if (value === undefined) return null;
		const node = this.pairs.get('stages')?.value;
		if (!isMap(node)) {
			return this.bad(
				'stages',
				'`stages` is not a list of stage weeks',
				'write indented lines `specification: N`, `tender: N` and `decision: N` under `stages:`'
			);
		}

		const entries = (node.items as Pair[]).map((pair) => stageEntry(pair, this.start));
		const complain: Complain = (offset, message, fix) => {
			this.problems.report(offset ?? this.offsetOf('stages'), message, fix);

			return null;
		};

		return readStageWeeks(entries, weeks, complain);
	}

	reportUnknownKeys(): void {
		for (const [key, pair] of this.pairs) {
			if (KNOWN_KEYS.includes(key)) continue;
			const offset = this.start + ((pair.key as Node | null)?.range?.[0] ?? 0);
			this.problems.report(
				offset,
				`unknown front matter key \`${key}\``,
				`use only: ${KNOWN_KEYS.join(', ')}`
			);
		}
	}
}
