import { describe, expect, it } from 'vitest';
import { classifySeq } from '../../../src/lib/deal/availability';
import { continueDeal, replayDeal } from '../../../src/lib/deal/replay';
import { logOf, play } from '../support/deal';
import { clinic, clinicZh } from '../support/scenario-builder';

describe('replayDeal', () => {
	it('replays a log into the deal it describes', () => {
		const result = replayDeal(clinic(), logOf('shadow-shift', 'meet-buyer'));

		expect(result).toMatchObject({ ok: true, status: 'active', outcome: null });
		expect(result.ok && result.context.timeline.map((turn) => turn.moveId)).toEqual([
			'',
			'shadow-shift',
			'meet-buyer'
		]);
	});

	it.each([
		['a skipped turn', [1, 3], 3, 'Turn 3 is out of sequence: the next turn is 2.'],
		['a repeated turn', [1, 1], 1, 'Turn 1 is out of sequence: the next turn is 2.'],
		['a turn zero', [0], 0, 'Turn 0 is out of sequence: the next turn is 1.']
	])('refuses %s, naming it', (_case, seqs, seq, reason) => {
		const log = seqs.map((s, i) => ({ ...logOf('wait', 'wait')[i], seq: s }));

		expect(replayDeal(clinic(), log)).toMatchObject({ ok: false, seq, reason });
	});

	it('refuses an unavailable entry with the reason the trainee would read', () => {
		const result = replayDeal(clinic(), logOf('shadow-shift', 'shadow-shift'));

		expect(result).toMatchObject({ ok: false, seq: 2, reason: 'Already played.' });
		expect(!result.ok && result.snapshot.context.timeline).toHaveLength(2);
	});

	it('refuses an entry after the deal is over, in the scenario language', () => {
		const result = replayDeal(clinicZh(), logOf('rival-push', 'wait'));

		expect(result).toMatchObject({ ok: false, seq: 2, reason: '这单已经结束。' });
	});

	it('refuses a turn number out of sequence in Chinese', () => {
		const log = [{ seq: 2, moveId: 'wait' }];

		expect(replayDeal(clinicZh(), log)).toMatchObject({
			ok: false,
			reason: '第2步顺序不对：下一步应为第1步。'
		});
	});
});

describe('classifySeq', () => {
	const context = play(clinic(), 'shadow-shift', 'meet-buyer');

	it.each([
		[3, 'next'],
		[2, 'applied'],
		[1, 'applied'],
		[4, 'out-of-sequence'],
		[0, 'out-of-sequence'],
		[-1, 'out-of-sequence'],
		[2.5, 'out-of-sequence']
	])('classifies turn %d after two turns as %s', (seq, status) => {
		expect(classifySeq(context, seq)).toBe(status);
	});
});

describe('continueDeal', () => {
	const WINNING = ['shadow-shift', 'sso-workshop', 'director-lunch', 'meet-buyer', 'wait', 'close'];

	it('gives, turn by turn, the deal that replaying the longer log gives', () => {
		const scenario = clinic();
		const log = logOf(...WINNING);
		let deal = replayDeal(scenario, []);
		for (const [index, entry] of log.entries()) {
			if (!deal.ok) throw new Error(deal.reason);
			deal = continueDeal(scenario, deal, entry);

			const replayed = replayDeal(scenario, log.slice(0, index + 1));
			expect(deal.ok && deal.context).toEqual(replayed.ok && replayed.context);
		}

		expect(deal).toMatchObject({ ok: true, status: 'done', outcome: { result: 'won', turn: 6 } });
	});

	it('refuses an unavailable entry and keeps the deal as it stood', () => {
		const scenario = clinic();
		const deal = replayDeal(scenario, logOf('shadow-shift'));
		if (!deal.ok) throw new Error(deal.reason);

		const next = continueDeal(scenario, deal, { seq: 2, moveId: 'shadow-shift' });

		expect(next).toMatchObject({ ok: false, seq: 2, reason: 'Already played.' });
		expect(!next.ok && next.snapshot).toBe(deal.snapshot);
	});
});
