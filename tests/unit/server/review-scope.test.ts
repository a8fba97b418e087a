import { rmSync } from 'node:fs';
import path from 'node:path';
import { isHttpError, isRedirect, type Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../../../src/lib/deal/types';
import type { AttemptFacts } from '../../../src/lib/scoring/facts';
import type { ScoreReport } from '../../../src/lib/scoring/types';
import type { Viewer } from '../../../src/lib/server/access';
import type { Role } from '../../../src/lib/server/accounts';
import { appendMove, createAttempt, setSummaryOverride } from '../../../src/lib/server/attempts';
import { exportRows } from '../../../src/lib/server/export/rows';
import {
	attemptsInScope,
	dashboardAttempt,
	parseFilters,
	type ReviewFilters
} from '../../../src/lib/server/review-scope';
import { overrideScore } from '../../../src/lib/server/reviews';
import { getScenario } from '../../../src/lib/server/scenarios';
import { attemptFile, getStore } from '../../../src/lib/server/store';
import { createTeam, placeTrainee } from '../../../src/lib/server/teams';
import { queryOf } from '../../../src/routes/dashboard/dashboard-page';
import { GET as getCsv } from '../../../src/routes/export/attempts.csv/+server';
import { GET as getXapi } from '../../../src/routes/export/xapi.json/+server';
import { addPerson } from './helpers';

// The app's module verbs read FIVE_LINES_DATA when first used: point it at a fresh directory.
const dataDir = await vi.hoisted(async () => {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'five-lines-scope-'));
	process.env.FIVE_LINES_DATA = dir;

	return dir;
});

/*
 * Cora coaches East (Ann); Dan coaches West (Bo); Cy is a trainee in no team; Max manages.
 * Ann's first attempt starts at 23:59 in Shanghai (UTC+8) on 1 March 2026, her second one minute
 * later, at 00:00 on 2 March there; in UTC both start on 1 March.
 */
const ANN_FIRST_AT = '2026-03-01T15:59:00.000Z';
const ANN_SECOND_AT = '2026-03-01T16:00:00.000Z';
const BO_AT = '2026-03-01T12:00:00.000Z'; // 20:00 in Shanghai, 1 March
const CY_AT = '2026-03-02T01:00:00.000Z'; // 09:00 in Shanghai, 2 March

const OUTCOME: Outcome = { result: 'won', reason: 'decision', narrative: 'You win.', turn: 1 };
const REPORT = {
	total: 64.5,
	display: '64.5',
	passMark: 70,
	passed: false,
	earned: 40,
	possible: 62,
	groups: { sequencing: [], coverage: [], outcome: [], efficiency: [] },
	blockersFailed: []
} satisfies ScoreReport;
const FACTS: AttemptFacts = { stageReached: 'decision', coverage: {}, brokenSequencing: [] };

const people: Record<string, Viewer> = {};
const ids: Record<string, string> = {};
let version = '';

const person = (username: string, name: string, role: Role) =>
	addPerson(getStore(), username, name, role);

async function team(name: string, coach: Viewer, trainee: Viewer): Promise<void> {
	const created = await createTeam(name, coach.id);
	if (!created.ok) throw new Error(created.error);
	await placeTrainee(created.team.id, trainee.id);
}

/** Starts an attempt at `at` on the shipped hospital scenario; `finish` closes it a minute on. */
async function attempt(trainee: Viewer, at: string, finish: boolean): Promise<string> {
	vi.setSystemTime(new Date(at));
	const created = await createAttempt({
		scenarioId: 'city-hospital',
		scenarioVersion: version,
		scenarioTitle: 'Northbridge City Hospital',
		trainee: trainee.id,
		traineeName: trainee.name,
		seed: 7
	});
	if (finish) {
		vi.setSystemTime(Date.parse(at) + 60_000);
		const done = { outcome: OUTCOME, report: REPORT, facts: FACTS };
		await appendMove(created.id, 1, { moveId: 'close' }, () => done);
	}

	return created.id;
}

beforeAll(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	version = (await getScenario('city-hospital'))!.scenario.version;
	people.cora = await person('cora', 'Cora Coach', 'coach');
	people.dan = await person('dan', 'Dan Coach', 'coach');
	people.max = await person('max', 'Max Manager', 'manager');
	people.ann = await person('ann', 'Ann Lee', 'trainee');
	people.bo = await person('bo', 'Bo Chen', 'trainee');
	people.cy = await person('cy', 'Cy Park', 'trainee');
	await team('East', people.cora, people.ann);
	await team('West', people.dan, people.bo);
	ids.annFirst = await attempt(people.ann, ANN_FIRST_AT, false);
	ids.annSecond = await attempt(people.ann, ANN_SECOND_AT, true);
	ids.bo = await attempt(people.bo, BO_AT, true);
	ids.cy = await attempt(people.cy, CY_AT, false);
});

