import { describe, expect, it } from 'vitest';
import { lineStance } from '../../../src/lib/deal/stances';
import { play } from '../support/deal';
import { clinic, effect, move, person } from '../support/scenario-builder';

describe('lineStance', () => {
	it.each([
		// [stance value, influence] per person on the user line → line stance value
		[
			[
				[1, 2],
				[0, 1]
			],
			0
		],
		[
			[
				[1, 1],
				[1, 4]
			],
			1
		],
		[
			[
				[2, 1],
				[1, 1]
			],
			1
		],
		[
			[
				[-1, 1],
				[0, 1]
			],
			-1
		],
		[
			[
				[-1, 3],
				[2, 1]
			],
			-1
		],
		[
			[
				[1, 3],
				[-2, 1]
			],
			0
		],
		[
			[
				[2, 5],
				[-2, 5]
			],
			0
		],
		[
			[
				[-2, 1],
				[-1, 1]
			],
			-2
		],
		[
			[
				[0, 1],
				[-1, 2]
			],
			-1
		]
	])('averages %j by influence and rounds down to %i', (people, expected) => {
		const stances = Object.fromEntries(people.map(([value], i) => [`p${i}`, value]));
		const scenario = clinic({
			people: people.map(([, influence], i) => person(`p${i}`, 'user', 'neutral', influence))
		});

		expect(lineStance(scenario, stances, 'user')).toBe(expected);
	});

	it('has no stance for a line without people', () => {
		expect(lineStance(clinic(), {}, 'finance')).toBeNull();
	});
});

describe('move effects', () => {
	const twoNurses = clinic({
		people: [
			person('nurse-a', 'user', 'supportive', 1),
			person('nurse-b', 'user', 'sceptical', 1),
			person('it-chen', 'technical', 'neutral', 1, { 'sso-need': 'SSO.' })
		],
		moves: [
			move('boost', 'user', { cost: 0, repeatable: true, effects: [effect.shift('nurse-a', 5)] }),
			move('sink', 'user', { cost: 0, repeatable: true, effects: [effect.shift('user', -3)] }),
			move('lift', 'user', { cost: 0, repeatable: true, effects: [effect.shift('user', 1)] }),
			move('ask', 'technical', { cost: 0, repeatable: true, effects: [effect.reveal('sso-need')] }),
			move('spec-early', 'user', { cost: 0, effects: [effect.stage('specification')] }),
			move('tender-now', 'user', { cost: 0, effects: [effect.stage('tender')] })
		],
		losses: []
	});

	it.each<[string[], Record<string, number>]>([
		[['boost'], { 'nurse-a': 2, 'nurse-b': -1 }],
		[['lift'], { 'nurse-a': 2, 'nurse-b': 0 }],
		[['lift', 'lift', 'lift'], { 'nurse-a': 2, 'nurse-b': 2 }],
		[['sink'], { 'nurse-a': -2, 'nurse-b': -2 }],
		[['sink', 'lift'], { 'nurse-a': -1, 'nurse-b': -1 }]
	])('clamps stances between opposed and champion after %j', (moves, expected) => {
		const { stances } = play(twoNurses, ...moves);

		expect(stances).toMatchObject(expected);
	});

	it('reveals intel once and records which turn revealed it', () => {
		const context = play(twoNurses, 'ask', 'ask');

		expect(context.intel).toEqual(['sso-need']);
		expect(context.timeline.map((turn) => turn.revealed)).toEqual([[], ['sso-need'], []]);
	});

	it('moves the stage forward through a stage effect', () => {
		expect(play(twoNurses, 'tender-now').stage).toBe('tender');
	});

	it('never moves the stage back through a stage effect', () => {
		const context = play(twoNurses, 'tender-now', 'spec-early');

		expect(context.stage).toBe('tender');
		expect(context.timeline.at(-1)).toMatchObject({ stageBefore: 'tender', stage: 'tender' });
	});

	it('starts everyone at the stance the scenario gives', () => {
		expect(play(twoNurses).stances).toEqual({ 'nurse-a': 1, 'nurse-b': -1, 'it-chen': 0 });
	});
});
