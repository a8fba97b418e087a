import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src/lib/server/scenarios';
import { freshDir, freshStore } from './helpers';

describe('the catalogue', () => {
	it('reports a scenario file that is not UTF-8 at its first bad byte, not as a cascade', async () => {
		const dir = freshDir();
		const gbk = Buffer.from('---\nid: x\ntitle: ', 'utf8');
		// "标题" in GBK: bytes that are not valid UTF-8.
		writeFileSync(
			path.join(dir, 'gbk.md'),
			Buffer.concat([gbk, Buffer.from([0xb1, 0xea, 0xcc, 0xe2])])
		);
		const store = freshStore();
		const catalogue = openCatalogue({ dir, store: () => store });

		const { scenarios, broken } = await catalogue.list();

		expect(scenarios).toEqual([]);
		expect(broken).toHaveLength(1);
		expect(broken[0].errors).toEqual([
			expect.objectContaining({ line: 3, column: 8, message: 'the file is not UTF-8 text' })
		]);
	});
});
