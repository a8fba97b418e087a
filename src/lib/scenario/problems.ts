import type { Locator } from './positions';
import type { ScenarioError } from './types';

/** Collects the mistakes found in one file; every part of the parser reports into it. */
export interface Problems {
	report(offset: number, message: string, fix: string): void;
	/** All reported errors, sorted by position (ties keep the order they were reported in). */
	list(): ScenarioError[];
	readonly count: number;
	/** The 1-based line of an offset, to mention where an earlier thing was written. */
	lineAt(offset: number): number;
}

export function createProblems(file: string, locator: Locator): Problems {
	const errors: ScenarioError[] = [];

	return {
		report(offset, message, fix) {
			errors.push({ file, ...locator.locate(offset), message, fix });
		},
		list: () => [...errors].sort((a, b) => a.line - b.line || a.column - b.column),
		lineAt: (offset) => locator.locate(offset).line,
		get count() {
			return errors.length;
		}
	};
}

const EXCERPT_LENGTH = 60;

/**
 * Text quoted in a message, cut to its first line and at most 60 characters (code points), so
 * a stray paragraph read as a heading does not turn one error into a screenful.
 */
export function excerpt(text: string): string {
	const lines = text.trim().split('\n');
	const first = Array.from(lines[0]);
	if (first.length <= EXCERPT_LENGTH && lines.length === 1) return lines[0];

	return `${first.slice(0, EXCERPT_LENGTH - 1).join('')}…`;
}
