/**
 * Limits that keep a mistaken or hostile file from stalling or crashing the markdown reader.
 * marked recurses once per level of quote or list nesting (5,000 `>` overflow the stack) and
 * some of its rules are super-linear, while a real scenario is a few dozen KB, a few levels deep.
 */
import type { Problems } from './problems';
import type { ScenarioError } from './types';

const MAX_KB = 512;

/**
 * Leading quote marks, list markers and indentation allowed on one line, in characters: 50
 * levels of list. Past about 200, 512 KB of quotes that deepen line by line take marked 1-20 s.
 */
const MAX_NESTING_RUN = 100;

/** One unit of nesting at the start of a line: a list marker, a quote mark or a blank. */
const NESTING_UNIT = /[-*+][ \t]|\d{1,9}[.)][ \t]|[ \t>]/y;

export const TOO_DEEP = {
	message: 'the file nests too deeply for the markdown reader',
	fix: 'keep quotes, lists and indentation to a few levels'
};

/** The error for a file over 512 KB (counted in UTF-8 bytes), or null when it may be read. */
export function sizeError(source: string, file: string): ScenarioError | null {
	if (source.length * 3 <= MAX_KB * 1024) return null;
	const bytes = new TextEncoder().encode(source).length;
	if (bytes <= MAX_KB * 1024) return null;

	return {
		file,
		line: 1,
		column: 1,
		message: `the file is ${Math.ceil(bytes / 1024)} KB; a scenario may be at most ${MAX_KB} KB`,
		fix: 'split it or trim it'
	};
}

/** Reports the first line of the body that nests too deeply; true when there is none. */
export function checkNesting(source: string, bodyStart: number, problems: Problems): boolean {
	for (let start = bodyStart; start < source.length;) {
		const end = source.indexOf('\n', start);
		const lineEnd = end === -1 ? source.length : end;
		if (nestingRun(source, start, lineEnd) > MAX_NESTING_RUN) {
			problems.report(start, TOO_DEEP.message, TOO_DEEP.fix);

			return false;
		}
		start = lineEnd + 1;
	}

	return true;
}

function nestingRun(source: string, start: number, end: number): number {
	let position = start;
	NESTING_UNIT.lastIndex = position;
	while (position < end && position - start <= MAX_NESTING_RUN && NESTING_UNIT.test(source))
		position = NESTING_UNIT.lastIndex;

	return position - start;
}
