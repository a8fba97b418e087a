import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attemptsIn } from '../../../src/lib/server/attempts';
import {
	attemptFile,
	getStore,
	openStore,
	StoreFileError,
	traineeFile
} from '../../../src/lib/server/store';
import { freshDir, freshStore, testClock } from './helpers';

async function storedAttempt() {
	const store = freshStore();
	const attempts = attemptsIn(store);
	const attempt = await attempts.createAttempt({
		scenarioId: 'county-clinic',
		scenarioVersion: 'v1',
		trainee: 'Lee Min',
		seed: 7
	});
	await attempts.appendMove(attempt.id, 1, { moveId: 'shadow-shift' });
	const file = path.join(store.dir, attemptFile(attempt.id));

	return { store, attempts, id: attempt.id, file, text: readFileSync(file, 'utf8') };
}

/** Where `needle` starts in `text`, as a 1-based line and column. */
function positionOf(text: string, needle: string) {
	const before = text.slice(0, text.indexOf(needle)).split('\n');

	return { line: before.length, column: before[before.length - 1].length + 1 };
}

function lastPosition(text: string) {
	const lines = text.split('\n');

	return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const CORRUPTIONS: [string, (text: string) => string, RegExp, (text: string) => object][] = [
	['a zero-byte file', () => '', /empty \(zero bytes\)/, () => ({ line: 1, column: 1 })],
	['a file of blank lines', () => '\n\n  \n', /holds no JSON/, () => ({ line: 1, column: 1 })],
	[
		'a file cut in the middle',
		(text) => text.slice(0, Math.floor(text.length / 2)),
		/invalid JSON/,
		(cut) => lastPosition(cut)
	],
	[
		'a missing comma',
		(text) => text.replace('"seed": 7,', '"seed": 7'),
		/invalid JSON: Expected ',' or '}'/,
		(bad) => positionOf(bad, '"log"')
	],
	[
		'an invalid value',
		(text) => text.replace('"seed": 7', '"seed": nope'),
		/invalid JSON: Unexpected token 'o' — /,
		(bad) => positionOf(bad, 'nope')
	],
	[
		'a wrong type deep inside',
		(text) => text.replace('"seq": 1', '"seq": "one"'),
		/log\[0\]\.seq must be a whole number/,
		(bad) => positionOf(bad, '"one"')
	],
	[
		'a missing field',
		(text) => text.replace(/\s*"scenarioVersion": "v1",/, ''),
		/scenarioVersion is missing/,
		(bad) => positionOf(bad, '{')
	],
	[
		'a list where an object belongs',
		() => '[]\n',
		/must be an object/,
		() => ({ line: 1, column: 1 })
	]
];

describe('store', () => {
	describe.each(CORRUPTIONS)('given %s', (_name, corrupt, problem, where) => {
		it('reports the file and the position, and never writes over it', async () => {
			const { attempts, id, file, text } = await storedAttempt();
			const bad = corrupt(text);
			writeFileSync(file, bad);
			const bytes = readFileSync(file);

			const error = await attempts.readAttempt(id).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(StoreFileError);
			expect(error).toMatchObject({ ...where(bad), message: expect.stringMatching(problem) });
			expect((error as StoreFileError).file).toMatch(new RegExp(`attempts/${id}\\.json$`));
			expect((error as Error).message).toMatch(/repair it by hand/);

			await expect(attempts.appendMove(id, 2, { moveId: 'x' })).rejects.toThrow(StoreFileError);
			expect(readFileSync(file).equals(bytes)).toBe(true);
		});
	});

	it('leaves a broken trainee index as it was when an attempt starts', async () => {
		const store = freshStore();
		const file = path.join(store.dir, traineeFile('Lee Min'));
		writeFileSync(file, '{"trainee": "Lee Min", "attempts": [');
		const bytes = readFileSync(file);
		const attempts = attemptsIn(store);
		const start = attempts.createAttempt({
			scenarioId: 's',
			scenarioVersion: 'v1',
			trainee: 'Lee Min',
			seed: 1
		});

		await expect(start).rejects.toThrow(/trainees\/.*\.json:1:37: invalid JSON/);
		await expect(attempts.listAttemptsByTrainee('Lee Min')).rejects.toThrow(StoreFileError);
		expect(readFileSync(file).equals(bytes)).toBe(true);
		expect(readdirSync(path.join(store.dir, 'attempts'))).toEqual([]);
	});

	it('notices a file damaged after it was last read, and does not write over it', async () => {
		const { attempts, id, file } = await storedAttempt();
		expect((await attempts.readAttempt(id))?.log).toHaveLength(1);
		writeFileSync(file, '{"id": 1');

		await expect(attempts.readAttempt(id)).rejects.toThrow(StoreFileError);
		await expect(attempts.appendMove(id, 2, { moveId: 'x' })).rejects.toThrow(StoreFileError);
		expect(readFileSync(file, 'utf8')).toBe('{"id": 1');
	});

	it('creates the data directory and its folders on first start', () => {
		const dir = path.join(freshDir(), 'nested', 'data');
		const store = openStore(dir);
		store.close();

		expect(readdirSync(dir).sort()).toEqual([
			'attempts',
			'reviews',
			'scenario-versions',
			'trainees'
		]);
	});

	it('keeps files of different trainees apart even when their names look alike', () => {
		expect(traineeFile('Lee Min')).not.toBe(traineeFile('lee min'));
		expect(traineeFile('李敏')).toMatch(/^trainees\/[0-9a-f]{16}\.json$/);
		expect(traineeFile('../../etc')).toMatch(/^trainees\/etc-[0-9a-f]{16}\.json$/);
	});

	it('answers a read issued after updates with what the updates wrote', async () => {
		const store = freshStore();
		const doc = { file: 'accounts/counter.json', check: (() => null) as never };

		const updates = [1, 2, 3].map((n) =>
			store.update<{ n: number }, void>(doc, () => ({ next: { n }, result: undefined }))
		);
		const read = store.read<{ n: number }>(doc);

		expect((await read)?.n).toBe(3);
		await Promise.all(updates);
		expect((await store.read<{ n: number }>(doc))?.n).toBe(3);
	});

	it('looks at a file read by every request at most once a second, and sees a hand edit after', async () => {
		const clock = testClock();
		const store = freshStore(clock);
		const doc = { file: 'accounts/hot.json', check: (() => null) as never, recheckMs: 1000 };
		await store.update<{ n: number }, void>(doc, () => ({ next: { n: 1 }, result: undefined }));
		writeFileSync(path.join(store.dir, doc.file), JSON.stringify({ n: 2 }));

		clock.advance(999);
		expect((await store.read<{ n: number }>(doc))?.n).toBe(1);
		clock.advance(1);
		expect((await store.read<{ n: number }>(doc))?.n).toBe(2);
	});

	it('writes a text file once and never replaces it', async () => {
		const store = freshStore();

		expect(await store.writeTextOnce('scenario-versions/s/v1.md', 'first')).toBe(true);
		expect(await store.writeTextOnce('scenario-versions/s/v1.md', 'second')).toBe(false);
		expect(readFileSync(path.join(store.dir, 'scenario-versions/s/v1.md'), 'utf8')).toBe('first');
	});

	it('opens the app-wide store in the directory named by FIVE_LINES_DATA', () => {
		const dir = path.join(freshDir(), 'app-data');
		const previous = process.env.FIVE_LINES_DATA;
		process.env.FIVE_LINES_DATA = dir;
		try {
			const store = getStore();

			expect(store.dir).toBe(dir);
			expect(getStore()).toBe(store);
			expect(readFileSync(path.join(dir, '.lock'), 'utf8').trim()).toBe(String(process.pid));
			store.close();
			expect(existsSync(path.join(dir, '.lock'))).toBe(false);
		} finally {
			process.env.FIVE_LINES_DATA = previous;
		}
	});
});
