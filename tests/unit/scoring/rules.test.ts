import { describe, expect, it } from 'vitest';
import { judgeRule } from '../../../src/lib/scoring/checks';
import { displayScore } from '../../../src/lib/scoring/score';
import type { Act, RuleCheck } from '../../../src/lib/scenario/types';
import { play } from '../support/deal';
import { clause, clinic, effect, move, when } from '../support/scenario-builder';

const user: Act = { kind: 'line', line: 'user' };
const procurement: Act = { kind: 'line', line: 'procurement' };
const refRule: Act = { kind: 'intel', id: 'ref-rule' };

/** The clinic without losses, plus free moves and one that reveals intel and opens the tender. */
const scenario = clinic({
	losses: [],
	moves: [
		...clinic().moves,
		move('cheer', 'user', { cost: 0, repeatable: true, effects: [effect.shift('nurse-lee', 1)] }),
		move('chase-buyer', 'procurement', { cost: 0, repeatable: true }),
		move('tender-call', 'procurement', {
			cost: 0,
			effects: [effect.reveal('ref-rule'), effect.stage('tender')]
		})
	]
});

/** [passed, decided turn] of a check after the moves. */
function judge(check: RuleCheck, moves: string[]) {
	const { passed, decidedBy } = judgeRule(scenario, play(scenario, ...moves), check);

	return [passed, decidedBy?.seq ?? null];
}

describe('judgeRule', () => {
	it.each<[string, RuleCheck, string[], [boolean, number | null]]>([
		[
			'before: needs every first act strictly earlier',
			{ kind: 'before', first: [user, refRule], then: { kind: 'move', id: 'director-lunch' } },
			['shadow-shift', 'sso-workshop', 'director-lunch'],
			[false, 3]
		],
		[
			'before: passes when all first acts came earlier',
			{ kind: 'before', first: [user, refRule], then: { kind: 'line', line: 'technical' } },
			['meet-buyer', 'shadow-shift', 'sso-workshop'],
			[true, 3]
		],
		[
			'before: an act in the same move is not before',
			{ kind: 'before', first: [refRule], then: procurement },
			['meet-buyer'],
			[false, 1]
		],
		[
			'before: passes when the second act never happens',
			{ kind: 'before', first: [user], then: procurement },
			['wait'],
			[true, null]
		],
		[
			'before STAGE: the move that begins the stage still counts',
			{ kind: 'before', first: [procurement], then: { kind: 'stage', stage: 'tender' } },
			['tender-call'],
			[true, 1]
		],
		[
			'before STAGE: fails at the move that begins the stage',
			{ kind: 'before', first: [procurement], then: { kind: 'stage', stage: 'specification' } },
			['wait', 'meet-buyer'],
			[false, 1]
		],
		[
			'before STAGE: passes when the stage never begins',
			{ kind: 'before', first: [procurement], then: { kind: 'stage', stage: 'tender' } },
			['shadow-shift'],
			[true, null]
		],
		[
			'in: judges the stage the move began in',
			{ kind: 'in', act: procurement, stage: 'discovery' },
			['shadow-shift', 'meet-buyer', 'wait'],
			[true, 2]
		],
		[
			'in: fails when the act first comes in another stage',
			{ kind: 'in', act: procurement, stage: 'discovery' },
			['wait', 'meet-buyer'],
			[false, 2]
		],
		[
			'in: fails when the act never happens',
			{ kind: 'in', act: procurement, stage: 'discovery' },
			['wait'],
			[false, null]
		],
		[
			'within: judges the week the move starts',
			{ kind: 'within', act: refRule, fromWeek: 1, toWeek: 3 },
			['shadow-shift', 'meet-buyer'],
			[true, 2]
		],
		[
			'within: fails before the window',
			{ kind: 'within', act: refRule, fromWeek: 1, toWeek: 3 },
			['meet-buyer'],
			[false, 1]
		],
		[
			'within: fails after the window',
			{ kind: 'within', act: refRule, fromWeek: 1, toWeek: 3 },
			['wait', 'wait', 'tender-call'],
			[false, 3]
		],
		[
			'within: fails when the act never happens',
			{ kind: 'within', act: refRule, fromWeek: 0, toWeek: 9 },
			['wait'],
			[false, null]
		],
		[
			'only when: judges the condition as it stood before the move',
			{
				kind: 'only-when',
				act: { kind: 'move', id: 'shadow-shift' },
				when: when(clause.atLeast('user', 'supportive'))
			},
			['shadow-shift'],
			[false, 1]
		],
		[
			'only when: passes when the act never happens',
			{ kind: 'only-when', act: user, when: when(clause.atLeast('user', 'champion')) },
			['meet-buyer'],
			[true, null]
		],
		[
			'stance-by: judged right after the move that begins the stage',
			{
				kind: 'stance-by',
				party: { kind: 'person', id: 'nurse-lee' },
				stance: 'supportive',
				by: 'specification'
			},
			['wait', 'cheer'],
			[false, 1]
		],
		[
			'stance-by: judged at the close when the stage never begins',
			{
				kind: 'stance-by',
				party: { kind: 'line', line: 'user' },
				stance: 'supportive',
				by: 'tender'
			},
			['shadow-shift'],
			[true, 1]
		],
		[
			'stance-by: a line without people never holds',
			{ kind: 'stance-by', party: { kind: 'line', line: 'finance' }, stance: 'opposed', by: 'end' },
			['wait'],
			[false, 1]
		],
		[
			'worked-by: counts the move that begins the stage',
			{ kind: 'worked-by', line: 'procurement', times: 1, by: 'tender' },
			['tender-call', 'chase-buyer'],
			[true, 1]
		],
		[
			'worked-by: does not count moves after the stage began',
			{ kind: 'worked-by', line: 'procurement', times: 2, by: 'tender' },
			['tender-call', 'chase-buyer'],
			[false, 1]
		],
		[
			'worked-by: end counts the whole deal',
			{ kind: 'worked-by', line: 'user', times: 2, by: 'end' },
			['shadow-shift', 'wait', 'wait'],
			[true, 2]
		],
		[
			'at most moves: the close move is not counted',
			{ kind: 'at-most', limit: 1, unit: 'moves' },
			['tender-call', 'close'],
			[true, 2]
		],
		[
			'at most moves: fails at the first move past the limit',
			{ kind: 'at-most', limit: 1, unit: 'moves' },
			['meet-buyer', 'wait', 'wait'],
			[false, 2]
		],
		[
			'at most weeks: a deal closed in the limit week passes',
			{ kind: 'at-most', limit: 6, unit: 'weeks' },
			['wait', 'wait', 'close'],
			[true, 3]
		],
		[
			'at most weeks: fails at the move that passes the limit',
			{ kind: 'at-most', limit: 5, unit: 'weeks' },
			['wait', 'wait', 'close'],
			[false, 2]
		],
		['won: fails while the deal is undecided', { kind: 'won' }, ['wait'], [false, null]]
	])('%s', (_rule, check, moves, expected) => {
		expect(judge(check, moves)).toEqual(expected);
	});
});

describe('displayScore', () => {
	it.each([
		[399, 499, '79.9'],
		[1999, 2500, '79.9'],
		[4, 5, '80.0'],
		[1, 3, '33.3'],
		[2, 3, '66.6'],
		[115, 120, '95.8'],
		[10, 10, '100.0'],
		[0, 10, '0.0'],
		[0, 0, '0.0']
	])('shows %i of %i as %s, rounded down', (earned, possible, shown) => {
		expect(displayScore(earned, possible)).toBe(shown);
	});
});