afterAll(() => {
	vi.useRealTimers();
	getStore().close();
	rmSync(dataDir, { recursive: true, force: true });
});

const UTC: ReviewFilters = { timeZone: 'UTC' };
const SHANGHAI: ReviewFilters = { timeZone: 'Asia/Shanghai' };

/** The attempts as `trainee name: attempt id`, in the order given. */
async function seen(viewer: Viewer, filters: ReviewFilters): Promise<string[]> {
	const scoped = await attemptsInScope(viewer, filters);

	return scoped.map(({ trainee, summary }) => `${trainee.name}: ${summary.attemptId}`);
}

describe('attemptsInScope', () => {
	it("limits a coach to their teams' trainees, newest first", async () => {
		expect(await seen(people.cora, UTC)).toEqual([
			`Ann Lee: ${ids.annSecond}`,
			`Ann Lee: ${ids.annFirst}`
		]);
		expect(await seen(people.dan, UTC)).toEqual([`Bo Chen: ${ids.bo}`]);
	});

	it("keeps nothing when a coach asks for another team's trainee", async () => {
		expect(await seen(people.cora, { ...UTC, traineeId: people.bo.id })).toEqual([]);
	});

	it('shows a manager every trainee, with their team or none', async () => {
		const scoped = await attemptsInScope(people.max, UTC);

		expect(
			scoped.map(({ trainee, team, summary }) => [trainee.name, team?.name, summary.attemptId])
		).toEqual([
			['Cy Park', undefined, ids.cy],
			['Ann Lee', 'East', ids.annSecond],
			['Ann Lee', 'East', ids.annFirst],
			['Bo Chen', 'West', ids.bo]
		]);
	});

	it('narrows a manager to one team', async () => {
		const east = (await parseFilters(new URL('http://x/'), people.max, 'UTC')).options.teams[0];

		expect(await seen(people.max, { ...UTC, teamId: east.id })).toEqual([
			`Ann Lee: ${ids.annSecond}`,
			`Ann Lee: ${ids.annFirst}`
		]);
	});

	it.each([
		['UTC', '2026-03-01', '2026-03-01', ['annSecond', 'annFirst', 'bo']],
		['UTC', '2026-03-02', '2026-03-02', ['cy']],
		['Asia/Shanghai', '2026-03-01', '2026-03-01', ['annFirst', 'bo']],
		['Asia/Shanghai', '2026-03-02', '2026-03-02', ['cy', 'annSecond']],
		['Asia/Shanghai', '2026-03-02', undefined, ['cy', 'annSecond']],
		['Asia/Shanghai', undefined, '2026-03-01', ['annFirst', 'bo']],
		['America/Los_Angeles', '2026-02-28', '2026-02-28', []] // 04:00 on 1 March at the earliest
	])('in %s from %s to %s keeps %j', async (timeZone, from, to, expected) => {
		const scoped = await attemptsInScope(people.max, { timeZone, from, to });

		expect(scoped.map(({ summary }) => summary.attemptId)).toEqual(expected.map((k) => ids[k]));
	});

	it('keeps one scenario only', async () => {
		expect(await seen(people.cora, { ...SHANGHAI, scenarioId: 'zh-city-bureau' })).toEqual([]);
		expect(await seen(people.dan, { ...SHANGHAI, scenarioId: 'city-hospital' })).toEqual([
			`Bo Chen: ${ids.bo}`
		]);
	});
});

describe('dashboardAttempt', () => {
	it("counts a coach's override as the score and verdict in force", async () => {
		const [bo] = await attemptsInScope(people.dan, UTC);
		const before = dashboardAttempt(bo);
		const attempt = { id: ids.bo, trainee: people.bo.id } as Parameters<
			typeof setSummaryOverride
		>[0];
		await setSummaryOverride(attempt, { score: 72, display: '72.0', passed: true });
		const [overridden] = await attemptsInScope(people.dan, UTC);

		expect([before.score, before.passed]).toEqual([64.5, false]);
		expect(dashboardAttempt(overridden)).toMatchObject({
			traineeName: 'Bo Chen',
			teamName: 'West',
			score: 72,
			passed: true,
			finishedAt: '2026-03-01T12:01:00.000Z'
		});
	});
});

