import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replayDeal } from '../../../src/lib/deal/replay';
import type { MoveLogEntry } from '../../../src/lib/deal/types';
import { formatScenarioError, parseScenario } from '../../../src/lib/scenario/parse';
import type { Scenario } from '../../../src/lib/scenario/types';
import { scoreAttempt } from '../../../src/lib/scoring/score';
import { buildReplayView, type ReplayInput } from '../../../src/lib/views/replay-view';

/*
 * The replay of the shipped scenarios' recorded wins. Expected values are worked out by hand
 * from content/scenarios/*.md (moves' costs and effects, stage weeks, the rules' checks), as in
 * tests/unit/content/shipped-scenarios.test.ts, not read off the engine.
 */

const SCENARIO_DIR = fileURLToPath(new URL('../../../content/scenarios/', import.meta.url));
const PATHS_FILE = fileURLToPath(new URL('../../fixtures/shipped-paths.json', import.meta.url));
const recorded = JSON.parse(readFileSync(PATHS_FILE, 'utf8')) as Record<string, { win: string[] }>;

function load(id: string): Scenario {
	const file = `content/scenarios/${id}.md`;
	const result = parseScenario(readFileSync(`${SCENARIO_DIR}${id}.md`, 'utf8'), file);
	if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));

	return result.scenario;
}

function logOf(moveIds: readonly string[]): MoveLogEntry[] {
	return moveIds.map((moveId, index) => ({
		seq: index + 1,
		moveId,
		at: new Date(Date.UTC(2026, 0, 5, 9, index)).toISOString()
	}));
}

/** A stored attempt of the moves, finished and scored when the moves end the deal. */
function attemptOf(scenario: Scenario, moveIds: readonly string[]): ReplayInput {
	const log = logOf(moveIds);
	const deal = replayDeal(scenario, log);
	if (!deal.ok) throw new Error(`turn ${deal.seq} was refused: ${deal.reason}`);
	const report = deal.outcome ? scoreAttempt(scenario, log, deal.context) : null;

	return { id: 'a1', log, report, outcome: deal.outcome };
}

const hospital = load('city-hospital');
const hospitalWin = attemptOf(hospital, recorded['city-hospital'].win);
const view = (step: number, attempt = hospitalWin) => buildReplayView(hospital, attempt, step);

/** `ruleId: passed` for a list of replay verdicts, in the order shown. */
const verdicts = (list: { ruleId: string; passed: boolean }[]) =>
	list.map((verdict) => [verdict.ruleId, verdict.passed]);

