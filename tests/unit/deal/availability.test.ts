import { describe, expect, it } from 'vitest';
import { checkMove, moveAvailability } from '../../../src/lib/deal/availability';
import { initialContext } from '../../../src/lib/deal/step';
import type { Clause, Scenario } from '../../../src/lib/scenario/types';
import { play } from '../support/deal';
import { clause, clinic, clinicZh, move, when } from '../support/scenario-builder';

/** The scenario with one extra move, `probe`, that needs only the given clause. */
function withProbe(base: Scenario, needs: Clause): Scenario {
	return { ...base, moves: [...base.moves, move('probe', 'user', { when: when(needs) })] };
}

describe('checkMove', () => {
	it.each([
		[
			clause.in('specification'),
			'Only in the specification stage (now discovery).',
			'仅在规格阶段可用（当前：调研）。'
		],
		[
			clause.before('discovery'),
			'Only before the discovery stage (now discovery).',
			'仅在调研阶段之前可用（当前：调研）。'
		],
		[
			clause.from('tender'),
			'Only from the tender stage on (now discovery).',
			'招标阶段起可用（当前：调研）。'
		],
		[
			clause.atLeast('user', 'supportive'),
			'Needs the user line at least supportive (now neutral).',
			'需要用户线至少支持（当前：中立）。'
		],
		[
			clause.atMost('user', 'sceptical'),
			'Needs the user line at most sceptical (now neutral).',
			'需要用户线至多怀疑（当前：中立）。'
		],
		[
			clause.atLeast('it-chen', 'champion'),
			'Needs Chen Hao at least champion (now sceptical).',
			'需要陈浩至少拥护（当前：怀疑）。'
		],
		[
			clause.atMost('finance', 'champion'),
			'Needs the finance line at most champion (now nobody on it).',
			'需要财务线至多拥护（当前：无人）。'
		],
		[
			clause.played('shadow-shift'),
			'Needs "Shadow a shift change" played first.',
			'需要先完成“观摩交接班”。'
		],
		[clause.knows('ref-rule'), 'Needs what Ng Wai knows first.', '需要先了解吴伟掌握的情报。']
	])('explains the unmet clause %o at the start in English and Chinese', (needs, en, zh) => {
		const english = withProbe(clinic(), needs);
		const chinese = withProbe(clinicZh(), needs);

		expect(checkMove(english, initialContext(english), 'probe')).toEqual({ ok: false, reason: en });
		expect(checkMove(chinese, initialContext(chinese), 'probe')).toEqual({ ok: false, reason: zh });
	});

	it.each([
		[
			'shadow-shift',
			clause.played('shadow-shift', true),
			'Not available after "Shadow a shift change".',
			'完成“观摩交接班”后不再可用。'
		],
		[
			'meet-buyer',
			clause.knows('ref-rule', true),
			'Not available once you know what Ng Wai knows.',
			'得知吴伟掌握的情报后不再可用。'
		]
	])('explains a negated clause once %s is played', (first, needs, en, zh) => {
		const english = withProbe(clinic(), needs);
		const chinese = withProbe(clinicZh(), needs);

		expect(checkMove(english, play(english, first), 'probe')).toEqual({ ok: false, reason: en });
		expect(checkMove(chinese, play(chinese, first), 'probe')).toEqual({ ok: false, reason: zh });
	});

	it('explains the first unmet clause only', () => {
		const scenario = clinic();
		const afterShadow = play(scenario, 'shadow-shift');

		expect(checkMove(scenario, initialContext(scenario), 'director-lunch')).toEqual({
			ok: false,
			reason: 'Needs the user line at least supportive (now neutral).'
		});
		expect(checkMove(scenario, afterShadow, 'director-lunch')).toEqual({
			ok: false,
			reason: 'Needs the technical line at least supportive (now sceptical).'
		});
	});

	it("shows the coach's refusal text instead of an explanation", () => {
		const scenario = clinic();

		expect(checkMove(scenario, initialContext(scenario), 'sso-workshop')).toEqual({
			ok: false,
			reason: 'The IT lead will not meet a vendor the nurses have not asked for.'
		});
	});

	it.each([
		[clinic(), 'Already played.'],
		[clinicZh(), '已经做过了。']
	])('refuses a move that is not repeatable once played', (scenario, reason) => {
		const context = play(scenario, 'meet-buyer');

		expect(checkMove(scenario, context, 'meet-buyer')).toEqual({ ok: false, reason });
	});

	it('allows a repeatable move again', () => {
		const scenario = clinic();

		expect(checkMove(scenario, play(scenario, 'wait'), 'wait')).toEqual({ ok: true });
	});

	it.each([
		[clinic(), 'The deal is over.'],
		[clinicZh(), '这单已经结束。']
	])('refuses every move once the deal is over', (scenario, reason) => {
		const context = play(scenario, 'rival-push');

		expect(context.outcome?.reason).toBe('disqualified');
		expect(checkMove(scenario, context, 'wait')).toEqual({ ok: false, reason });
		expect(checkMove(scenario, context, 'close')).toEqual({ ok: false, reason });
	});

	it('names a move the scenario does not have', () => {
		const scenario = clinic();

		expect(checkMove(scenario, initialContext(scenario), 'demo-day')).toEqual({
			ok: false,
			reason: 'There is no move "demo-day" in this scenario.'
		});
	});

	it('offers the close move from the tender stage on', () => {
		const scenario = clinic({ losses: [] });

		expect(checkMove(scenario, play(scenario, 'wait'), 'close')).toEqual({
			ok: false,
			reason: 'Only from the tender stage on (now specification).'
		});
		expect(checkMove(scenario, play(scenario, 'wait', 'wait'), 'close')).toEqual({ ok: true });
	});

	it('offers the close move early once no other move is left, so a deal never stalls', () => {
		const scenario = clinic({ losses: [], moves: [move('chat', 'user', { cost: 1 })] });

		expect(checkMove(scenario, initialContext(scenario), 'close')).toEqual({
			ok: false,
			reason: 'Only from the tender stage on (now discovery).'
		});
		const stalled = play(scenario, 'chat');
		expect(stalled.stage).toBe('discovery');
		expect(checkMove(scenario, stalled, 'close')).toEqual({ ok: true });
		expect(play(scenario, 'chat', 'close').outcome).toMatchObject({ reason: 'decision', turn: 2 });
	});
});

describe('moveAvailability', () => {
	it('lists every move in file order, then the close move, with its reason', () => {
		const scenario = clinic();

		expect(moveAvailability(scenario, initialContext(scenario))).toEqual([
			{ moveId: 'shadow-shift', isAvailable: true, reason: null },
			{
				moveId: 'sso-workshop',
				isAvailable: false,
				reason: 'The IT lead will not meet a vendor the nurses have not asked for.'
			},
			{
				moveId: 'director-lunch',
				isAvailable: false,
				reason: 'Needs the user line at least supportive (now neutral).'
			},
			{ moveId: 'meet-buyer', isAvailable: true, reason: null },
			{ moveId: 'wait', isAvailable: true, reason: null },
			{ moveId: 'rival-push', isAvailable: true, reason: null },
			{
				moveId: 'close',
				isAvailable: false,
				reason: 'Only from the tender stage on (now discovery).'
			}
		]);
	});
});
