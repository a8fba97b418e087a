import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '../../../src/routes/healthz/+server';
import { getStore } from '../../../src/lib/server/store';
import { freshDir } from './helpers';

const previous = process.env.FIVE_LINES_DATA;

afterEach(() => {
	process.env.FIVE_LINES_DATA = previous;
});

async function probe(dataDir: string) {
	process.env.FIVE_LINES_DATA = dataDir;
	const response = await GET({} as Parameters<typeof GET>[0]);

	return { status: response.status, body: (await response.json()) as unknown };
}

describe('GET /healthz', () => {
	it('answers 200 when the data directory is writable, leaving no probe behind', async () => {
		const dir = path.join(freshDir(), 'data');
		const result = await probe(dir);
		getStore().close();

		expect(result).toEqual({ status: 200, body: { ok: true, dataDirWritable: true } });
		expect(readdirSync(dir).filter((name) => name.startsWith('.probe'))).toEqual([]);
	});

	it('answers 503 when the data directory cannot be created', async () => {
		const file = path.join(freshDir(), 'a-file');
		writeFileSync(file, 'not a directory');

		expect(await probe(path.join(file, 'data'))).toEqual({
			status: 503,
			body: { ok: false, dataDirWritable: false }
		});
	});
});
