import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replayDeal } from '../../../src/lib/deal/replay';
import { formatScenarioError, parseScenario } from '../../../src/lib/scenario/parse';
import type { Scenario } from '../../../src/lib/scenario/types';
import { scoreAttempt } from '../../../src/lib/scoring/score';
import { attemptsCsv, csvCell, FIXED_COLUMNS } from '../../../src/lib/server/export/csv';
import { scoreDown } from '../../../src/lib/server/export/facts';
import type { ExportRow } from '../../../src/lib/server/export/types';
import { nameUuid, STATEMENT_NAMESPACE } from '../../../src/lib/server/export/uuid';
import { isoDuration, xapiStatements } from '../../../src/lib/server/export/xapi';
import type { Attempt } from '../../../src/lib/server/records';

/*
 * The exports of three attempts on the shipped scenarios: city-hospital lost at the decision,
 * zh-city-bureau won (with a coach's override) and zh-city-bureau still in progress. The rule
 * verdicts of the two finished paths are the hand-computed ones of shipped-scenarios.test.ts;
 * the expected statement ids were computed apart from this code, with Python's uuid.uuid5.
 */

const SCENARIO_DIR = fileURLToPath(new URL('../../../content/scenarios/', import.meta.url));
const PATHS_FILE = fileURLToPath(new URL('../../fixtures/shipped-paths.json', import.meta.url));
const recorded = JSON.parse(readFileSync(PATHS_FILE, 'utf8')) as Record<
	string,
	Record<'win' | 'lossDecision', string[]>
>;

const HOME = 'https://academy.example.com';
const HOSPITAL_ID = '0b7e3c52-6d1f-4a8e-9c3d-2f5a7b9e1c01';
const ZH_WIN_ID = '0b7e3c52-6d1f-4a8e-9c3d-2f5a7b9e1c02';
const ZH_OPEN_ID = '0b7e3c52-6d1f-4a8e-9c3d-2f5a7b9e1c03';
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function load(id: string): Scenario {
	const result = parseScenario(readFileSync(`${SCENARIO_DIR}${id}.md`, 'utf8'), `${id}.md`);
	if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));

	return result.scenario;
}

/** Plays the moves one a minute from 09:00 on 5 January 2026, scoring the deal if it ended. */
function attemptOf(scenario: Scenario, moveIds: string[], id: string, startedAt: string): Attempt {
	const log = moveIds.map((moveId, index) => ({
		seq: index + 1,
		moveId,
		at: new Date(Date.UTC(2026, 0, 5, 9, index)).toISOString()
	}));
	const replayed = replayDeal(scenario, log);
	if (!replayed.ok) throw new Error(`turn ${replayed.seq} was refused: ${replayed.reason}`);
	const { outcome } = replayed.context;
	const lastAt = log[log.length - 1].at;

	return {
		id,
		scenarioId: scenario.id,
		scenarioVersion: scenario.version,
		trainee: id,
		traineeName: id,
		seed: 7,
		log,
		outcome,
		report: outcome && scoreAttempt(scenario, log, replayed.context),
		startedAt,
		updatedAt: lastAt,
		finishedAt: outcome && lastAt
	};
}

const hospital = load('city-hospital');
const bureau = load('zh-city-bureau');

const hospitalLoss: ExportRow = {
	attempt: attemptOf(
		hospital,
		recorded['city-hospital'].lossDecision,
		HOSPITAL_ID,
		'2026-01-05T08:58:57.000Z'
	),
	scenario: hospital,
	trainee: { id: 'u1', username: 'dana.k', name: 'Dana Kowalski' },
	team: { id: 't1', name: 'Enterprise, North' },
	override: null
};
const bureauWin: ExportRow = {
	attempt: attemptOf(bureau, recorded['zh-city-bureau'].win, ZH_WIN_ID, '2026-01-05T08:50:00.000Z'),
	scenario: bureau,
	trainee: { id: 'u2', username: 'lina', name: '李娜' },
	team: { id: 't2', name: '华东大客户部' },
	override: {
		score: 92.5,
		reason: 'Deputy stayed neutral, not won over; see "hotline" notes',
		byName: '吴老师',
		at: '2026-01-06T10:00:00.000Z'
	}
};
const bureauOpen: ExportRow = {
	attempt: attemptOf(
		bureau,
		['hall-visit', 'dispatch-data-review'],
		ZH_OPEN_ID,
		'2026-01-05T08:59:00.000Z'
	),
	scenario: bureau,
	trainee: { id: 'u3', username: 'ray', name: '@Ray' },
	team: null,
	override: null
};