describe('buildReplayView', () => {
	it('shows the deal before any move at step 0', () => {
		const start = view(0);

		expect(start).toMatchObject({ step: 0, totalSteps: 14, week: 0, stage: 'Discovery' });
		expect(start.move).toBeNull();
		expect(start.intel).toEqual([]);
		expect(start.decided).toEqual([]);
		expect(start.decidedAtEnd).toEqual([]);
		expect(start.outcome).toBeNull();
	});

	it('lists every step with the week its move was played in', () => {
		const steps = view(0).steps;

		expect(steps).toHaveLength(15);
		expect(steps[0]).toEqual({ seq: 0, label: 'Before the first move', lineLabel: '', week: 0 });
		// The reference pack costs 2 weeks: it starts in week 8, the analyst's chat in week 10.
		expect(steps.slice(9, 11)).toEqual([
			{
				seq: 9,
				label: 'Line up three qualifying reference hospitals',
				lineLabel: 'Procurement line',
				week: 8
			},
			{
				seq: 10,
				label: 'Help the budget analyst with the business-case template',
				lineLabel: 'Finance line',
				week: 10
			}
		]);
		expect(steps[14]).toEqual({
			seq: 14,
			label: 'Submit the bid and ask for the decision',
			lineLabel: '',
			week: 14
		});
	});

	it.each([
		// Each move costs 1 week but the reference pack (2); specification begins in week 5,
		// the tender in week 12.
		[3, 3, 'Discovery'],
		[5, 5, 'Specification'],
		[9, 10, 'Specification'],
		[11, 12, 'Tender'],
		[13, 14, 'Tender']
	])('stands in the right week and stage after move %i', (step, week, stage) => {
		expect(view(step)).toMatchObject({ step, week, weeks: 24, stage });
	});

	it('shows the move played, what it changed and every stance after it', () => {
		const workshop = view(3);

		expect(workshop.move).toMatchObject({
			seq: 3,
			label: 'Run a co-design workshop with the ward nurses',
			lineLabel: 'User line',
			week: 2,
			changes: ['Margaret Hale: supportive → champion', 'Priya Nair: supportive → champion']
		});
		expect(workshop.move?.html).toContain('<p>Twelve nurses redesign the observation chart');
		const users = workshop.lines.find((line) => line.line === 'user');
		// (4 × 2 + 2 × 2 + 2 × -1) / 8 = 1.25, rounded down: supportive.
		expect(users).toMatchObject({ label: 'User line', stance: 'supportive', stanceValue: 1 });
		expect(users?.people.map((p) => [p.name, p.stance, p.stanceValue])).toEqual([
			['Margaret Hale', 'champion', 2],
			['Priya Nair', 'champion', 2],
			['Dr. Samuel Osei', 'sceptical', -1]
		]);
		expect(workshop.lines.map((line) => line.line)).toEqual([
			'user',
			'technical',
			'management',
			'procurement',
			'finance'
		]);
	});

	it('lists the intel known in the order it was learned', () => {
		// Turn 1 charting-pain, 2 wifi-dead-zones, 4 spec-draft (the CIO), 5 offline-gap.
		expect(view(5).intel.map((item) => [item.id, item.holder])).toEqual([
			['charting-pain', 'Margaret Hale'],
			['wifi-dead-zones', 'Priya Nair'],
			['spec-draft', 'Dr. Alan Brooks'],
			['offline-gap', 'Sam Ortiz']
		]);
	});

	it.each([
		[
			1,
			[
				['users-early', true],
				['user-worked', true]
			]
		],
		[2, []],
		// The specification begins during turn 5: Margaret is judged then, already champion.
		[5, [['ward-champion', true]]],
		[
			7,
			[
				['procurement-before-tender', true],
				['procurement-worked', true]
			]
		],
		// The tender begins during turn 11: Karen Doyle is champion, technical (4×2 + 2×2 + 0) / 8.
		[
			11,
			[
				['procurement-head-warm', true],
				['technical-before-spec-freeze', true]
			]
		],
		[13, [['budget-before-president', true]]]
	])('lists the rules move %i decided, in group order', (step, expected) => {
		expect(verdicts(view(step).decided)).toEqual(expected);
		expect(view(step).decidedAtEnd).toEqual([]);
	});

	it('words a verdict in the scenario language with its group', () => {
		expect(view(1).decided[0]).toEqual({
			ruleId: 'users-early',
			title: 'Meet the users during discovery',
			groupLabel: 'Sequencing',
			passed: true,
			isTested: true,
			blocker: false,
			detail: 'Work with the user line first came at turn 1, in the discovery stage.'
		});
	});

	it('adds the rules no move decided on the last step, and the outcome', () => {
		const last = view(14);

		// Dr. Osei was never worked: still sceptical at the close, so the consultants rule fails.
		expect(verdicts(last.decided)).toEqual([
			['consultants-on-board', false],
			['won', true],
			['lean-campaign', true],
			['grant-window', true]
		]);
		// No ballpark price was ever given: nothing decided the blocker, which passes at the end.
		expect(verdicts(last.decidedAtEnd)).toEqual([['budget-before-price', true]]);
		expect(last.outcome).toMatchObject({ result: 'won', label: 'Deal won' });
		expect(last.outcome?.html).toContain('The panel scores WardNote first');
	});

	it.each([
		[-3, 0],
		[99, 14],
		[2.7, 2],
		[Number.NaN, 0]
	])('clamps step %d to %i', (asked, shown) => {
		expect(view(asked).step).toBe(shown);
	});

	it('judges no rule on an attempt still in play', () => {
		const open = attemptOf(hospital, recorded['city-hospital'].win.slice(0, 2));
		const last = view(5, open);

		expect(last).toMatchObject({ step: 2, totalSteps: 2, week: 2, outcome: null });
		expect(last.decided).toEqual([]);
		expect(last.decidedAtEnd).toEqual([]);
	});

	it('refuses a log that does not replay, naming the turn', () => {
		const broken = { ...hospitalWin, log: logOf(['nursing-director-interview', 'cio-meeting']) };

		expect(() => view(1, broken)).toThrow(/does not replay at turn 2/);
	});

	it("speaks the Chinese scenario's language", () => {
		const bureau = load('zh-city-bureau');
		const attempt = attemptOf(bureau, recorded['zh-city-bureau'].win);
		const hall = buildReplayView(bureau, attempt, 1);
		const purchasing = buildReplayView(bureau, attempt, 4);

		expect(hall).toMatchObject({ language: 'zh', stage: '调研', week: 1, weeks: 16 });
		expect(hall.steps[0].label).toBe('开局之前');
		expect(hall.move).toMatchObject({
			label: '到热线话务中心蹲点一天',
			lineLabel: '用户线',
			changes: [
				'刘敏：中立 → 支持',
				'获悉：上个月暴雨那天接通率跌到 41%，平均每个工单要转派 3 次才落到正确的部门。'
			]
		});
		expect(hall.decided.map((v) => [v.ruleId, v.groupLabel])).toEqual([
			['users-early', '顺序'],
			['user-worked', '覆盖']
		]);
		// Purchasing meeting is turn 4, played in week 3 and ending in week 4: specification.
		expect(purchasing).toMatchObject({ stage: '规格', week: 4 });
		expect(purchasing.lines.find((l) => l.line === 'management')?.people[0]).toMatchObject({
			name: '赵国强',
			stance: '反对'
		});
	});
});
