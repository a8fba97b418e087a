/** Typed reading of the front matter's YAML pairs, each bad value reported where it is written. */
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { ID_TOO_LONG_FIX, idTooLong } from './ids';
import { excerpt, type Problems } from './problems';
import { readStageWeeks, stageEntry, type Complain } from './stage-weeks';
import type { Line, Stage } from './types';
import { isWellFormedId, lineOf, MAX_ID_LENGTH, RESERVED_IDS, yesNoOf } from './vocabulary';

/** The keys a front matter may hold. */
export const KNOWN_KEYS = [
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

/** Typed access to the front matter's pairs, reporting each bad value where it is written. */
export class FieldReader {
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
				`the scenario id "${excerpt(text)}" is not a valid id`,
				'use lowercase letters, digits and `-`, starting with a letter or digit, and not a reserved word'
			);
		} else if (text.length > MAX_ID_LENGTH) {
			this.bad(key, idTooLong('the scenario id', text), ID_TOO_LONG_FIX);
		}

		return text;
	}

	choice<T extends string>(key: string, options: readonly T[], isRequired: boolean): T | null {
		const text = this.text(key, isRequired);
		if (text === null) return null;
		if ((options as readonly string[]).includes(text)) return text as T;

		return this.bad(
			key,
			`unknown ${key} "${excerpt(text)}"`,
			`write one of: ${options.join(', ')}`
		);
	}

	number(key: string, min: number, max: number): number | null {
		const value = this.value(key, false);
		if (value === undefined) return null;
		if (typeof value === 'number' && value >= min && value <= max) return value;

		return this.bad(
			key,
			`\`${key}\` must be a number from ${min} to ${max}, not "${excerpt(String(value))}"`,
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
			`\`${key}\` must be a whole number from ${min} to ${max}, not "${excerpt(String(value))}"`,
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
				`unknown line "${excerpt(text)}"`,
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
			this.bad(
				key,
				`\`${key}\` must be yes or no, not "${excerpt(String(value))}"`,
				'write yes or no'
			)
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
				`unknown front matter key \`${excerpt(key)}\``,
				`use only: ${KNOWN_KEYS.join(', ')}`
			);
		}
	}
}