describe('attemptsCsv', () => {
	it('writes a BOM, a header with one column per rule, and one row per attempt', () => {
		const header =
			'attempt_id,trainee_username,trainee_name,team,scenario_id,scenario_version,' +
			'scenario_title,started_at,finished_at,duration_seconds,moves,outcome,score,' +
			'score_display,pass_mark,passed,override_score,override_reason,override_by,' +
			// city-hospital: sequencing (the coach's, then defaults), coverage, outcome, efficiency
			'rule:budget-before-price,rule:budget-before-president,rule:spec-in-specification,' +
			'rule:users-early,rule:management-after-support,rule:procurement-before-tender,' +
			'rule:finance-before-tender,rule:ward-champion,rule:consultants-on-board,' +
			'rule:procurement-head-warm,rule:technical-before-spec-freeze,rule:user-worked,' +
			'rule:technical-worked,rule:management-worked,rule:procurement-worked,' +
			'rule:finance-worked,rule:won,rule:lean-campaign,rule:grant-window,' +
			// then what zh-city-bureau adds, in its report's order
			'rule:regain-through-technical-and-procurement,rule:pain-before-technical,' +
			'rule:qual-draft-early,rule:deputy-neutralised,rule:users-by-spec,' +
			'rule:procurement-thrice,rule:hotline-champion,rule:timely-bid';
		const lossRow =
			`${HOSPITAL_ID},dana.k,Dana Kowalski,"Enterprise, North",city-hospital,` +
			`${hospital.version},Northbridge City Hospital — nursing documentation system,` +
			// 08:58:57 to 09:12:00 is 783 s; 130 of 175 is 74.2857…
			'2026-01-05T08:58:57.000Z,2026-01-05T09:12:00.000Z,783,13,lost,74.28,74.2,70,no,,,,' +
			'passed,passed,passed,passed,passed,passed,passed,' +
			'passed,failed,passed,passed,passed,passed,passed,passed,passed,' +
			'failed,not tested,not tested,' +
			',,,,,,,';
		const winRow =
			`${ZH_WIN_ID},lina,李娜,华东大客户部,zh-city-bureau,${bureau.version},` +
			'市政务服务局 12345 热线智能工单平台,' +
			// 160 of 165 is 96.9696…; the override of 92.5 passes on its own score
			'2026-01-05T08:50:00.000Z,2026-01-05T09:10:00.000Z,1200,11,won,96.96,96.9,70,yes,92.5,' +
			'"Deputy stayed neutral, not won over; see ""hotline"" notes",吴老师,' +
			',,,passed,passed,passed,,' +
			',,,passed,passed,passed,passed,passed,,' +
			'passed,passed,,' +
			'passed,passed,passed,passed,passed,passed,failed,passed';
		const openRow =
			`${ZH_OPEN_ID},ray,'@Ray,,zh-city-bureau,${bureau.version},` +
			'市政务服务局 12345 热线智能工单平台,2026-01-05T08:59:00.000Z,,,2,in progress,,,70,,,,' +
			','.repeat(27);

		expect(attemptsCsv([hospitalLoss, bureauWin, bureauOpen])).toBe(
			`\uFEFF${header}\r\n${lossRow}\r\n${winRow}\r\n${openRow}\r\n`
		);
	});

	it('orders rule columns by first appearance in the rows given', () => {
		const header = attemptsCsv([bureauWin, hospitalLoss]).slice(1).split('\r\n')[0];

		expect(header.split(',').slice(FIXED_COLUMNS.length)).toEqual(
			[
				'regain-through-technical-and-procurement',
				'pain-before-technical',
				'qual-draft-early',
				'users-early',
				'management-after-support',
				'procurement-before-tender',
				'deputy-neutralised',
				'users-by-spec',
				'procurement-thrice',
				'hotline-champion',
				'technical-before-spec-freeze',
				'user-worked',
				'technical-worked',
				'management-worked',
				'procurement-worked',
				'won',
				'lean-campaign',
				'timely-bid',
				'budget-before-price',
				'budget-before-president',
				'spec-in-specification',
				'finance-before-tender',
				'ward-champion',
				'consultants-on-board',
				'procurement-head-warm',
				'finance-worked',
				'grant-window'
			].map((id) => `rule:${id}`)
		);
	});

	it('writes only the header when there is nothing to export', () => {
		expect(attemptsCsv([])).toBe(`\uFEFF${FIXED_COLUMNS.join(',')}\r\n`);
	});

	it('judges the pass on the report alone when nothing is overridden', () => {
		const csv = attemptsCsv([{ ...bureauWin, override: null }]);

		expect(csv.split('\r\n')[1]).toContain(',96.96,96.9,70,yes,,,,');
	});
});

