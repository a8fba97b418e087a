import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes } from '../../../src/lib/scenario/decode';

const NOT_UTF8 = {
	file: 'deal.md',
	message: 'the file is not UTF-8 text',
	fix: 'save it as UTF-8'
};

describe('decodeScenarioBytes', () => {
	it('decodes UTF-8 text, byte-order mark and Chinese included', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# 简报\n')]);
		expect(decodeScenarioBytes(bytes, 'deal.md')).toEqual({ ok: true, text: '\uFEFF# 简报\n' });
	});

	it('reports Latin-1 at the first byte that is not UTF-8', () => {
		const bytes = new Uint8Array([
			...new TextEncoder().encode('---\nid: x\n'),
			0x63,
			0x61,
			0x66,
			0xe9
		]);
		expect(decodeScenarioBytes(bytes, 'deal.md')).toEqual({
			ok: false,
			errors: [{ ...NOT_UTF8, line: 3, column: 4 }]
		});
	});

	it('reports GBK Chinese', () => {
		const gbk = new Uint8Array([0x23, 0x20, 0xbc, 0xf2, 0xb1, 0xa8]); // "# 简报" in GBK
		expect(decodeScenarioBytes(gbk, 'deal.md')).toEqual({
			ok: false,
			errors: [{ ...NOT_UTF8, line: 1, column: 3 }]
		});
	});

	it('reports UTF-16 with and without a byte-order mark', () => {
		const utf16 = [0x23, 0x00, 0x20, 0x00, 0x41, 0x00];
		for (const bytes of [[0xff, 0xfe, ...utf16], utf16]) {
			const result = decodeScenarioBytes(new Uint8Array(bytes), 'deal.md');
			expect(result).toMatchObject({ ok: false, errors: [NOT_UTF8] });
		}
	});
});
