import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../../src/lib/scenario/parse';
import type { ScenarioError } from '../../../src/lib/scenario/types';
import { BASE_LINES, withLines } from './base';

function errorsOf(source: string): ScenarioError[] {
	const result = parseScenario(source, 'deal.md');

	return result.ok ? [] : result.errors;
}

function nestedList(levels: number): string {
	return Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- deeper`).join('\n');
}

const TOO_DEEP = {
	file: 'deal.md',
	message: 'the file nests too deeply for the markdown reader',
	fix: 'keep quotes, lists and indentation to a few levels'
};

describe('parseScenario limits', () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it('refuses a paragraph over 10,000 characters, which would be slow to render', () => {
		const long = `${'_a'.repeat(5000)}_`;
		expect(errorsOf(withLines({ 17: long }))).toEqual([
			{
				file: 'deal.md',
				line: 17,
				column: 1,
				message: 'a paragraph of 10,001 characters is too long',
				fix: 'split it into paragraphs of at most 10,000 characters'
			}
		]);
		expect(errorsOf(withLines({ 17: long.slice(1) }))).toEqual([]);
	});

	it('accepts ids of 64 characters', () => {
		const source = withLines({ 2: `id: ${'a'.repeat(64)}`, 42: `### ${'s'.repeat(64)}: Shadow` });
		expect(errorsOf(source)).toEqual([]);
	});

	it('refuses a file over 512 KB before reading it', () => {
		const source = BASE_LINES.join('\n') + '\n' + 'x'.repeat(600 * 1024);
		expect(errorsOf(source)).toEqual([
			{
				file: 'deal.md',
				line: 1,
				column: 1,
				message: 'the file is 601 KB; a scenario may be at most 512 KB',
				fix: 'split it or trim it'
			}
		]);
	});

	it('counts the size in UTF-8 bytes', () => {
		const source = BASE_LINES.join('\n') + '\n' + '简'.repeat(200 * 1024);
		expect(errorsOf(source)[0]?.message).toBe(
			'the file is 601 KB; a scenario may be at most 512 KB'
		);
	});

	it('reports 5,000 nested quotes at their line instead of overflowing the stack', () => {
		const errors = errorsOf(withLines({ 17: `${'>'.repeat(5000)} Brief.` }));
		expect(errors).toEqual([{ ...TOO_DEEP, line: 17, column: 1 }]);
	});

	it('refuses a list nested 2,000 levels in the briefing by its size', () => {
		const source = withLines({ 17: nestedList(2000) });
		const kb = Math.ceil(new TextEncoder().encode(source).length / 1024);
		expect(errorsOf(source)).toEqual([
			{
				file: 'deal.md',
				line: 1,
				column: 1,
				message: `the file is ${kb} KB; a scenario may be at most 512 KB`,
				fix: 'split it or trim it'
			}
		]);
	});

	it('reports a list nested 300 levels at the first line past 100 characters of nesting', () => {
		const errors = errorsOf(withLines({ 17: nestedList(300) }));
		expect(errors).toEqual([{ ...TOO_DEEP, line: 17 + 50, column: 1 }]);
	});

	it('reports 5,000 list markers on one line', () => {
		const errors = errorsOf(withLines({ 17: `${'- '.repeat(5000)}x` }));
		expect(errors).toEqual([{ ...TOO_DEEP, line: 17, column: 1 }]);
	});

	it('reads quotes that deepen line by line up to the limit quickly', () => {
		const lines = Array.from({ length: 2000 }, (_, index) => `${'>'.repeat(index % 100)} x`);
		const started = Date.now();
		expect(errorsOf(withLines({ 17: lines.join('\n') }))).toEqual([]);
		expect(Date.now() - started).toBeLessThan(1500);
	});

	it('reads a list nested a few levels as before', () => {
		expect(errorsOf(withLines({ 17: nestedList(6) }))).toEqual([]);
	});

	it('reports any failure of the markdown reader at 1:1 instead of throwing', () => {
		vi.spyOn(Lexer.prototype, 'blockTokens').mockImplementation(() => {
			throw new RangeError('Maximum call stack size exceeded');
		});
		expect(errorsOf(BASE_LINES.join('\n'))).toEqual([{ ...TOO_DEEP, line: 1, column: 1 }]);
	});

	// The parser reads no inline marks, so this returns at once (vitest's timeout would catch a
	// hang); the paragraph itself is refused because rendering it would not be quick.
	it('reports pathological emphasis as a paragraph too long to render', () => {
		const errors = errorsOf(withLines({ 17: '_a'.repeat(100_000) }));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[17, 'a paragraph of 200,000 characters is too long']
		]);
	});
});
