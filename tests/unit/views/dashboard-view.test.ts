import { describe, expect, it } from 'vitest';
import type { AttemptFacts } from '../../../src/lib/scoring/facts';
import type { DashboardAttempt } from '../../../src/lib/views/dashboard-types';
import { buildDashboard } from '../../../src/lib/views/dashboard-view';

const ANN = { traineeId: 'ann', traineeName: 'Ann Lee', teamId: 'north', teamName: 'North' };
const BO = { traineeId: 'bo', traineeName: 'Bo Chen', teamId: 'north', teamName: 'North' };
const CY = { traineeId: 'cy', traineeName: 'Cy Diaz', teamId: null, teamName: null };
const DEE = { traineeId: 'dee', traineeName: 'Dee Fox', teamId: 'south', teamName: 'South' };
const HOSPITAL = { scenarioId: 'hospital', scenarioTitle: 'City Hospital' };
const BUREAU = { scenarioId: 'bureau', scenarioTitle: 'City Bureau' };

function broken(...ruleIds: string[]): AttemptFacts['brokenSequencing'] {
	return ruleIds.map((ruleId) => ({ ruleId, title: `Title of ${ruleId}` }));
}

function finished(
	attemptId: string,
	finishedAt: string,
	score: number,
	passed: boolean,
	facts: AttemptFacts
): Omit<DashboardAttempt, keyof typeof ANN | keyof typeof HOSPITAL> {
	const startedAt = '2026-02-28T09:00:00.000Z';

	// In these fixtures every pass is a win and every fail a loss.
	return {
		attemptId,
		startedAt,
		finishedAt,
		outcome: passed ? 'won' : 'lost',
		score,
		passed,
		facts
	};
}

function unfinished(
	attemptId: string
): Omit<DashboardAttempt, keyof typeof ANN | keyof typeof HOSPITAL> {
	return {
		attemptId,
		startedAt: '2026-03-05T09:00:00.000Z',
		finishedAt: null,
		outcome: null,
		score: null,
		passed: null,
		facts: null
	};
}

/*
 * Ann: three finished attempts and one open; her last finished (a3, on 3 March) is not her
 * best. Bo: one finished, one open. Cy: one early loss, in no team. Dee: one open attempt.
 */
const ATTEMPTS: DashboardAttempt[] = [
	{
		...ANN,
		...HOSPITAL,
		...finished('a1', '2026-03-01T10:00:00.000Z', 60, false, {
			stageReached: 'tender',
			coverage: { user: false, technical: true, finance: false },
			brokenSequencing: broken('users-early', 'finance-before-tender')
		})
	},
	{
		...ANN,
		...HOSPITAL,
		...finished('a2', '2026-03-01T23:30:00.000Z', 80, true, {
			stageReached: 'tender',
			coverage: { user: true, technical: true, finance: false },
			brokenSequencing: broken('finance-before-tender')
		})
	},
	{
		...ANN,
		...BUREAU,
		...finished('a3', '2026-03-03T09:00:00.000Z', 70, true, {
			stageReached: 'decision',
			coverage: { user: false, management: true },
			brokenSequencing: []
		}),
		startedAt: '2026-02-20T09:00:00.000Z'
	},
	{ ...ANN, ...HOSPITAL, ...unfinished('a4') },
	{
		...BO,
		...HOSPITAL,
		...finished('b1', '2026-03-02T08:00:00.000Z', 90, true, {
			stageReached: 'decision',
			coverage: { user: true, procurement: false },
			brokenSequencing: broken('users-early', 'management-after-support')
		})
	},
	{ ...BO, ...HOSPITAL, ...unfinished('b2') },
	{
		...CY,
		...HOSPITAL,
		...finished('c1', '2026-03-04T12:00:00.000Z', 20, false, {
			stageReached: 'discovery',
			coverage: {},
			brokenSequencing: broken('users-early')
		})
	},
	{ ...DEE, ...HOSPITAL, ...unfinished('d1') }
];

const UTC = { timeZone: 'UTC', showTeams: true };

