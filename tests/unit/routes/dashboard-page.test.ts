import { rmSync } from 'node:fs';
import type { Cookies } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../../../src/lib/deal/types';
import type { ScoreReport } from '../../../src/lib/scoring/types';
import type { Viewer } from '../../../src/lib/server/access';
import type { Role } from '../../../src/lib/server/accounts';
import { appendMove, createAttempt } from '../../../src/lib/server/attempts';
import { getStore } from '../../../src/lib/server/store';
import { createTeam, placeTrainee } from '../../../src/lib/server/teams';
import DashboardPage from '../../../src/routes/dashboard/+page.svelte';
import { load } from '../../../src/routes/dashboard/+page.server';
import type { dashboardPage } from '../../../src/routes/dashboard/dashboard-page';
import { addPerson } from '../server/helpers';

// The app's module verbs read FIVE_LINES_DATA when first used: point it at a fresh directory.
const dataDir = await vi.hoisted(async () => {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'five-lines-dashboard-page-'));
	process.env.FIVE_LINES_DATA = dir;

	return dir;
});

/*
 * Cora coaches East: Ann, who finished one attempt on 1 March 2026 that judged the user line,
 * and Dee, who has never played. Dan coaches West: Bo, who finished one on 2 March. Max manages.
 */
const OUTCOME: Outcome = { result: 'won', reason: 'decision', narrative: 'You win.', turn: 1 };
const REPORT = {
	total: 80,
	display: '80.0',
	passMark: 70,
	passed: true,
	earned: 40,
	possible: 50,
	groups: { sequencing: [], coverage: [], outcome: [], efficiency: [] },
	blockersFailed: []
} satisfies ScoreReport;

const people: Record<string, Viewer> = {};
const teams: Record<string, string> = {};

const person = (username: string, name: string, role: Role) =>
	addPerson(getStore(), username, name, role);

async function team(name: string, coach: Viewer, members: Viewer[]): Promise<string> {
	const created = await createTeam(name, coach.id);
	if (!created.ok) throw new Error(created.error);
	for (const member of members) await placeTrainee(created.team.id, member.id);

	return created.team.id;
}

/** A finished attempt started at `at` that judged the user line worked. */
async function finishedAttempt(trainee: Viewer, at: string): Promise<void> {
	vi.setSystemTime(new Date(at));
	const created = await createAttempt({
		scenarioId: 'city-hospital',
		scenarioVersion: 'v1',
		scenarioTitle: 'Northbridge City Hospital',
		trainee: trainee.id,
		traineeName: trainee.name,
		seed: 7
	});
	const facts = {
		stageReached: 'decision' as const,
		coverage: { user: true },
		brokenSequencing: []
	};
	await appendMove(created.id, 1, { moveId: 'close' }, () => ({
		outcome: OUTCOME,
		report: REPORT,
		facts
	}));
}

beforeAll(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	people.cora = await person('cora', 'Cora Coach', 'coach');
	people.dan = await person('dan', 'Dan Coach', 'coach');
	people.max = await person('max', 'Max Manager', 'manager');
	people.ann = await person('ann', 'Ann Lee', 'trainee');
	people.bo = await person('bo', 'Bo Chen', 'trainee');
	people.dee = await person('dee', 'Dee Fox', 'trainee');
	teams.east = await team('East', people.cora, [people.ann, people.dee]);
	teams.west = await team('West', people.dan, [people.bo]);
	await finishedAttempt(people.ann, '2026-03-01T09:00:00.000Z');
	await finishedAttempt(people.bo, '2026-03-02T09:00:00.000Z');
});

afterAll(() => {
	vi.useRealTimers();
	getStore().close();
	rmSync(dataDir, { recursive: true, force: true });
});

/** The cookies of a browser whose script set the time-zone cookie to `zone`, or of none. */
function cookies(zone?: string): Cookies {
	return { get: (name: string) => (name === 'five_lines_tz' ? zone : undefined) } as Cookies;
}

