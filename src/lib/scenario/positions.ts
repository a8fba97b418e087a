/**
 * Positions in a scenario source. All offsets are indexes into the normalised source (CRLF and
 * lone CR turned into LF, a leading byte-order mark dropped); lines and columns are 1-based and
 * columns count Unicode code points, so a Chinese character or an emoji is one column.
 */
import type { SourcePosition } from './types';

/** Drops a byte-order mark and turns Windows and old Mac line endings into `\n`. */
export function normaliseSource(source: string): string {
	const withoutBom = source.startsWith('\uFEFF') ? source.slice(1) : source;

	return withoutBom.replaceAll('\r\n', '\n').replaceAll('\r', '\n');
}

/** Turns offsets into lines and columns for one normalised source. */
export interface Locator {
	locate(offset: number): SourcePosition;
}

export function createLocator(source: string): Locator {
	const lineStarts = [0];
	for (let i = 0; i < source.length; i++) {
		if (source[i] === '\n') lineStarts.push(i + 1);
	}

	return {
		locate(offset) {
			const clamped = Math.max(0, Math.min(offset, source.length));
			const index = lastLineStartAtOrBefore(lineStarts, clamped);
			const column = countCodePoints(source.slice(lineStarts[index], clamped)) + 1;

			return { line: index + 1, column };
		}
	};
}

function lastLineStartAtOrBefore(lineStarts: number[], offset: number): number {
	let low = 0;
	let high = lineStarts.length - 1;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (lineStarts[middle] <= offset) low = middle;
		else high = middle - 1;
	}

	return low;
}

function countCodePoints(text: string): number {
	return Array.from(text).length;
}

/**
 * A piece of source text that remembers where each of its characters came from, so that a
 * value cut out of a list item (whose continuation lines lost their indentation) still points
 * at the right column.
 */
export interface Span {
	text: string;
	/** The source offset of the character at `index` (or just past the end). */
	offsetOf(index: number): number;
}

/**
 * A span as runs of characters that sit side by side in the source: run `i` starts at text
 * index `starts[i]` and source offset `offsets[i]`. A slice of a slice is again one flat
 * object, so cutting a value into words allocates little and looks offsets up in one step.
 */
class RunSpan implements Span {
	constructor(
		readonly text: string,
		private readonly starts: number[],
		private readonly offsets: number[]
	) {}

	offsetOf(index: number): number {
		const run = lastLineStartAtOrBefore(this.starts, index);

		return this.offsets[run] + index - this.starts[run];
	}

	slice(from: number, to: number): RunSpan {
		const starts = [0];
		const offsets = [this.offsetOf(from)];
		for (let run = 0; run < this.starts.length; run++) {
			const start = this.starts[run];
			if (start > from && start < to) {
				starts.push(start - from);
				offsets.push(this.offsets[run]);
			}
		}

		return new RunSpan(this.text.slice(from, to), starts, offsets);
	}
}

/** A span whose characters sit side by side in the source, starting at `start`. */
export function spanAt(text: string, start: number): Span {
	return new RunSpan(text, [0], [start]);
}

/** A span made of lines that each start at their own source offset. */
export function spanOfLines(lines: string[], lineOffsets: number[]): Span {
	const starts: number[] = [];
	let position = 0;
	for (const line of lines) {
		starts.push(position);
		position += line.length + 1;
	}

	return new RunSpan(lines.join('\n'), starts, lineOffsets.slice(0, lines.length));
}

export function sliceSpan(span: Span, from: number, to = span.text.length): Span {
	if (span instanceof RunSpan) return span.slice(from, to);

	return { text: span.text.slice(from, to), offsetOf: (index) => span.offsetOf(from + index) };
}

export function trimSpan(span: Span): Span {
	const leading = span.text.length - span.text.trimStart().length;

	return sliceSpan(span, leading, leading + span.text.trim().length);
}

/** Splits at any of the separators, trims each piece and drops the empty ones. */
export function splitSpan(span: Span, separators: string[]): Span[] {
	const pieces: Span[] = [];
	let start = 0;
	for (let i = 0; i <= span.text.length; i++) {
		if (i < span.text.length && !separators.includes(span.text[i])) continue;
		const piece = trimSpan(sliceSpan(span, start, i));
		if (piece.text !== '') pieces.push(piece);
		start = i + 1;
	}

	return pieces;
}

/** The whitespace-separated words of a span. */
export function wordsOf(span: Span): Span[] {
	return splitSpan(span, [' ', '\t', '\n', '\u3000']);
}

/** Index of the first `:` or full-width `：`, or -1. */
export function colonIndex(text: string): number {
	const ascii = text.indexOf(':');
	const wide = text.indexOf('：');
	if (ascii === -1) return wide;
	if (wide === -1) return ascii;

	return Math.min(ascii, wide);
}