describe('buildDashboard', () => {
	it('sums up each trainee: attempts, finished, best, latest by finishing time, passes', () => {
		const view = buildDashboard(ATTEMPTS, UTC);

		expect(
			view.trainees.map(({ traineeName, attempts, finished, best, latest, passes }) => [
				traineeName,
				attempts,
				finished,
				best,
				latest,
				passes
			])
		).toEqual([
			['Ann Lee', 4, 3, 80, 70, 2],
			['Bo Chen', 2, 1, 90, 90, 1],
			['Cy Diaz', 1, 1, 20, 20, 0],
			['Dee Fox', 1, 0, null, null, 0]
		]);
	});

	it('gives the same dashboard whatever order the attempts come in', () => {
		expect(buildDashboard([...ATTEMPTS].reverse(), UTC)).toEqual(buildDashboard(ATTEMPTS, UTC));
	});

	it('buckets the trend by UTC day: 1 March holds a1 and a2, mean (60 + 80) / 2', () => {
		const ann = buildDashboard(ATTEMPTS, UTC).trainees[0];

		expect(ann.trend).toEqual([
			{ day: '2026-03-01', score: 70, attempts: 2 },
			{ day: '2026-03-03', score: 70, attempts: 1 }
		]);
	});

	it("buckets the trend by the viewer's day: a2 at 23:30 UTC is 2 March in Shanghai", () => {
		const view = buildDashboard(ATTEMPTS, { timeZone: 'Asia/Shanghai', showTeams: false });

		expect(view.trainees[0].trend).toEqual([
			{ day: '2026-03-01', score: 60, attempts: 1 }, // 18:00 in Shanghai
			{ day: '2026-03-02', score: 80, attempts: 1 }, // 07:30 next morning
			{ day: '2026-03-03', score: 70, attempts: 1 }
		]);
		expect(view.timeZone).toBe('Asia/Shanghai');
	});

	it('splits a Los Angeles day at local midnight after the spring change to daylight time', () => {
		// Midnight of 9 March 2026 in Los Angeles is 07:00 UTC (PDT, UTC-7, since 8 March);
		// a fixed PST offset would put both attempts on 8 March.
		const evening = { ...ATTEMPTS[6], attemptId: 'e1', finishedAt: '2026-03-09T06:30:00.000Z' };
		const morning = { ...evening, attemptId: 'e2', finishedAt: '2026-03-09T07:30:00.000Z' };
		const pair = [
			{ ...evening, score: 50 },
			{ ...morning, score: 90 }
		];

		expect(buildDashboard(pair, UTC).trainees[0].trend).toEqual([
			{ day: '2026-03-09', score: 70, attempts: 2 }
		]);
		expect(
			buildDashboard(pair, { timeZone: 'America/Los_Angeles', showTeams: false }).trainees[0].trend
		).toEqual([
			{ day: '2026-03-08', score: 50, attempts: 1 },
			{ day: '2026-03-09', score: 90, attempts: 1 }
		]);
	});

	it('counts neglected over judged lines per trainee, in the order of the lines', () => {
		const { heatMap } = buildDashboard(ATTEMPTS, UTC);
		const cells = (row: number) =>
			heatMap.rows[row].cells.map(({ neglected, judged, rate }) => [neglected, judged, rate]);

		expect(heatMap.lines).toEqual(['user', 'technical', 'management', 'procurement', 'finance']);
		// Cy's one finished attempt judged no line and Dee has finished none: they have no row.
		expect(heatMap.rows.map((row) => row.traineeId)).toEqual(['ann', 'bo']);
		// Ann: users neglected in a1 and a3 of 3, technical never of 2, finance in both of 2.
		expect(cells(0)).toEqual([
			[2, 3, 2 / 3],
			[0, 2, 0],
			[0, 1, 0],
			[0, 0, null],
			[2, 2, 1]
		]);
		expect(cells(1)).toEqual([
			[0, 1, 0],
			[0, 0, null],
			[0, 0, null],
			[1, 1, 1],
			[0, 0, null]
		]);
	});

	it('lists a trainee on the roster without attempts with zeros, in name order, off the heat map', () => {
		const roster = [
			{ traineeId: 'eve', traineeName: 'Eve Zhu' },
			{ traineeId: 'al', traineeName: 'Al Ito' },
			{ traineeId: 'bo', traineeName: 'Bo Chen' }
		];
		const view = buildDashboard(ATTEMPTS, { ...UTC, roster });

		expect(view.trainees.map(({ traineeName, attempts }) => [traineeName, attempts])).toEqual([
			['Al Ito', 0],
			['Ann Lee', 4],
			['Bo Chen', 2],
			['Cy Diaz', 1],
			['Dee Fox', 1],
			['Eve Zhu', 0]
		]);
		expect(view.trainees[0]).toEqual({
			traineeId: 'al',
			traineeName: 'Al Ito',
			attempts: 0,
			finished: 0,
			best: null,
			latest: null,
			passes: 0,
			trend: []
		});
		expect(view.heatMap.rows.map((row) => row.traineeId)).toEqual(['ann', 'bo']);
	});

	it("draws each scenario's funnel as attempts reaching at least each stage, then the wins", () => {
		const [bureau, hospital] = buildDashboard(ATTEMPTS, UTC).scenarios;

		// Hospital, finished: a1 tender, a2 tender, b1 decision, c1 discovery; won: a2, b1.
		expect(hospital).toMatchObject({ scenarioId: 'hospital', finished: 4, won: 2 });
		expect(hospital.funnel).toEqual([
			{ stage: 'discovery', reached: 4 },
			{ stage: 'specification', reached: 3 },
			{ stage: 'tender', reached: 3 },
			{ stage: 'decision', reached: 1 }
		]);
		expect(bureau).toMatchObject({ scenarioId: 'bureau', finished: 1, won: 1, brokenRules: [] });
		expect(bureau.funnel.map((step) => step.reached)).toEqual([1, 1, 1, 1]);
	});

	it('ranks broken rules by count with their share of the finished attempts', () => {
		const hospital = buildDashboard(ATTEMPTS, UTC).scenarios[1];

		// users-early in a1, b1, c1; finance-before-tender in a1, a2; management in b1: of 4.
		expect(hospital.brokenRules).toEqual([
			{ ruleId: 'users-early', title: 'Title of users-early', count: 3, share: 0.75 },
			{
				ruleId: 'finance-before-tender',
				title: 'Title of finance-before-tender',
				count: 2,
				share: 0.5
			},
			{
				ruleId: 'management-after-support',
				title: 'Title of management-after-support',
				count: 1,
				share: 0.25
			}
		]);
	});

	it('keeps the top five broken rules, ties by rule id, a rule once per attempt', () => {
		const facts = (...ids: string[]): AttemptFacts => ({
			stageReached: 'tender',
			coverage: {},
			brokenSequencing: broken(...ids)
		});
		const attempts = [
			{
				...CY,
				...HOSPITAL,
				...finished(
					'x1',
					'2026-03-01T09:00:00Z',
					50,
					false,
					facts('g', 'f', 'e', 'd', 'c', 'b', 'a')
				)
			},
			{ ...CY, ...HOSPITAL, ...finished('x2', '2026-03-02T09:00:00Z', 50, false, facts('g', 'g')) }
		];
		const rules = buildDashboard(attempts, UTC).scenarios[0].brokenRules;

		expect(rules.map(({ ruleId, count, share }) => [ruleId, count, share])).toEqual([
			['g', 2, 1],
			['a', 1, 0.5],
			['b', 1, 0.5],
			['c', 1, 0.5],
			['d', 1, 0.5]
		]);
	});

	it('compares teams by name, the trainees in no team last', () => {
		const { teams } = buildDashboard(ATTEMPTS, UTC);

		// North: Ann and Bo, 6 attempts; finished scores 60, 80, 70, 90; passes a2, a3, b1 of 4.
		expect(teams).toEqual([
			{
				teamId: 'north',
				teamName: 'North',
				trainees: 2,
				attempts: 6,
				meanScore: 75,
				passRate: 0.75
			},
			{
				teamId: 'south',
				teamName: 'South',
				trainees: 1,
				attempts: 1,
				meanScore: null,
				passRate: null
			},
			{ teamId: null, teamName: null, trainees: 1, attempts: 1, meanScore: 20, passRate: 0 }
		]);
	});

	it('leaves teams out when the viewer is not shown them', () => {
		expect(buildDashboard(ATTEMPTS, { timeZone: 'UTC', showTeams: false }).teams).toBeNull();
	});

	it('refuses an unknown time zone, naming it', () => {
		expect(() => buildDashboard(ATTEMPTS, { timeZone: 'Mars/Olympus', showTeams: false })).toThrow(
			'Unknown time zone "Mars/Olympus": use an IANA name such as "Europe/Berlin".'
		);
	});

	it('shows an empty dashboard for no attempts', () => {
		expect(buildDashboard([], UTC)).toEqual({
			timeZone: 'UTC',
			trainees: [],
			heatMap: { lines: ['user', 'technical', 'management', 'procurement', 'finance'], rows: [] },
			scenarios: [],
			teams: []
		});
	});
});
