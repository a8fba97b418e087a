import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createDealMachine } from '../../../src/lib/deal/machine';
import { eventForEntry, replayDeal } from '../../../src/lib/deal/replay';
import type { Scenario } from '../../../src/lib/scenario/types';
import { logOf } from '../support/deal';
import { clause, clinic, move, when } from '../support/scenario-builder';

/** Drives a live actor move by move, as the server does. */
function drive(scenario: Scenario, ...moveIds: string[]) {
	const actor = createActor(createDealMachine(scenario)).start();
	for (const entry of logOf(...moveIds)) actor.send(eventForEntry(entry));

	return actor;
}

const WINNING = ['shadow-shift', 'sso-workshop', 'director-lunch', 'meet-buyer', 'wait', 'close'];

describe('createDealMachine', () => {
	it.each([
		[[], 'discovery', 0],
		[['wait'], 'specification', 3],
		[['wait', 'wait'], 'tender', 6],
		[['wait', 'wait', 'wait'], 'decision', 9],
		[['shadow-shift', 'meet-buyer'], 'discovery', 2]
	])('enters the stage the clock has reached after %j', (moves, stage, week) => {
		const snapshot = drive(clinic({ losses: [] }), ...moves).getSnapshot();

		expect(snapshot.value).toBe(stage);
		expect(snapshot.context).toMatchObject({ stage, week });
	});

	it('passes through every stage a long move crosses', () => {
		const scenario = clinic({ losses: [], moves: [move('long', 'user', { cost: 7 })] });
		const snapshot = drive(scenario, 'long').getSnapshot();

		expect(snapshot.value).toBe('tender');
		expect(snapshot.context.timeline[1]).toMatchObject({
			stageBefore: 'discovery',
			stage: 'tender'
		});
	});

	it('ignores the close move before the tender stage', () => {
		const actor = drive(clinic(), 'meet-buyer');
		const before = actor.getSnapshot().context;
		actor.send({ type: 'deal.close', seq: 2 });

		expect(actor.getSnapshot().context).toBe(before);
		expect(actor.getSnapshot().status).toBe('active');
	});

	it('wins at the decision when the win condition holds at the close', () => {
		const snapshot = drive(clinic(), ...WINNING).getSnapshot();

		expect(snapshot.value).toBe('won');
		expect(snapshot.status).toBe('done');
		expect(snapshot.output).toEqual({
			result: 'won',
			reason: 'decision',
			narrative: 'The director signs with you.',
			turn: 6
		});
	});

	it('loses at the decision when the win condition fails at the close', () => {
		const snapshot = drive(
			clinic(),
			'shadow-shift',
			'meet-buyer',
			'wait',
			'wait',
			'close'
		).getSnapshot();

		expect(snapshot.value).toBe('lost');
		expect(snapshot.output).toEqual({
			result: 'lost',
			reason: 'decision',
			narrative: 'The director renews RosterPro.',
			turn: 5
		});
	});

	it('decides when the clock reaches the award week, stopping the clock there', () => {
		const snapshot = drive(
			clinic(),
			'shadow-shift',
			'meet-buyer',
			'wait',
			'wait',
			'wait'
		).getSnapshot();

		expect(snapshot.value).toBe('lost');
		expect(snapshot.context).toMatchObject({ week: 10, stage: 'decision' });
		expect(snapshot.output).toMatchObject({ reason: 'decision', turn: 5 });
	});

	it('ends the deal with a loss trigger as soon as it holds', () => {
		const snapshot = drive(clinic(), 'wait', 'wait').getSnapshot();

		expect(snapshot.value).toBe('lost');
		expect(snapshot.output).toEqual({
			result: 'lost',
			reason: 'disqualified',
			narrative: 'Your bid lacked the references.',
			turn: 2
		});
	});

	it.each([
		[['early', 'late'], 'early'],
		[['late', 'early'], 'late']
	])('fires the first loss in the order written (%j)', (order, fired) => {
		const losses = {
			early: { id: 'early', title: '', when: when(clause.from('specification')), narrative: '' },
			late: { id: 'late', title: '', when: when(clause.from('tender')), narrative: '' }
		};
		const scenario = clinic({ losses: order.map((id) => losses[id as keyof typeof losses]) });

		expect(drive(scenario, 'rival-push').getSnapshot().output?.reason).toBe(fired);
	});

	it('checks losses only after a move', () => {
		const loss = {
			id: 'cold',
			title: '',
			when: when(clause.atMost('user', 'neutral')),
			narrative: ''
		};
		const scenario = clinic({ losses: [loss] });

		expect(drive(scenario).getSnapshot().status).toBe('active');
		expect(drive(scenario, 'meet-buyer').getSnapshot().output?.reason).toBe('cold');
	});

	it('checks losses before the decision when the clock runs out', () => {
		const loss = { id: 'late', title: '', when: when(clause.from('decision')), narrative: '' };
		const scenario = clinic({ losses: [loss] });

		expect(drive(scenario, 'wait', 'wait', 'wait', 'wait').getSnapshot().output?.reason).toBe(
			'late'
		);
	});

	it('rebuilds from a replayed log exactly the deal that live play built', () => {
		const scenario = clinic();
		const live = drive(scenario, ...WINNING).getSnapshot();
		const replayed = replayDeal(scenario, logOf(...WINNING));

		expect(replayed.ok && replayed.context).toEqual(live.context);
		expect(replayed.ok && replayed.outcome).toEqual(live.output);
		expect(replayed.ok && replayed.status).toBe('done');
	});

	it('applies a repeated submission of the same turn once', () => {
		const actor = drive(clinic(), 'meet-buyer');
		const before = actor.getSnapshot().context;
		actor.send({ type: 'move.play', moveId: 'shadow-shift', seq: 1 });
		actor.send({ type: 'move.play', moveId: 'shadow-shift', seq: 3 });

		expect(actor.getSnapshot().context).toBe(before);
	});
});
