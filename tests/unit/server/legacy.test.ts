import { describe, expect, it } from 'vitest';
import { attemptsIn, type Attempt } from '../../../src/lib/server/attempts';
import { legacyIn } from '../../../src/lib/server/legacy';
import { attemptCheck } from '../../../src/lib/server/records';
import { attemptFile, traineeFile } from '../../../src/lib/server/store';
import { freshStore, readBack, testClock } from './helpers';

/** A browser key of the display-name days. */
const KEY = '3f2b6c1e-8d4a-4b7e-9c2d-1a5e7f9b0c3d';
const ACCOUNT = { id: 'u-0d2a3b4c-0000-4000-8000-000000000001', name: 'Lee Min' };

async function setup() {
	const clock = testClock();
	const store = freshStore(clock);
	const attempts = attemptsIn(store);
	const start = (trainee: string, traineeName: string) =>
		attempts.createAttempt({
			scenarioId: 'county-clinic',
			scenarioVersion: 'v1abc',
			scenarioTitle: 'County clinic',
			trainee,
			traineeName,
			seed: 1
		});
	const first = await start(KEY, 'Lee');
	clock.advance(60_000);
	const second = await start(KEY, 'Lee Min');
	clock.advance(60_000);
	const own = await start(ACCOUNT.id, ACCOUNT.name);

	return { store, attempts, legacy: legacyIn(store), first, second, own };
}

describe('display-name histories', () => {
	it('lists a history not yet given, with the names it was played under, newest first', async () => {
		const { legacy } = await setup();

		expect(await legacy.listUnclaimed()).toEqual([
			{
				key: KEY,
				names: ['Lee Min', 'Lee'],
				attempts: 2,
				lastStartedAt: '2025-03-01T09:01:00.000Z'
			}
		]);
	});

	it('gives every attempt to the account, merges the indexes in start order and keeps the old index', async () => {
		const { store, attempts, legacy, first, second, own } = await setup();

		expect(await legacy.claim(KEY, ACCOUNT)).toBe(true);

		expect(readBack<Attempt>(store, attemptFile(first.id))).toMatchObject({
			trainee: ACCOUNT.id,
			traineeName: 'Lee Min',
			claimedFrom: KEY
		});
		const listed = await attempts.listAttemptsByTrainee(ACCOUNT.id);
		expect(listed.map((line) => line.attemptId)).toEqual([own.id, second.id, first.id]);
		expect(readBack<{ claimedBy: string }>(store, traineeFile(KEY)).claimedBy).toBe(ACCOUNT.id);
		expect(await legacy.listUnclaimed()).toEqual([]);
	});

	it('finishes a claim cut short by a crash when the manager gives the history again', async () => {
		const { store, attempts, legacy, first, second, own } = await setup();
		// The crash came after the first attempt was moved and before any index changed.
		await store.update({ file: attemptFile(first.id), check: attemptCheck }, (attempt) => ({
			next: attempt && { ...attempt, trainee: ACCOUNT.id, claimedFrom: KEY },
			result: undefined
		}));
		expect(await legacy.listUnclaimed()).toHaveLength(1);

		expect(await legacy.claim(KEY, ACCOUNT)).toBe(true);

		const listed = await attempts.listAttemptsByTrainee(ACCOUNT.id);
		expect(listed.map((line) => line.attemptId)).toEqual([own.id, second.id, first.id]);
		expect(readBack<Attempt>(store, attemptFile(second.id)).trainee).toBe(ACCOUNT.id);
		expect(await legacy.claim(KEY, ACCOUNT)).toBe(false);
	});

	it('refuses to give away an account index, an unknown key, or a key spelt otherwise', async () => {
		const { legacy } = await setup();
		const other = { id: 'u-other', name: 'Other' };

		expect(await legacy.claim(ACCOUNT.id, other)).toBe(false);
		// The index file is found by a trimmed key: " u-…" would reach the account's own index.
		expect(await legacy.claim(` ${ACCOUNT.id}`, other)).toBe(false);
		expect(await legacy.claim(`${KEY} `, other)).toBe(false);
		expect(await legacy.claim('no-such-key', ACCOUNT)).toBe(false);
		expect(await legacy.listUnclaimed()).toHaveLength(1);
	});

	it('gives a history given to two accounts at once to the first only', async () => {
		const { store, attempts, legacy, first, second } = await setup();
		const other = { id: 'u-0d2a3b4c-0000-4000-8000-000000000002', name: 'Other' };

		const given = await Promise.all([legacy.claim(KEY, ACCOUNT), legacy.claim(KEY, other)]);

		expect(given).toEqual([true, false]);
		expect(await attempts.listAttemptsByTrainee(other.id)).toEqual([]);
		for (const { id } of [first, second]) {
			expect(readBack<Attempt>(store, attemptFile(id)).trainee).toBe(ACCOUNT.id);
		}
	});
});
