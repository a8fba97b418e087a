/**
 * Hand-written shape checks for what the store reads back from disk. A check returns the first
 * violation it finds, with the path to the offending value, so the store can point at it.
 */
import type { JsonPath } from './json-scan';

export interface Violation {
	path: JsonPath;
	/** What was expected, as the end of a sentence: "must be a whole number". */
	expected: string;
}

/** A check for values of type T; the phantom member only carries T for inference. */
export type Check<T> = ((value: unknown, path: JsonPath) => Violation | null) & { readonly _t?: T };

function check<T>(expected: string, holds: (value: unknown) => boolean): Check<T> {
	return (value, path) => (holds(value) ? null : { path, expected });
}

export const string: Check<string> = check('must be a string', (v) => typeof v === 'string');

export const boolean: Check<boolean> = check(
	'must be true or false',
	(v) => typeof v === 'boolean'
);

export const number: Check<number> = check(
	'must be a number',
	(v) => typeof v === 'number' && Number.isFinite(v)
);

export const wholeNumber: Check<number> = check('must be a whole number', Number.isSafeInteger);

export const isoTime: Check<string> = check(
	'must be an ISO 8601 time such as "2025-01-31T09:00:00.000Z"',
	(v) => typeof v === 'string' && !Number.isNaN(Date.parse(v))
);

export function literal<const T extends string>(...values: T[]): Check<T> {
	const listed = values.map((v) => `"${v}"`).join(' or ');
	return check(`must be ${listed}`, (v) => values.includes(v as T));
}

/** A key that older files lack: absent is fine, present must pass `inner`. */
export function optional<T>(inner: Check<T>): Check<T | undefined> {
	const check: Check<T | undefined> = (value, path) =>
		value === undefined ? null : inner(value, path);

	return Object.assign(check, { isOptional: true });
}

export function nullable<T>(inner: Check<T>): Check<T | null> {
	return (value, path) => (value === null ? null : inner(value, path));
}

export function arrayOf<T>(item: Check<T>): Check<T[]> {
	return (value, path) => {
		if (!Array.isArray(value)) return { path, expected: 'must be a list' };
		for (const [index, entry] of value.entries()) {
			const found = item(entry, [...path, index]);
			if (found) return found;
		}

		return null;
	};
}

/** Checks the listed keys; other keys are allowed so older readers tolerate newer files. */
export function object<T>(shape: { [K in keyof T]-?: Check<T[K]> }): Check<T> {
	return (value, path) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			return { path, expected: 'must be an object' };
		}
		const record = value as Record<string, unknown>;
		for (const [key, inner] of Object.entries(shape) as [string, Check<unknown>][]) {
			const isOptional = 'isOptional' in inner;
			if (!(key in record) && !isOptional) return { path: [...path, key], expected: 'is missing' };
			const found = inner(record[key], [...path, key]);
			if (found) return found;
		}

		return null;
	};
}

/** Writes a path the way a person would look for it: `log[2].seq`. */
export function describePath(path: JsonPath): string {
	const text = path
		.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
		.join('')
		.replace(/^\./, '');

	return text || 'the top level';
}