describe('csvCell', () => {
	it.each([
		['plain', 'plain'],
		['王小明', '王小明'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['two\r\nlines', '"two\r\nlines"'],
		['=1+2', "'=1+2"],
		['+44 20', "'+44 20"],
		['-5', "'-5"],
		['@SUM(A1:A3)', "'@SUM(A1:A3)"],
		['\tTab', "'\tTab"],
		['\rReturn', `"'\rReturn"`],
		['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
		['a=b', 'a=b'],
		[-5, '-5'],
		[74.28, '74.28'],
		[null, '']
	])('writes %j as %j', (cell, text) => {
		expect(csvCell(cell)).toBe(text);
	});
});

describe('scoreDown', () => {
	it.each([
		[(170 / 175) * 100, 97.14],
		[(130 * 100) / 175, 74.28],
		[(160 * 100) / 165, 96.96],
		[(0.7 * 100) / 1, 70],
		[57.3, 57.3],
		[100, 100],
		[0, 0]
	])('rounds %d down to %d', (value, expected) => {
		expect(scoreDown(value)).toBe(expected);
	});
});

describe('xapiStatements', () => {
	const statements = xapiStatements([hospitalLoss, bureauWin, bureauOpen], {
		homePage: `${HOME}/`
	});
	const hospitalActivity = {
		objectType: 'Activity',
		id: `${HOME}/scenarios/city-hospital`,
		definition: {
			name: { 'en-US': 'Northbridge City Hospital — nursing documentation system' },
			type: 'http://adlnet.gov/expapi/activities/simulation'
		}
	};
	const bureauActivity = {
		objectType: 'Activity',
		id: `${HOME}/scenarios/zh-city-bureau`,
		definition: {
			name: { 'zh-CN': '市政务服务局 12345 热线智能工单平台' },
			type: 'http://adlnet.gov/expapi/activities/simulation'
		}
	};
	const ofAttempt = (id: string) =>
		statements.filter((statement) => statement.context.registration === id);

	it("writes each attempt's moves, then its result when it is finished", () => {
		expect(statements).toHaveLength(13 + 1 + 11 + 1 + 2);
		expect(ofAttempt(HOSPITAL_ID).map((statement) => statement.verb.id.split('/').pop())).toEqual([
			...Array<string>(13).fill('interacted'),
			'failed'
		]);
		expect(ofAttempt(ZH_WIN_ID).filter((s) => s.verb.id.endsWith('/interacted'))).toHaveLength(11);
		expect(ofAttempt(ZH_OPEN_ID).map((statement) => statement.verb.id)).toEqual([
			'http://adlnet.gov/expapi/verbs/interacted',
			'http://adlnet.gov/expapi/verbs/interacted'
		]);
	});

	it('reports a lost attempt as failed with its exact score and duration', () => {
		expect(ofAttempt(HOSPITAL_ID)[13]).toEqual({
			id: '3f4b057a-4767-5ada-8f28-e18f46493efa',
			actor: {
				objectType: 'Agent',
				name: 'Dana Kowalski',
				account: { homePage: HOME, name: 'dana.k' }
			},
			verb: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
			object: hospitalActivity,
			result: {
				score: { scaled: 0.7428, raw: 74.28, min: 0, max: 100 },
				success: false,
				completion: true,
				duration: 'PT13M3S'
			},
			context: {
				registration: HOSPITAL_ID,
				extensions: { [`${HOME}/xapi/scenario-version`]: hospital.version }
			},
			timestamp: '2026-01-05T09:12:00.000Z'
		});
	});

	it('scores an overridden attempt by the override and keeps the original in an extension', () => {
		expect(ofAttempt(ZH_WIN_ID)[11]).toMatchObject({
			id: '236199b5-f183-5422-a24e-cdee61674f69',
			actor: { name: '李娜', account: { homePage: HOME, name: 'lina' } },
			verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
			object: bureauActivity,
			result: {
				score: { scaled: 0.925, raw: 92.5, min: 0, max: 100 },
				success: true,
				completion: true,
				duration: 'PT20M',
				extensions: { [`${HOME}/xapi/original-score`]: 96.96 }
			},
			timestamp: '2026-01-05T09:10:00.000Z'
		});
	});

	it('fails an overridden attempt whose new score is under the pass mark', () => {
		const low = { ...bureauWin, override: { ...bureauWin.override!, score: 69.9 } };
		const [result] = xapiStatements([low], { homePage: HOME }).slice(-1);

		expect(result.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
		expect(result.result).toMatchObject({ score: { scaled: 0.699, raw: 69.9 }, success: false });
	});

	it("describes a move in the scenario's language, under the scenario activity", () => {
		expect(ofAttempt(ZH_WIN_ID)[0]).toEqual({
			id: 'bf6320a7-7e7c-543a-8820-d40dc58e333a',
			actor: { objectType: 'Agent', name: '李娜', account: { homePage: HOME, name: 'lina' } },
			verb: {
				id: 'http://adlnet.gov/expapi/verbs/interacted',
				display: { 'en-US': 'interacted' }
			},
			object: {
				objectType: 'Activity',
				id: `${HOME}/scenarios/zh-city-bureau/moves/hall-visit`,
				definition: {
					name: { 'zh-CN': '到热线话务中心蹲点一天' },
					type: 'http://adlnet.gov/expapi/activities/interaction'
				}
			},
			context: {
				registration: ZH_WIN_ID,
				contextActivities: { parent: [bureauActivity] },
				extensions: {
					[`${HOME}/xapi/scenario-version`]: bureau.version,
					[`${HOME}/xapi/seq`]: 1,
					[`${HOME}/xapi/line`]: 'user'
				}
			},
			timestamp: '2026-01-05T09:00:00.000Z'
		});
	});

	it('names the closing move by its built-in label and gives it no line', () => {
		const close = ofAttempt(HOSPITAL_ID)[12];

		expect(close.id).toBe('e4a520c7-debe-58e8-b954-65b0f724a991');
		expect(close.object).toMatchObject({
			id: `${HOME}/scenarios/city-hospital/moves/close`,
			definition: { name: { 'en-US': 'Submit the bid and ask for the decision' } }
		});
		expect(close.context.extensions).toMatchObject({
			[`${HOME}/xapi/seq`]: 13,
			[`${HOME}/xapi/line`]: null
		});
	});

	it('derives the same valid version 5 ids on every export, one per statement', () => {
		const again = xapiStatements([hospitalLoss, bureauWin, bureauOpen], { homePage: HOME });
		const ids = statements.map((statement) => statement.id);

		expect(again.map((statement) => statement.id)).toEqual(ids);
		expect(new Set(ids).size).toBe(28);
		expect(ids.filter((id) => !UUID_V5.test(id))).toEqual([]);
	});

	it('gives the result a new id when an override changes it, and the moves the same ones', () => {
		const plain = xapiStatements([{ ...bureauWin, override: null }], { homePage: HOME });
		const overridden = ofAttempt(ZH_WIN_ID);

		expect(plain.slice(0, 11).map((s) => s.id)).toEqual(overridden.slice(0, 11).map((s) => s.id));
		expect(plain[11].id).not.toBe(overridden[11].id);
		expect(plain[11].result?.extensions).toBeUndefined();
	});
});

describe('isoDuration', () => {
	it.each([
		[0, 'PT0S'],
		[59, 'PT59S'],
		[60, 'PT1M'],
		[843, 'PT14M3S'],
		[3600, 'PT1H'],
		[3605, 'PT1H5S'],
		[90061, 'PT25H1M1S'],
		[-3, 'PT0S']
	])('writes %d seconds as %s', (seconds, text) => {
		expect(isoDuration(seconds)).toBe(text);
	});
});

describe('nameUuid', () => {
	it('matches the RFC 4122 version 5 id of python.org in the DNS namespace', () => {
		expect(nameUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
			'886313e1-3b8a-5372-9b90-0c9aee199e5d'
		);
	});

	it('refuses a namespace that is not a UUID', () => {
		expect(() => nameUuid('five-lines', 'x')).toThrow(
			`The namespace "five-lines" is not a UUID; pass one like ${STATEMENT_NAMESPACE}.`
		);
	});
});
