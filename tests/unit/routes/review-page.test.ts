import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isRedirect } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '../../../src/lib/server/access';
import { addPerson } from '../server/helpers';

/*
 * The review page and the debrief as a viewer in Shanghai (UTC+8) sees them. Tina plays the
 * recorded wins of city-hospital (English) and zh-city-bureau (Chinese); Cora, her coach,
 * comments on both and overrides the English one at 23:59 UTC on 1 March 2026, which is 07:59
 * on 2 March in Shanghai.
 */

const dataDir = await vi.hoisted(async () => {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const { fileURLToPath } = await import('node:url');
	const dir = mkdtempSync(join(tmpdir(), 'five-lines-review-page-'));
	process.env.FIVE_LINES_DATA = dir;
	process.env.FIVE_LINES_CONTENT = fileURLToPath(
		new URL('../../../content/scenarios', import.meta.url)
	);

	return dir;
});

const { loadDebrief } = await import('../../../src/lib/server/pages');
const { playMove, startAttempt } = await import('../../../src/lib/server/play');
const { commentOn, loadReview, overrideFor } = await import('../../../src/lib/server/review-pages');
const { getStore } = await import('../../../src/lib/server/store');
const { createTeam, placeTrainee } = await import('../../../src/lib/server/teams');
const { default: ReviewPage } =
	await import('../../../src/routes/attempts/[id]/review/+page.svelte');
const { default: DebriefPage } =
	await import('../../../src/routes/attempts/[id]/debrief/+page.svelte');
const { actions, load } = await import('../../../src/routes/attempts/[id]/review/+page.server');

const PATHS_FILE = fileURLToPath(new URL('../../fixtures/shipped-paths.json', import.meta.url));
const recorded = JSON.parse(readFileSync(PATHS_FILE, 'utf8')) as Record<
	string,
	Record<'win', string[]>
>;

const REVIEWED_AT = '2026-03-01T23:59:00.000Z';
const SHANGHAI = 'Asia/Shanghai';
const people = {} as Record<'tina' | 'cora', Viewer>;
const attempts = { en: '', zh: '', saved: '' };

const person = (username: string, name: string, role: Viewer['role']) =>
	addPerson(getStore(), username, name, role);

async function play(scenarioId: string, moveIds: string[]): Promise<string> {
	const id = await startAttempt(scenarioId, people.tina);
	if (!id) throw new Error(`There is no scenario ${scenarioId}.`);
	for (const [index, moveId] of moveIds.entries()) {
		const result = await playMove(id, people.tina, { moveId, seq: index + 1 });
		if (result.kind !== 'applied') throw new Error(`${moveId}: ${JSON.stringify(result)}`);
	}

	return id;
}

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);

	return data;
}

beforeAll(async () => {
	people.tina = await person('tina', 'Tina Trainee', 'trainee');
	people.cora = await person('cora', 'Cora Coach', 'coach');
	const team = await createTeam('East', people.cora.id);
	if (!team.ok) throw new Error(team.error);
	await placeTrainee(team.team.id, people.tina.id);
	attempts.en = await play('city-hospital', recorded['city-hospital'].win);
	attempts.zh = await play('zh-city-bureau', recorded['zh-city-bureau'].win);
	attempts.saved = await play('city-hospital', recorded['city-hospital'].win);

	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date(REVIEWED_AT));
	await commentOn(attempts.en, people.cora, form({ seq: '0', text: 'Well sequenced.' }));
	await overrideFor(attempts.en, people.cora, form({ score: '88.5', reason: 'Judged live.' }));
	await commentOn(attempts.zh, people.cora, form({ seq: '1', text: '开局不错。' }));
	vi.useRealTimers();
});

afterAll(() => {
	getStore().close();
	rmSync(dataDir, { recursive: true, force: true });
});

/** How many times the text occurs in the page. */
function count(body: string, text: string): number {
	return body.split(text).length - 1;
}

async function debriefBody(attemptId: string): Promise<string> {
	const debrief = await loadDebrief(attemptId, people.tina);
	if (!debrief?.view) throw new Error(`${attemptId} has no debrief.`);
	const data = { ...debrief, debrief: debrief.view, isReviewing: false, timeZone: SHANGHAI };

	return render(DebriefPage, { props: { data } as never }).body;
}

