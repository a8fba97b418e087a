import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/lib/deal/types';
import type { AttemptFacts } from '../../../src/lib/scoring/facts';
import type { ScoreReport } from '../../../src/lib/scoring/types';
import { attemptsIn, type Attempt } from '../../../src/lib/server/attempts';
import { attemptCheck } from '../../../src/lib/server/records';
import { attemptFile, traineeFile } from '../../../src/lib/server/store';
import { freshStore, readBack, testClock } from './helpers';

const OUTCOME: Outcome = { result: 'won', reason: 'decision', narrative: 'You win.', turn: 2 };

const REPORT = {
	total: 79.96,
	display: '79.9',
	passMark: 70,
	passed: true,
	earned: 40,
	possible: 50,
	groups: { sequencing: [], coverage: [], outcome: [], efficiency: [] },
	blockersFailed: []
} satisfies ScoreReport;

const FACTS: AttemptFacts = {
	stageReached: 'decision',
	coverage: { user: true, management: false },
	brokenSequencing: [{ ruleId: 'users-early', title: 'Users first' }]
};

function setup() {
	const clock = testClock();
	const store = freshStore(clock);
	const attempts = attemptsIn(store);
	const start = (trainee = 'Lee Min') =>
		attempts.createAttempt({
			scenarioId: 'county-clinic',
			scenarioVersion: 'v1abc',
			scenarioTitle: 'County clinic',
			trainee,
			seed: 42
		});

	/** Ends an attempt as the play service does: the closing move, finished in the same write. */
	const close = (id: string, seq: number) =>
		attempts.appendMove(id, seq, { moveId: 'close' }, () => ({
			outcome: OUTCOME,
			report: REPORT,
			facts: FACTS
		}));

	return { clock, store, attempts, start, close };
}

