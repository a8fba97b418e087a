import { describe, expect, it } from 'vitest';
import { safeNext } from '../../../src/lib/server/guards';

describe('safeNext', () => {
	it.each([
		['/attempts/3f2b/review?step=2', '/attempts/3f2b/review?step=2'],
		['/dashboard?team=t-1&from=2026-01-01', '/dashboard?team=t-1&from=2026-01-01'],
		['/scenarios/%E5%B8%82', '/scenarios/%E5%B8%82'],
		['/', '/']
	])('follows the path %j on this site', (next, followed) => {
		expect(safeNext(next)).toBe(followed);
	});

	it.each([
		null,
		'',
		'https://evil.example/',
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r/evil.example',
		'/ /evil.example',
		'/\u3002evil.example',
		'dashboard',
		'javascript:alert(1)'
	])('sends %j home instead', (next) => {
		expect(safeNext(next)).toBe('/');
	});
});
