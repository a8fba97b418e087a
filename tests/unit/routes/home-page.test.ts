import { rmSync } from 'node:fs';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAttempt } from '../../../src/lib/server/attempts';
import { listTraineeAttempts } from '../../../src/lib/server/pages';
import { getStore } from '../../../src/lib/server/store';
import HomePage from '../../../src/routes/+page.svelte';

// The app's module verbs read FIVE_LINES_DATA when first used: point it at a fresh directory.
const dataDir = await vi.hoisted(async () => {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'five-lines-home-'));
	process.env.FIVE_LINES_DATA = dir;

	return dir;
});

/** 23:59 on 1 March in UTC is 07:59 on 2 March in Shanghai (UTC+8). */
const STARTED_AT = '2026-03-01T23:59:00.000Z';
let attemptId = '';

beforeAll(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date(STARTED_AT));
	const attempt = await createAttempt({
		scenarioId: 'city-hospital',
		scenarioVersion: 'v1',
		scenarioTitle: 'Northbridge City Hospital',
		trainee: 'u-tina',
		seed: 7
	});
	attemptId = attempt.id;
});

afterAll(() => {
	vi.useRealTimers();
	getStore().close();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('listTraineeAttempts', () => {
	it.each([
		['Asia/Shanghai', '2026-03-02 07:59'],
		['UTC', '2026-03-01 23:59'],
		['America/Los_Angeles', '2026-03-01 15:59']
	])('writes the start in %s as %s and keeps the instant', async (timeZone, text) => {
		const [attempt] = await listTraineeAttempts('u-tina', timeZone);

		expect([attempt.startedAt, attempt.startedText]).toEqual([STARTED_AT, text]);
	});
});

describe('the home page', () => {
	it("shows an attempt's start in the viewer's zone and names the zone once", async () => {
		const attempts = await listTraineeAttempts('u-tina', 'Asia/Shanghai');
		const data = { assignments: null, scenarios: [], attempts, timeZone: 'Asia/Shanghai' };
		const { body } = render(HomePage, { props: { data } as never });

		expect(body).toMatch(/<caption[^>]*>Times in Asia\/Shanghai<\/caption>/);
		expect(body.split('Asia/Shanghai')).toHaveLength(2);
		expect(body).toContain(`<time datetime="${STARTED_AT}">2026-03-02 07:59</time>`);
		expect(body).toContain(`/attempts/${attemptId}`);
	});
});