describe('parseFilters', () => {
	const parse = (query: string, viewer = people.cora, zone = 'UTC') =>
		parseFilters(new URL(`http://127.0.0.1/dashboard?${query}`), viewer, zone);

	it("offers a coach only their own team and trainees, and ignores another team's id", async () => {
		const west = (await parse('', people.dan)).options.teams[0];
		const parsed = await parse(`team=${west.id}&from=2026-03-01`);

		expect(parsed.options.teams.map((t) => t.name)).toEqual(['East']);
		expect(parsed.options.trainees.map((t) => [t.name, t.team])).toEqual([['Ann Lee', 'East']]);
		expect(parsed.filters).toEqual({ timeZone: 'UTC', from: '2026-03-01' });
		expect(parsed.notices).toEqual([
			`You review no team with the id "${west.id}"; showing all your teams.`
		]);
	});

	it('keeps the filters a manager may use', async () => {
		const parsed = await parse(
			`trainee=${people.cy.id}&scenario=city-hospital&from=2026-03-01&to=2026-03-02`,
			people.max,
			'Asia/Shanghai'
		);

		expect(parsed.notices).toEqual([]);
		expect(parsed.filters).toEqual({
			timeZone: 'Asia/Shanghai',
			traineeId: people.cy.id,
			scenarioId: 'city-hospital',
			from: '2026-03-01',
			to: '2026-03-02'
		});
		expect(parsed.options.trainees.map((t) => t.name)).toEqual(['Ann Lee', 'Bo Chen', 'Cy Park']);
	});

	it.each([
		[
			'from=2026-02-30',
			'The start date "2026-02-30" is not a date; enter it as YYYY-MM-DD, such as 2026-03-02.'
		],
		[
			'from=2026-13-01',
			'The start date "2026-13-01" is not a date; enter it as YYYY-MM-DD, such as 2026-03-02.'
		],
		[
			'to=2026-00-10',
			'The end date "2026-00-10" is not a date; enter it as YYYY-MM-DD, such as 2026-03-02.'
		],
		[
			'to=03/02/2026',
			'The end date "03/02/2026" is not a date; enter it as YYYY-MM-DD, such as 2026-03-02.'
		],
		['tz=Mars%2FOlympus', 'The time zone "Mars/Olympus" is unknown; days are shown in UTC.'],
		['scenario=nowhere', 'There is no scenario "nowhere"; showing every scenario.'],
		['trainee=u-stranger', 'You review no trainee with the id "u-stranger"; showing every trainee.']
	])('ignores %s with a notice', async (query, notice) => {
		const parsed = await parse(query);

		expect(parsed.notices).toEqual([notice]);
		expect(parsed.filters).toEqual({ timeZone: 'UTC' });
	});

	it('keeps a period that ends before it starts, which keeps no attempt, with a notice', async () => {
		const parsed = await parse('from=2026-03-05&to=2026-03-01', people.max);

		expect(parsed.notices).toEqual([
			'The period starts on 2026-03-05, after it ends on 2026-03-01, so no attempt falls in it ' +
				'and none is shown; swap the two dates.'
		]);
		expect(parsed.filters).toEqual({ timeZone: 'UTC', from: '2026-03-05', to: '2026-03-01' });
		expect(await attemptsInScope(people.max, parsed.filters)).toEqual([]);
		expect(await exportRows(people.max, parsed.filters)).toEqual([]);
	});
});

describe('queryOf', () => {
	it('writes filters that parseFilters reads back unchanged, for links and downloads', async () => {
		const filters: ReviewFilters = {
			timeZone: 'America/Los_Angeles',
			traineeId: people.ann.id,
			scenarioId: 'city-hospital',
			from: '2026-03-01',
			to: '2026-03-31'
		};
		const query = queryOf(filters);
		const parsed = await parseFilters(new URL(`http://x/?${query}`), people.cora, filters.timeZone);

		expect(query).toBe(
			`scenario=city-hospital&trainee=${people.ann.id}&from=2026-03-01&to=2026-03-31` +
				'&tz=America%2FLos_Angeles'
		);
		expect(parsed).toMatchObject({ filters, notices: [] });
	});
});