describe('the review page', () => {
	it("writes every time in the viewer's zone and names the zone once", async () => {
		const review = await loadReview(attempts.en, people.cora, null);
		const data = { review, timeZone: SHANGHAI, saved: null };
		const { body } = render(ReviewPage, { props: { data, form: null } as never });

		expect(body).toContain('<p class="muted">Times in Asia/Shanghai.</p>');
		expect(count(body, SHANGHAI)).toBe(1);
		// The override, the comment in its own list and again in the list of all comments.
		expect(count(body, `datetime="${REVIEWED_AT}">2026-03-02 07:59</time>`)).toBe(3);
	});
});

describe('the debrief', () => {
	it('names the zone of its review times once, in English', async () => {
		const body = await debriefBody(attempts.en);

		expect(count(body, 'Times in Asia/Shanghai.')).toBe(1);
		expect(count(body, SHANGHAI)).toBe(1);
		expect(body).toContain('Cora Coach, 2026-03-02 07:59');
		expect(body).toContain('set by Cora Coach on 2026-03-02 07:59.');
	});

	it("names the zone in a Chinese scenario's language", async () => {
		const body = await debriefBody(attempts.zh);

		expect(count(body, '时间均按 Asia/Shanghai 时区显示。')).toBe(1);
		expect(body).toContain('Cora Coach，2026-03-02 07:59');
	});

	it('names no zone when it shows no time', async () => {
		const debrief = await loadDebrief(attempts.en, people.cora);
		const body = render(DebriefPage, {
			props: {
				data: {
					...debrief,
					debrief: debrief?.view,
					notes: { whole: [], byMove: [], override: null },
					timeZone: SHANGHAI
				}
			} as never
		}).body;

		expect(count(body, SHANGHAI)).toBe(0);
	});
});

describe('saving on the review page', () => {
	const NO_COOKIES = { get: () => undefined };

	/** The review page's event for the coach at `search` on the attempt kept for saving. */
	function event(search: string, body?: FormData) {
		const url = new URL(`http://127.0.0.1/attempts/${attempts.saved}/review${search}`);
		const request = new Request(url, body ? { method: 'POST', body } : {});

		return {
			url,
			request,
			params: { id: attempts.saved },
			locals: { viewer: people.cora },
			cookies: NO_COOKIES
		} as never;
	}

	/** Where an action sends the browser once it has saved. */
	async function redirectOf(action: () => unknown): Promise<string> {
		try {
			await action();
		} catch (thrown) {
			if (isRedirect(thrown)) return `${thrown.status} ${thrown.location}`;
			throw thrown;
		}
		throw new Error('The action saved nothing and sent the browser nowhere.');
	}

	async function page(search: string): Promise<{ saved: string | null; body: string }> {
		const data = (await load(event(search))) as { saved: string | null };

		return {
			saved: data.saved,
			body: render(ReviewPage, { props: { data, form: null } as never }).body
		};
	}

	it('sends a saved comment back to its step, saying it was saved', async () => {
		const posted = form({ seq: '3', text: 'Good call.' });
		const location = await redirectOf(() => actions.comment(event('?step=3&/comment', posted)));

		expect(location).toBe(`303 /attempts/${attempts.saved}/review?step=3&saved=comment`);
	});

	it('sends a saved override back to the page, saying it was saved', async () => {
		const posted = form({ score: '75', reason: 'Judged live.' });
		const location = await redirectOf(() => actions.override(event('?/override', posted)));

		expect(location).toBe(`303 /attempts/${attempts.saved}/review?saved=override`);
	});

	it.each([
		['?step=3&saved=comment', 'Comment saved.'],
		['?saved=override', 'Score override saved.']
	])('confirms at %s: %s', async (search, sentence) => {
		const { saved, body } = await page(search);

		expect(saved).toBe(sentence);
		expect(body).toContain(`<p class="notice success" role="status">${sentence}</p>`);
	});

	it.each(['?step=3', '?saved=everything'])('confirms nothing at %s', async (search) => {
		const { saved, body } = await page(search);

		expect(saved).toBeNull();
		expect(body).not.toContain('role="status"');
	});
});
