import { describe, expect, it } from 'vitest';
import type { RuleVerdict, ScoreReport } from '../../../src/lib/scoring/types';
import { scoreAttempt } from '../../../src/lib/scoring/score';
import type { Scenario } from '../../../src/lib/scenario/types';
import { logOf, play } from '../support/deal';
import { clause, clinic, rule, when } from '../support/scenario-builder';

/** One rule of each form; weights add up to 120, plus a switched-off rule. */
const RULES = [
	rule(
		'users-first',
		'sequencing',
		{
			kind: 'before',
			first: [{ kind: 'line', line: 'user' }],
			then: { kind: 'line', line: 'technical' }
		},
		10
	),
	rule(
		'procurement-before-tender',
		'sequencing',
		{
			kind: 'before',
			first: [{ kind: 'line', line: 'procurement' }],
			then: { kind: 'stage', stage: 'tender' }
		},
		10
	),
	rule(
		'users-early',
		'sequencing',
		{ kind: 'in', act: { kind: 'line', line: 'user' }, stage: 'discovery' },
		10
	),
	rule(
		'buyer-window',
		'sequencing',
		{ kind: 'within', act: { kind: 'intel', id: 'ref-rule' }, fromWeek: 0, toWeek: 3 },
		5
	),
	rule(
		'management-after-support',
		'sequencing',
		{
			kind: 'only-when',
			act: { kind: 'line', line: 'management' },
			when: when(clause.atLeast('user', 'supportive'), clause.atLeast('technical', 'supportive'))
		},
		15
	),
	rule(
		'technical-by-tender',
		'coverage',
		{
			kind: 'stance-by',
			party: { kind: 'line', line: 'technical' },
			stance: 'supportive',
			by: 'tender'
		},
		15
	),
	rule(
		'user-worked',
		'coverage',
		{ kind: 'worked-by', line: 'user', times: 2, by: 'specification' },
		5
	),
	rule(
		'procurement-worked',
		'coverage',
		{ kind: 'worked-by', line: 'procurement', times: 1, by: 'end' },
		10,
		true
	),
	rule('won', 'outcome', { kind: 'won' }, 30),
	rule('lean', 'efficiency', { kind: 'at-most', limit: 6, unit: 'moves' }, 5),
	rule('quick', 'efficiency', { kind: 'at-most', limit: 8, unit: 'weeks' }, 5),
	rule('switched-off', 'efficiency', { kind: 'at-most', limit: 0, unit: 'moves' }, 0)
];

function report(scenario: Scenario, ...moveIds: string[]): ScoreReport {
	return scoreAttempt(scenario, logOf(...moveIds), play(scenario, ...moveIds));
}

/** Every verdict in rule order as [id, passed, points, decided turn, decided move, detail]. */
function rows(result: ScoreReport) {
	return Object.values(result.groups)
		.flat()
		.map((v: RuleVerdict) => [
			v.ruleId,
			v.passed,
			v.points,
			v.decidedBy?.seq ?? null,
			v.decidedBy?.moveId ?? null,
			v.detail
		]);
}

/** A winning path through the clinic: 5 moves and the close. */
const WINNING = ['shadow-shift', 'sso-workshop', 'director-lunch', 'meet-buyer', 'wait', 'close'];

function totals({ earned, possible, total, display, passed }: ScoreReport) {
	return { earned, possible, total, display, passed };
}