describe('exportRows', () => {
	it('joins each attempt, oldest first, to its scenario and override in force', async () => {
		vi.setSystemTime(new Date('2026-03-03T10:00:00.000Z'));
		const first = { reason: 'First look.', byId: people.cora.id, byName: 'Cora Coach' };
		await overrideScore(ids.annSecond, {
			...first,
			score: '68',
			originalScore: 64.5,
			originalDisplay: '64.5'
		});
		vi.setSystemTime(new Date('2026-03-04T10:00:00.000Z'));
		const second = { reason: 'Judged the call live.', byId: people.cora.id, byName: 'Cora Coach' };
		await overrideScore(ids.annSecond, {
			...second,
			score: '75.5',
			originalScore: 64.5,
			originalDisplay: '64.5'
		});

		const rows = await exportRows(people.cora, UTC);

		expect(rows.map((row) => [row.attempt.id, row.scenario.id, row.scenario.version])).toEqual([
			[ids.annFirst, 'city-hospital', version],
			[ids.annSecond, 'city-hospital', version]
		]);
		expect(rows.map((row) => [row.trainee, row.team?.name])).toEqual([
			[{ id: people.ann.id, username: 'ann', name: 'Ann Lee' }, 'East'],
			[{ id: people.ann.id, username: 'ann', name: 'Ann Lee' }, 'East']
		]);
		expect(rows.map((row) => row.override)).toEqual([
			null,
			{
				score: 75.5,
				reason: 'Judged the call live.',
				byName: 'Cora Coach',
				at: '2026-03-04T10:00:00.000Z'
			}
		]);
	});

	it('leaves out an attempt whose file is gone, which the dashboard still lists', async () => {
		rmSync(path.join(getStore().dir, attemptFile(ids.cy)));
		const only = { ...UTC, traineeId: people.cy.id };

		expect(await seen(people.max, only)).toEqual([`Cy Park: ${ids.cy}`]);
		expect(await exportRows(people.max, only)).toEqual([]);
	});
});

describe('export routes', () => {
	const ORIGIN = 'http://127.0.0.1:5173';
	const NO_COOKIES = { get: () => undefined } as unknown as Cookies;

	type Handler = (event: never) => Response | Promise<Response>;

	/** Calls an export as the viewer would, with the dashboard's query. */
	function call(handler: Handler, path: string, viewer: Viewer | null): Promise<Response> {
		const event = { url: new URL(path, ORIGIN), locals: { viewer }, cookies: NO_COOKIES };

		return Promise.resolve(handler(event as never));
	}

	/** What the handler threw: a redirect's status and location, or an error's status. */
	async function refusal(response: Promise<Response>): Promise<unknown> {
		try {
			await response;
			return 'answered';
		} catch (thrown) {
			if (isRedirect(thrown)) return { status: thrown.status, location: thrown.location };
			if (isHttpError(thrown)) return { status: thrown.status };
			throw thrown;
		}
	}

	it("sends a coach's attempts as a CSV file named for today in the chosen zone", async () => {
		vi.setSystemTime(new Date('2026-03-04T17:00:00.000Z')); // 01:00 on 5 March in Shanghai
		const response = await call(getCsv, '/export/attempts.csv?tz=Asia%2FShanghai', people.cora);
		const bytes = new Uint8Array(await response.arrayBuffer());
		const lines = new TextDecoder().decode(bytes).split('\r\n');

		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="five-lines-attempts-2026-03-05.csv"'
		);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte order mark
		expect(lines.map((line) => line.split(',')[0])).toEqual([
			'attempt_id',
			ids.annFirst,
			ids.annSecond,
			''
		]);
		expect(lines[2]).toContain(',64.5,64.5,70,yes,75.5,Judged the call live.,Cora Coach');
	});

	it('sends xAPI statements with the site as home page and the override as the score', async () => {
		const response = await call(getXapi, `/export/xapi.json?trainee=${people.ann.id}`, people.max);
		const statements = (await response.json()) as {
			verb: { id: string };
			actor: { account: { homePage: string; name: string } };
			result?: { score: { raw: number } };
		}[];

		expect(response.headers.get('content-type')).toBe('application/json');
		expect(
			statements.map((s) => [s.verb.id, s.actor.account.homePage, s.result?.score.raw])
		).toEqual([
			['http://adlnet.gov/expapi/verbs/interacted', ORIGIN, undefined],
			['http://adlnet.gov/expapi/verbs/passed', ORIGIN, 75.5]
		]);
	});

	it.each([
		[getCsv, '/export/attempts.csv?from=2026-03-01'],
		[getXapi, '/export/xapi.json']
	])('sends a signed-out request to sign in first (%#)', async (handler: Handler, path) => {
		expect(await refusal(call(handler, path, null))).toEqual({
			status: 303,
			location: `/signin?next=${encodeURIComponent(path)}`
		});
	});

	it.each([
		[getCsv, '/export/attempts.csv'],
		[getXapi, '/export/xapi.json']
	])('refuses a trainee (%#)', async (handler: Handler, path) => {
		expect(await refusal(call(handler, path, people.ann))).toEqual({ status: 403 });
	});
});
