/** Typed readers for single field values, each reporting a bad value where it is written. */
import type { Field } from './fields';
import type { Span } from './positions';
import { excerpt, type Problems } from './problems';
import { yesNoOf } from './vocabulary';

export type FieldMap = Map<string, Field[]>;

function spanOf(fields: FieldMap, key: string): Span | null {
	return fields.get(key)?.[0]?.value ?? null;
}

/** Text of a key; an empty value of a present key is reported. */
export function textOf(fields: FieldMap, key: string, problems: Problems): string | null {
	const field = fields.get(key)?.[0];
	if (field === undefined) return null;
	if (field.value.text === '') {
		problems.report(
			field.keyText.offsetOf(0),
			`\`${field.keyText.text}\` has no value`,
			`write a value after \`${field.keyText.text}:\``
		);

		return null;
	}

	return field.value.text;
}

/** A whole number from `min` to `max` (inclusive); null when absent or bad (reported). */
export function integerOf(
	fields: FieldMap,
	key: string,
	min: number,
	max: number,
	problems: Problems
): number | null {
	const value = spanOf(fields, key);
	if (value === null) return null;
	const number = Number(value.text);
	if (/^-?\d+$/.test(value.text) && number >= min && number <= max) return number;

	const range = max === Infinity ? `${min} or more` : `from ${min} to ${max}`;
	problems.report(
		value.offsetOf(0),
		`\`${key}\` must be a whole number ${range}, not "${excerpt(value.text)}"`,
		`write a whole number ${range}`
	);

	return null;
}

/** `yes`/`no` (or `是`/`否`); `fallback` when absent, null when bad (reported). */
export function yesNoValueOf(
	fields: FieldMap,
	key: string,
	fallback: boolean,
	problems: Problems
): boolean | null {
	const value = spanOf(fields, key);
	if (value === null) return fallback;
	const answer = yesNoOf(value.text);
	if (answer === null)
		problems.report(
			value.offsetOf(0),
			`\`${key}\` must be yes or no, not "${excerpt(value.text)}"`,
			'write yes or no (是 or 否)'
		);

	return answer;
}

/** Every value of a repeatable key, in order. */
export function valuesOf(fields: FieldMap, key: string): Span[] {
	return (fields.get(key) ?? []).map((field) => field.value);
}
