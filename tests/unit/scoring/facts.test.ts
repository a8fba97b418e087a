import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenario } from '../../../src/lib/scenario/parse';
import type { Scenario } from '../../../src/lib/scenario/types';
import { attemptFacts, coveredLine, type AttemptFacts } from '../../../src/lib/scoring/facts';
import { scoreAttempt } from '../../../src/lib/scoring/score';
import type { ScoreReport } from '../../../src/lib/scoring/types';
import { attemptFactsCheck } from '../../../src/lib/server/facts-check';
import { describePath } from '../../../src/lib/server/schema';
import { logOf, play } from '../support/deal';

/*
 * Facts of the shipped scenarios' recorded paths (tests/fixtures/shipped-paths.json). The
 * expected facts were worked out from the rules in the files, as in shipped-scenarios.test.ts.
 */

const ROOT = new URL('../../../', import.meta.url);
const recorded = JSON.parse(
	readFileSync(fileURLToPath(new URL('tests/fixtures/shipped-paths.json', ROOT)), 'utf8')
) as Record<string, Record<'win' | 'lossTrigger' | 'lossDecision', string[]>>;

function load(id: string): Scenario {
	const file = `content/scenarios/${id}.md`;
	const result = parseScenario(readFileSync(fileURLToPath(new URL(file, ROOT)), 'utf8'), file);
	if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));

	return result.scenario;
}

/** Plays the moves, scores them and reads the facts, the way the store will on the last move. */
function factsOf(id: string, moves: string[], edit = (report: ScoreReport) => report) {
	const scenario = load(id);
	const context = play(scenario, ...moves);
	const report = edit(scoreAttempt(scenario, logOf(...moves), context));

	return attemptFacts(scenario, report, context);
}

describe('attemptFacts', () => {
	it('reads the city-hospital win: decision reached, the users let down by one doctor', () => {
		// The bid went in during week 14 and the customer decided: the deal reached the decision
		// although the calendar's decision stage (week 20) had not begun. The user line's
		// consultants-on-board failed (Dr. Osei never worked); every other line's rules passed.
		expect(factsOf('city-hospital', recorded['city-hospital'].win)).toEqual({
			stageReached: 'decision',
			coverage: {
				user: false,
				technical: true,
				management: true,
				procurement: true,
				finance: true
			},
			brokenSequencing: []
		});
	});

	it('reads the city-hospital early loss: broken rules tested, untested ones left out', () => {
		// Turn 1 interviews the users; turn 2's board demo starts the tender and loses on
		// qualification. Management came first without support, procurement and finance never
		// came before the tender, and the spec was never shaped. The budget rules watch moves
		// never played, so the loss left them untested and they are not listed.
		expect(factsOf('city-hospital', recorded['city-hospital'].lossTrigger)).toEqual({
			stageReached: 'tender',
			coverage: {
				user: false, // nursing director only supportive, not champion
				technical: false, // never worked, CIO sceptical
				management: true, // worked at turn 2
				procurement: false,
				finance: false
			},
			brokenSequencing: [
				// The coach's rules come first in the scenario's list, then the defaults.
				{ ruleId: 'spec-in-specification', title: 'Shape the spec while it is being written' },
				{ ruleId: 'management-after-support', title: 'Go to management with support behind you' },
				{ ruleId: 'procurement-before-tender', title: 'Work with procurement before the tender' },
				{ ruleId: 'finance-before-tender', title: 'Learn the budget before the tender' }
			]
		});
	});

	it('leaves out a line whose coverage rules were all untested', () => {
		const untestedManagement = (report: ScoreReport): ScoreReport => ({
			...report,
			groups: {
				...report.groups,
				coverage: report.groups.coverage.map((verdict) =>
					verdict.ruleId === 'management-worked' ? { ...verdict, isTested: false } : verdict
				)
			}
		});
		const facts = factsOf(
			'city-hospital',
			recorded['city-hospital'].lossTrigger,
			untestedManagement
		);

		expect(facts.coverage).toEqual({
			user: false,
			technical: false,
			procurement: false,
			finance: false
		});
	});

	it('judges no finance line in a deal without one', () => {
		// zh-city-bureau has no finance people; hotline-champion (users at champion) failed.
		expect(factsOf('zh-city-bureau', recorded['zh-city-bureau'].win)).toEqual({
			stageReached: 'decision',
			coverage: { user: false, technical: true, management: true, procurement: true },
			brokenSequencing: []
		});
	});
});

describe('coveredLine', () => {
	const hospital = load('city-hospital');
	const rule = (id: string) => hospital.rules.find((candidate) => candidate.id === id)!;

	it.each([
		['finance-worked', 'finance'], // worked-by a line
		['technical-before-spec-freeze', 'technical'], // stance of a line
		['consultants-on-board', 'user'], // stance of a person: Dr. Osei is on the user line
		['procurement-head-warm', 'procurement'],
		['budget-before-price', null] // a sequencing rule covers no line
	])('%s covers %s', (id, line) => {
		expect(coveredLine(hospital, rule(id))).toBe(line);
	});
});

describe('attemptFactsCheck', () => {
	const good: AttemptFacts = {
		stageReached: 'decision',
		coverage: { user: true, finance: false },
		brokenSequencing: [{ ruleId: 'users-early', title: 'Meet the users during discovery' }]
	};

	it('accepts facts as the scoring engine writes them, after a trip through JSON', () => {
		const facts = factsOf('city-hospital', recorded['city-hospital'].lossTrigger);

		expect(attemptFactsCheck(JSON.parse(JSON.stringify(facts)), ['facts'])).toBeNull();
		expect(attemptFactsCheck(good, ['facts'])).toBeNull();
	});

	it.each([
		[
			{ ...good, stageReached: 'award' },
			'facts.stageReached',
			'must be "discovery" or "specification" or "tender" or "decision"'
		],
		[{ coverage: {}, brokenSequencing: [] }, 'facts.stageReached', 'is missing'],
		[{ ...good, coverage: null }, 'facts.coverage', 'must be an object'],
		[{ ...good, coverage: { user: 'yes' } }, 'facts.coverage.user', 'must be true or false'],
		[
			{ ...good, coverage: { legal: true } },
			'facts.coverage.legal',
			'must be under one of the lines user, technical, management, procurement or finance'
		],
		[
			{ ...good, brokenSequencing: [{ ruleId: 'x' }] },
			'facts.brokenSequencing[0].title',
			'is missing'
		]
	])('refuses %j at %s', (value, path, expected) => {
		const found = attemptFactsCheck(value, ['facts']);

		expect(found && [describePath(found.path), found.expected]).toEqual([path, expected]);
	});
});