type DashboardData = ReturnType<typeof dashboardPage>;

/** The dashboard's data as `viewer` asks for it with `query`. */
async function dashboard(viewer: Viewer, query = '', zone?: string) {
	const url = new URL(`http://127.0.0.1/dashboard?${query}`);
	const data = await load({ url, cookies: cookies(zone), locals: { viewer } } as never);
	if (!data) throw new Error('The dashboard load answered nothing.');

	return data as DashboardData;
}

function rendered(data: DashboardData): string {
	return render(DashboardPage, { props: { data } as never }).body;
}

const counts = (data: DashboardData) =>
	data.dashboard.trainees.map(({ traineeName, attempts }) => [traineeName, attempts]);

describe('the dashboard', () => {
	it('lists a trainee in scope who has never played, with 0 attempts and no heat map row', async () => {
		const data = await dashboard(people.cora);
		const body = rendered(data);

		expect(counts(data)).toEqual([
			['Ann Lee', 1],
			['Dee Fox', 0]
		]);
		expect(data.dashboard.heatMap.rows.map((row) => row.traineeName)).toEqual(['Ann Lee']);
		expect(body).toMatch(
			/>Dee Fox<\/a><\/th><td>0<\/td><td>0<\/td><td>—<\/td><td>—<\/td><td>0<\/td>/
		);
		expect(body).toMatch(
			/<caption[^>]*>Every trainee these filters keep, with 0 attempts if none of theirs matches\. Days are counted in UTC\. Best and latest count overrides\.<\/caption>/
		);
	});

	it('lists the trainees the team and trainee filters keep, and only them', async () => {
		expect(counts(await dashboard(people.max, `team=${teams.west}`))).toEqual([['Bo Chen', 1]]);
		expect(counts(await dashboard(people.max))).toEqual([
			['Ann Lee', 1],
			['Bo Chen', 1],
			['Dee Fox', 0]
		]);
		expect(counts(await dashboard(people.cora, `trainee=${people.dee.id}`))).toEqual([
			['Dee Fox', 0]
		]);
	});

	it('lists every trainee with 0 when no attempt falls in the period', async () => {
		const data = await dashboard(people.cora, 'from=2026-03-05');
		const body = rendered(data);

		expect(counts(data)).toEqual([
			['Ann Lee', 0],
			['Dee Fox', 0]
		]);
		expect(body).toContain('No attempt matches these filters.');
		expect(body).not.toContain('Neglected lines by trainee');
	});

	it('shows no result for a period that ends before it starts, and says why', async () => {
		const data = await dashboard(people.cora, 'from=2026-03-02&to=2026-03-01');
		const body = rendered(data);

		expect(data.dashboard.trainees).toEqual([]);
		expect(body).toContain(
			'The period starts on 2026-03-02, after it ends on 2026-03-01, so no attempt falls in it ' +
				'and none is shown; swap the two dates.'
		);
		expect(body).toContain('No attempt matches these filters.');
		expect(body).not.toContain('Ann Lee</a>');
		expect(body).not.toContain('id="trainees-heading"');
	});

	it.each([
		['Mars%2FOlympus', '"Mars/Olympus"'],
		['Europe%2FLondon%20', '"Europe/London "'],
		['%20', '" "']
	])('names an unknown tz=%s and the cookie zone it shows instead', async (tz, quoted) => {
		const data = await dashboard(people.cora, `tz=${tz}`, 'Asia/Shanghai');

		expect(data.filters.timeZone).toBe('Asia/Shanghai');
		expect(data.notices).toEqual([
			`The time zone ${quoted} is unknown; days are shown in Asia/Shanghai.`
		]);
	});

	it('takes a known tz over the cookie, without a notice', async () => {
		const data = await dashboard(people.cora, 'tz=Europe%2FLondon', 'Asia/Shanghai');

		expect([data.filters.timeZone, data.notices]).toEqual(['Europe/London', []]);
	});
});
