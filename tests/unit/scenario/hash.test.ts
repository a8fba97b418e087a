import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/lib/scenario/hash';

/** The textbook FNV-1a 64 in BigInt: slow, but obviously right. */
function referenceHash(text: string): string {
	let hash = 0xcbf29ce484222325n;
	for (const byte of new TextEncoder().encode(text)) {
		hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
	}

	return hash.toString(16).padStart(16, '0');
}

describe('contentHash', () => {
	it.each([
		['', 'cbf29ce484222325'],
		['a', 'af63dc4c8601ec8c'],
		['foobar', '85944171f73967e8']
	])('gives the published FNV-1a 64 value for %o', (text, hash) => {
		expect(contentHash(text)).toBe(hash);
	});

	it.each([
		'# 简报\n用户线 at least 支持',
		'emoji 🙂 and tabs\t',
		'x'.repeat(10_000),
		'\u0000\uffff'
	])('matches the BigInt reference for %#', (text) => {
		expect(contentHash(text)).toBe(referenceHash(text));
	});
});
