import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/lib/markdown';

const FIXTURES = path.resolve('tests/fixtures/markdown');
// Set to regenerate the .html files after a deliberate change; review the diff before committing.
const isUpdating = process.env.UPDATE_GOLDEN === '1';

const names = readdirSync(FIXTURES)
	.filter((file) => file.endsWith('.md'))
	.map((file) => file.slice(0, -'.md'.length));

describe('renderMarkdown', () => {
	it('has golden fixtures to check', () => {
		expect(names.length).toBeGreaterThanOrEqual(5);
	});

	it.each(names)('renders %s.md as %s.html', (name) => {
		const html = renderMarkdown(readFileSync(path.join(FIXTURES, `${name}.md`), 'utf8'));
		const golden = path.join(FIXTURES, `${name}.html`);
		if (isUpdating) writeFileSync(golden, html);

		expect(html).toBe(readFileSync(golden, 'utf8'));
	});

	it.each([
		['a script tag', '<script>alert(1)</script>', /<script/i],
		['an event handler', '<img src="https://x.org/a.png" onerror="alert(1)">', /onerror/i],
		['a javascript: link', '[x](javascript:alert(1))', /javascript:/i],
		['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
		['a style attribute', '<p style="position:fixed">x</p>', /style=/i]
	])('removes %s', (_name, md, forbidden) => {
		expect(renderMarkdown(md)).not.toMatch(forbidden);
	});

	it('adds rel="noopener noreferrer" to every link', () => {
		const html = renderMarkdown(
			'[a](https://example.org) <a href="https://x.org" rel="opener">b</a>'
		);

		expect(html.match(/rel="noopener noreferrer"/g)).toHaveLength(2);
	});
});