describe('attempt repository', () => {
	it('creates, reads, appends to and finishes an attempt, all on disk', async () => {
		const { clock, store, attempts, start, close } = setup();
		const created = await start();
		clock.advance(1000);
		const first = await attempts.appendMove(created.id, 1, { moveId: 'shadow-shift' });
		clock.advance(1000);
		await close(created.id, 2);

		expect(first.applied).toBe(true);
		const stored = readBack<Attempt>(store, attemptFile(created.id));
		expect(stored).toEqual(await attempts.readAttempt(created.id));
		expect(stored).toMatchObject({
			scenarioId: 'county-clinic',
			scenarioVersion: 'v1abc',
			trainee: 'Lee Min',
			traineeName: 'Lee Min',
			seed: 42,
			outcome: OUTCOME,
			report: REPORT,
			startedAt: '2025-03-01T09:00:00.000Z',
			updatedAt: '2025-03-01T09:00:02.000Z',
			finishedAt: '2025-03-01T09:00:02.000Z'
		});
		expect(stored.log).toEqual([
			{ seq: 1, moveId: 'shadow-shift', at: '2025-03-01T09:00:01.000Z' },
			{ seq: 2, moveId: 'close', at: '2025-03-01T09:00:02.000Z' }
		]);
	});

	it('keeps the index under a trainee key while showing the display name', async () => {
		const { store, attempts } = setup();
		const key = '3f2b6c1e-8d4a-4b7e-9c2d-1a5e7f9b0c3d';
		const attempt = await attempts.createAttempt({
			scenarioId: 'county-clinic',
			scenarioVersion: 'v1abc',
			trainee: key,
			traineeName: 'Lee Min',
			seed: 1
		});

		expect(readBack(store, attemptFile(attempt.id))).toMatchObject({
			trainee: key,
			traineeName: 'Lee Min'
		});
		expect(await attempts.listAttemptsByTrainee(key)).toHaveLength(1);
		expect(await attempts.listAttemptsByTrainee('Lee Min')).toEqual([]);
	});

	it('gives each attempt a random, URL-safe id', async () => {
		const { start } = setup();
		const [a, b] = await Promise.all([start(), start()]);

		expect(a.id).not.toBe(b.id);
		expect(a.id).toMatch(/^[A-Za-z0-9-]+$/);
	});

	it('reads an absent or unsafe id as null', async () => {
		const { attempts } = setup();

		expect(await attempts.readAttempt('00000000-0000-0000-0000-000000000000')).toBeNull();
		expect(await attempts.readAttempt('../trainees/x')).toBeNull();
	});

	it('keeps a summary of each attempt in the trainee index', async () => {
		const { store, attempts, start, clock, close } = setup();
		const older = await start();
		clock.advance(60_000);
		const newer = await start();
		await close(older.id, 1);
		await start('Someone Else');

		const listed = await attempts.listAttemptsByTrainee('Lee Min');
		expect(listed.map((entry) => entry.attemptId)).toEqual([newer.id, older.id]);
		expect(listed[1]).toEqual({
			attemptId: older.id,
			scenarioId: 'county-clinic',
			scenarioTitle: 'County clinic',
			startedAt: '2025-03-01T09:00:00.000Z',
			finishedAt: '2025-03-01T09:01:00.000Z',
			outcome: 'won',
			scoreDisplay: '79.9',
			passed: true,
			total: 79.96,
			facts: FACTS,
			isBlocked: false
		});
		expect(readBack(store, traineeFile('Lee Min'))).toEqual({
			trainee: 'Lee Min',
			attempts: [...listed].reverse()
		});
	});

	it('brings an index line left behind by a crash back in step with the attempt, once', async () => {
		const { store, attempts, start } = setup();
		const { id } = await start();
		// As if the server died after the finishing move's write and before the index's.
		await store.update({ file: attemptFile(id), check: attemptCheck }, (attempt) => ({
			next: attempt && {
				...attempt,
				log: [{ seq: 1, moveId: 'close', at: '2025-03-01T09:05:00.000Z' }],
				outcome: OUTCOME,
				report: REPORT,
				finishedAt: '2025-03-01T09:05:00.000Z'
			},
			result: undefined
		}));
		const finished = await attempts.readAttempt(id);
		if (!finished) throw new Error('no attempt');
		const override = { score: 60, display: '60.0', passed: false };

		expect(await attempts.syncSummary(finished, FACTS, override)).toBe(true);
		expect((await attempts.listAttemptsByTrainee('Lee Min'))[0]).toMatchObject({
			finishedAt: '2025-03-01T09:05:00.000Z',
			outcome: 'won',
			total: 79.96,
			facts: FACTS,
			override
		});
		expect(await attempts.syncSummary(finished, FACTS, override)).toBe(false);
	});

	it('lists no attempts for a trainee who has none', async () => {
		const { attempts } = setup();

		expect(await attempts.listAttemptsByTrainee('Nobody')).toEqual([]);
	});

	it('applies a move submitted twice at once only once', async () => {
		const { store, attempts, start } = setup();
		const { id } = await start();
		const results = await Promise.all([
			attempts.appendMove(id, 1, { moveId: 'shadow-shift' }),
			attempts.appendMove(id, 1, { moveId: 'shadow-shift' })
		]);

		expect(results.map((r) => r.applied).sort()).toEqual([false, true]);
		expect(results.find((r) => !r.applied)).toMatchObject({ reason: 'duplicate' });
		expect(readBack<Attempt>(store, attemptFile(id)).log).toHaveLength(1);
	});

	it('applies a move submitted twice in a row only once', async () => {
		const { store, attempts, start } = setup();
		const { id } = await start();
		const first = await attempts.appendMove(id, 1, { moveId: 'shadow-shift' });
		const second = await attempts.appendMove(id, 1, { moveId: 'shadow-shift' });

		expect(first.applied).toBe(true);
		expect(second).toMatchObject({ applied: false, reason: 'duplicate' });
		expect(readBack<Attempt>(store, attemptFile(id)).log).toHaveLength(1);
	});

	it('refuses a move whose turn number skips ahead', async () => {
		const { store, attempts, start } = setup();
		const { id } = await start();
		const result = await attempts.appendMove(id, 3, { moveId: 'shadow-shift' });

		expect(result).toMatchObject({ applied: false, reason: 'out-of-order' });
		expect(readBack<Attempt>(store, attemptFile(id)).log).toEqual([]);
	});

	it('refuses a move after the deal has ended', async () => {
		const { attempts, start, close } = setup();
		const { id } = await start();
		await close(id, 1);

		const result = await attempts.appendMove(id, 2, { moveId: 'shadow-shift' });
		expect(result).toMatchObject({ applied: false, reason: 'finished' });
	});

	it('finishes the attempt in the same write when the after hook says the deal ended', async () => {
		const { store, attempts, start } = setup();
		const { id } = await start();
		const result = await attempts.appendMove(id, 1, { moveId: 'close' }, (attempt) =>
			attempt.log.at(-1)?.moveId === 'close'
				? { outcome: OUTCOME, report: REPORT, facts: FACTS }
				: null
		);

		expect(result.applied).toBe(true);
		expect(readBack<Attempt>(store, attemptFile(id))).toMatchObject({ outcome: OUTCOME });
		expect((await attempts.listAttemptsByTrainee('Lee Min'))[0].outcome).toBe('won');
	});

	it('rejects a move on an attempt that does not exist', async () => {
		const { attempts } = setup();
		const id = '00000000-0000-0000-0000-000000000000';

		await expect(attempts.appendMove(id, 1, { moveId: 'x' })).rejects.toThrow(/no attempt/);
	});

	it('lands 20 concurrent appends to 20 attempts, every file parsing', async () => {
		const { store, attempts, start } = setup();
		const created = await Promise.all(Array.from({ length: 20 }, (_, i) => start(`T${i % 3}`)));
		const results = await Promise.all(
			created.map(({ id }) => attempts.appendMove(id, 1, { moveId: 'shadow-shift' }))
		);

		expect(results.every((r) => r.applied)).toBe(true);
		for (const { id } of created) {
			expect(readBack<Attempt>(store, attemptFile(id)).log).toHaveLength(1);
		}
		const listed = await Promise.all(['T0', 'T1', 'T2'].map(attempts.listAttemptsByTrainee));
		expect(listed.flat()).toHaveLength(20);
	});

	it('lands 20 concurrent, correctly numbered appends to one attempt', async () => {
		const { store, attempts, start } = setup();
		const { id } = await start();
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => attempts.appendMove(id, i + 1, { moveId: `m${i + 1}` }))
		);

		expect(results.every((r) => r.applied)).toBe(true);
		const { log } = readBack<Attempt>(store, attemptFile(id));
		expect(log.map((entry) => entry.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(log.map((entry) => entry.moveId)).toEqual(results.map((_, i) => `m${i + 1}`));
	});

	it('leaves no temporary files behind and replaces files rather than rewriting them', async () => {
		const { store, attempts, start } = setup();
		const { id } = await start();
		const file = path.join(store.dir, attemptFile(id));
		const before = statSync(file).ino;
		await attempts.appendMove(id, 1, { moveId: 'shadow-shift' });

		// A new inode means the file was renamed into place, never truncated and rewritten.
		expect(statSync(file).ino).not.toBe(before);
		expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});