describe('scoreAttempt', () => {
	const scenario = clinic({ rules: RULES });

	it('scores a won deal by hand: 115 of 120', () => {
		const result = report(
			scenario,
			'shadow-shift',
			'sso-workshop',
			'director-lunch',
			'meet-buyer',
			'wait',
			'close'
		);

		expect(rows(result)).toEqual([
			[
				'users-first',
				true,
				10,
				2,
				'sso-workshop',
				'Work with the user line came before work with the technical line at turn 2.'
			],
			[
				'procurement-before-tender',
				true,
				10,
				4,
				'meet-buyer',
				'Work with the procurement line came by turn 4, in time for the tender stage.'
			],
			[
				'users-early',
				true,
				10,
				1,
				'shadow-shift',
				'Work with the user line first came at turn 1, in the discovery stage.'
			],
			[
				'buyer-window',
				true,
				5,
				4,
				'meet-buyer',
				'Learning what Ng Wai knows first came at turn 4, starting in week 3, within weeks 0-3.'
			],
			[
				'management-after-support',
				true,
				15,
				3,
				'director-lunch',
				'Work with the management line first came at turn 3, when the condition held.'
			],
			[
				'technical-by-tender',
				true,
				15,
				5,
				'wait',
				'The technical line was supportive when the tender stage began (turn 5), at least supportive.'
			],
			[
				'user-worked',
				false,
				0,
				3,
				'director-lunch',
				'The user line had 1 move when the specification stage began (turn 3), short of the 2 needed.'
			],
			[
				'procurement-worked',
				true,
				10,
				4,
				'meet-buyer',
				'The procurement line had 1 move at the end (turn 6), meeting the 1 needed.'
			],
			['won', true, 30, 6, 'close', 'The deal was won at turn 6.'],
			['lean', true, 5, 6, 'close', '5 moves used, within the limit of 6.'],
			['quick', true, 5, 6, 'close', 'The deal ended in week 7, within 8 weeks.']
		]);
		expect(totals(result)).toEqual({
			earned: 115,
			possible: 120,
			total: (115 * 100) / 120,
			display: '95.8',
			passed: true
		});
		expect(result.blockersFailed).toEqual([]);
	});

	it('scores a deal lost at the decision by hand: 60 of 120', () => {
		const result = report(scenario, 'meet-buyer', 'wait', 'wait', 'close');

		expect(rows(result)).toEqual([
			[
				'users-first',
				true,
				10,
				null,
				null,
				'Work with the technical line never happened, so nothing came too late.'
			],
			[
				'procurement-before-tender',
				true,
				10,
				1,
				'meet-buyer',
				'Work with the procurement line came by turn 1, in time for the tender stage.'
			],
			[
				'users-early',
				true,
				10,
				2,
				'wait',
				'Work with the user line first came at turn 2, in the discovery stage.'
			],
			[
				'buyer-window',
				true,
				5,
				1,
				'meet-buyer',
				'Learning what Ng Wai knows first came at turn 1, starting in week 0, within weeks 0-3.'
			],
			[
				'management-after-support',
				true,
				15,
				null,
				null,
				'Work with the management line never happened, so the condition never mattered.'
			],
			[
				'technical-by-tender',
				false,
				0,
				3,
				'wait',
				'The technical line was sceptical when the tender stage began (turn 3), short of supportive.'
			],
			[
				'user-worked',
				false,
				0,
				2,
				'wait',
				'The user line had 1 move when the specification stage began (turn 2), short of the 2 needed.'
			],
			[
				'procurement-worked',
				true,
				10,
				1,
				'meet-buyer',
				'The procurement line had 1 move at the end (turn 4), meeting the 1 needed.'
			],
			['won', false, 0, 4, 'close', 'The deal was lost at turn 4.'],
			// A lost deal earns no efficiency points, however few moves and weeks it took.
			[
				'lean',
				false,
				0,
				4,
				'close',
				'The deal was lost at turn 4; a lost deal earns no efficiency points.'
			],
			[
				'quick',
				false,
				0,
				4,
				'close',
				'The deal was lost at turn 4; a lost deal earns no efficiency points.'
			]
		]);
		expect(totals(result)).toEqual({
			earned: 60,
			possible: 120,
			total: (60 * 100) / 120,
			display: '50.0',
			passed: false
		});
	});

	it('scores a deal lost to a loss trigger at turn 1 by hand: 0 of 120, blocker failed', () => {
		const result = report(scenario, 'rival-push');

		expect(rows(result)).toEqual([
			// Never put to the test: a pass is not earned by a deal that ended at turn 1.
			[
				'users-first',
				false,
				0,
				null,
				null,
				'Never put to the test: the deal was lost early, at turn 1.'
			],
			[
				'procurement-before-tender',
				false,
				0,
				1,
				'rival-push',
				'The tender stage began at turn 1, before work with the procurement line.'
			],
			['users-early', false, 0, null, null, 'Work with the user line never happened.'],
			['buyer-window', false, 0, null, null, 'Learning what Ng Wai knows never happened.'],
			[
				'management-after-support',
				false,
				0,
				1,
				'rival-push',
				'Work with the management line first came at turn 1, too soon: Needs the user line at least supportive (now neutral).'
			],
			[
				'technical-by-tender',
				false,
				0,
				1,
				'rival-push',
				'The technical line was sceptical when the tender stage began (turn 1), short of supportive.'
			],
			[
				'user-worked',
				false,
				0,
				1,
				'rival-push',
				'The user line had 0 moves when the specification stage began (turn 1), short of the 2 needed.'
			],
			[
				'procurement-worked',
				false,
				0,
				1,
				'rival-push',
				'The procurement line had 0 moves at the end (turn 1), short of the 1 needed.'
			],
			['won', false, 0, 1, 'rival-push', 'The deal was lost at turn 1.'],
			[
				'lean',
				false,
				0,
				1,
				'rival-push',
				'The deal was lost at turn 1; a lost deal earns no efficiency points.'
			],
			[
				'quick',
				false,
				0,
				1,
				'rival-push',
				'The deal was lost at turn 1; a lost deal earns no efficiency points.'
			]
		]);
		expect(totals(result)).toEqual({
			earned: 0,
			possible: 120,
			total: 0,
			display: '0.0',
			passed: false
		});
		expect(result.blockersFailed.map((v) => v.ruleId)).toEqual(['procurement-worked']);
		const untested = Object.values(result.groups)
			.flat()
			.filter((verdict) => !verdict.isTested)
			.map((verdict) => verdict.ruleId);
		expect(untested).toEqual(['users-first', 'lean', 'quick']);
	});

	it('does not count a blocker the deal never put to the test among the failed blockers', () => {
		const rules = [
			rule('users-first', 'sequencing', RULES[0].check, 10, true),
			rule('won', 'outcome', { kind: 'won' }, 30)
		];
		const result = report(clinic({ rules }), 'rival-push');

		expect(rows(result)).toEqual([
			[
				'users-first',
				false,
				0,
				null,
				null,
				'Never put to the test: the deal was lost early, at turn 1.'
			],
			['won', false, 0, 1, 'rival-push', 'The deal was lost at turn 1.']
		]);
		expect(result.groups.sequencing[0].isTested).toBe(false);
		expect(result.blockersFailed).toEqual([]);
		expect(result.passed).toBe(false);
	});

	it('scores a deal that runs out of time by hand: 65 of 120', () => {
		const open = clinic({
			rules: RULES,
			moves: clinic().moves.map((m) => (m.id === 'sso-workshop' ? { ...m, when: when() } : m))
		});
		const result = report(
			open,
			'sso-workshop',
			'shadow-shift',
			'meet-buyer',
			'wait',
			'wait',
			'wait'
		);

		expect(rows(result)).toEqual([
			[
				'users-first',
				false,
				0,
				1,
				'sso-workshop',
				'Work with the technical line came at turn 1, before work with the user line.'
			],
			[
				'procurement-before-tender',
				true,
				10,
				3,
				'meet-buyer',
				'Work with the procurement line came by turn 3, in time for the tender stage.'
			],
			[
				'users-early',
				true,
				10,
				2,
				'shadow-shift',
				'Work with the user line first came at turn 2, in the discovery stage.'
			],
			[
				'buyer-window',
				true,
				5,
				3,
				'meet-buyer',
				'Learning what Ng Wai knows first came at turn 3, starting in week 2, within weeks 0-3.'
			],
			[
				'management-after-support',
				true,
				15,
				null,
				null,
				'Work with the management line never happened, so the condition never mattered.'
			],
			[
				'technical-by-tender',
				true,
				15,
				4,
				'wait',
				'The technical line was supportive when the tender stage began (turn 4), at least supportive.'
			],
			[
				'user-worked',
				false,
				0,
				3,
				'meet-buyer',
				'The user line had 1 move when the specification stage began (turn 3), short of the 2 needed.'
			],
			[
				'procurement-worked',
				true,
				10,
				3,
				'meet-buyer',
				'The procurement line had 1 move at the end (turn 6), meeting the 1 needed.'
			],
			['won', false, 0, 6, 'wait', 'The deal was lost at turn 6.'],
			[
				'lean',
				false,
				0,
				6,
				'wait',
				'The deal was lost at turn 6; a lost deal earns no efficiency points.'
			],
			['quick', false, 0, 5, 'wait', 'Turn 5 took the clock to week 9, past week 8.']
		]);
		expect(totals(result)).toEqual({
			earned: 65,
			possible: 120,
			total: (65 * 100) / 120,
			display: '54.1',
			passed: false
		});
	});

	it('leaves rules of weight 0 out of the report', () => {
		const result = report(scenario, 'rival-push');

		expect(result.groups.efficiency.map((v) => v.ruleId)).toEqual(['lean', 'quick']);
	});

	it('fails an attempt whose blocker failed, whatever the points', () => {
		const rules = [
			rule('won', 'outcome', { kind: 'won' }, 90),
			rule(
				'user-worked',
				'coverage',
				{ kind: 'worked-by', line: 'user', times: 2, by: 'specification' },
				10,
				true
			)
		];
		const result = report(
			clinic({ rules }),
			'shadow-shift',
			'sso-workshop',
			'director-lunch',
			'meet-buyer',
			'wait',
			'close'
		);

		expect(totals(result)).toEqual({
			earned: 90,
			possible: 100,
			total: 90,
			display: '90.0',
			passed: false
		});
		expect(result.blockersFailed.map((v) => v.ruleId)).toEqual(['user-worked']);
	});

	it.each([
		[80, false],
		[79, true]
	])('shows 399 of 499 as 79.9 and with pass mark %i passes: %s', (passMark, passed) => {
		const limit = (id: string, weight: number, moves: number) =>
			rule(id, 'efficiency', { kind: 'at-most', limit: moves, unit: 'moves' }, weight);
		// The winning path uses 5 moves: the limits of 9 pass, the limit of 1 fails.
		const rules = [
			limit('a', 100, 9),
			limit('b', 100, 9),
			limit('c', 100, 9),
			limit('d', 99, 9),
			limit('e', 100, 1)
		];
		const result = report(clinic({ rules, passMark }), ...WINNING);

		expect(totals(result)).toEqual({
			earned: 399,
			possible: 499,
			total: (399 * 100) / 499,
			display: '79.9',
			passed
		});
	});

	it('passes at exactly the pass mark and shows 80.0', () => {
		const rules = [
			rule('lean', 'efficiency', { kind: 'at-most', limit: 9, unit: 'moves' }, 80),
			rule('single', 'efficiency', { kind: 'at-most', limit: 1, unit: 'moves' }, 20)
		];
		const result = report(clinic({ rules, passMark: 80 }), ...WINNING);

		expect(totals(result)).toEqual({
			earned: 80,
			possible: 100,
			total: 80,
			display: '80.0',
			passed: true
		});
	});

	it('scores 0 when no rule carries weight, and passes with nothing to fail', () => {
		const result = report(
			clinic({ rules: [rule('off', 'outcome', { kind: 'won' }, 0)] }),
			'rival-push'
		);

		expect(totals(result)).toEqual({
			earned: 0,
			possible: 0,
			total: 0,
			display: '0.0',
			passed: true
		});
		expect(Object.values(result.groups).flat()).toEqual([]);
	});

	it('refuses a log that does not match the deal', () => {
		const context = play(scenario, 'meet-buyer');

		expect(() => scoreAttempt(scenario, logOf('wait'), context)).toThrow(/does not match/);
		expect(() => scoreAttempt(scenario, [], context)).toThrow(/replay the log/);
	});

	it('explains in Chinese for a Chinese scenario', () => {
		const zh = clinic({ rules: RULES, language: 'zh' });
		const details = rows(report(zh, 'rival-push')).map((row) => row[5]);

		expect(details).toEqual([
			'这条规则没有经受考验：这单在第1步提前丢了。',
			'招标阶段在第1步开始，早于接触采购线。',
			'接触用户线从未发生。',
			'了解Ng Wai掌握的情报从未发生。',
			'接触管理线首次发生在第1步，时机过早：需要用户线至少支持（当前：中立）。',
			'技术线在招标阶段开始时（第1步）仅为怀疑，未达到支持。',
			'用户线在规格阶段开始时（第1步）共有0次行动，不足所需的2次。',
			'采购线在结束时（第1步）共有0次行动，不足所需的1次。',
			'这单在第1步丢了。',
			'这单在第1步丢了；丢单不计效率分。',
			'这单在第1步丢了；丢单不计效率分。'
		]);
	});
});
