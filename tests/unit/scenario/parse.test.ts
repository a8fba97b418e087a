import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenario } from '../../../src/lib/scenario/parse';
import type { Scenario } from '../../../src/lib/scenario/types';
import { withLines } from './base';

const FIXTURES = 'tests/fixtures/scenarios';

function parseValid(source: string, file = 'test.md'): Scenario {
	const result = parseScenario(source, file);
	if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));

	return result.scenario;
}

function fixture(name: string): Scenario {
	return parseValid(readFileSync(`${FIXTURES}/${name}`, 'utf8'), name);
}

describe('parseScenario with the English fixture', () => {
	const scenario = fixture('county-clinic.md');

	it('reads the front matter, with defaults for what is left out', () => {
		expect(scenario).toMatchObject({
			id: 'county-clinic-scheduling',
			title: 'County clinic scheduling system',
			language: 'en',
			size: 'mid',
			weeks: 10,
			stageStarts: { discovery: 0, specification: 3, tender: 6, decision: 9 },
			competitorHolds: 'management',
			passMark: 70
		});
		expect(scenario.version).toMatch(/^[0-9a-f]{16}$/);
	});

	it('reads people with their line and intel', () => {
		expect(scenario.people.map((person) => [person.id, person.line])).toEqual([
			['nurse-lee', 'user'],
			['it-chen', 'technical'],
			['director-park', 'management'],
			['buyer-ng', 'procurement']
		]);
		expect(scenario.people[0]).toEqual({
			id: 'nurse-lee',
			name: 'Lee Min',
			line: 'user',
			role: 'Charge nurse, outpatients',
			stance: 'neutral',
			influence: 2,
			cares: 'Fewer phone calls to fill a shift.',
			intel: [
				{
					id: 'roster-pain',
					text: 'Nurses spend four hours a week swapping shifts by phone.',
					holder: 'nurse-lee'
				}
			]
		});
	});

	it('reads moves with conditions, effects and narratives', () => {
		expect(scenario.moves[0]).toEqual({
			id: 'shadow-shift',
			line: 'user',
			label: 'Shadow a shift change',
			with: 'nurse-lee',
			cost: 1,
			when: {
				clauses: [{ kind: 'stage', relation: 'in', stage: 'discovery' }],
				source: ['in discovery']
			},
			refusal: null,
			effects: [
				{ kind: 'stance', party: { kind: 'person', id: 'nurse-lee' }, delta: 1 },
				{ kind: 'reveal', intel: 'roster-pain' }
			],
			repeatable: false,
			narrative: "You spend a morning at the nurses' station. Three calls to fill one gap."
		});
		expect(scenario.moves[2].when.clauses).toEqual([
			{
				kind: 'stance',
				party: { kind: 'line', line: 'user' },
				relation: 'at least',
				stance: 'supportive'
			},
			{
				kind: 'stance',
				party: { kind: 'line', line: 'technical' },
				relation: 'at least',
				stance: 'supportive'
			}
		]);
		expect(scenario.moves[1].refusal).toBe(
			'The IT lead will not meet a vendor the nurses have not asked for.'
		);
	});

	it('reads the decision and the loss triggers', () => {
		expect(scenario.decision.won).toBe('The director signs with you.');
		expect(scenario.decision.winWhen.source).toEqual([
			'management at least supportive',
			'knows ref-rule'
		]);
		expect(scenario.losses).toEqual([
			{
				id: 'disqualified',
				title: 'Disqualified for references',
				when: {
					clauses: [
						{ kind: 'stage', relation: 'from', stage: 'tender' },
						{ kind: 'knows', intel: 'ref-rule', negated: true }
					],
					source: ['from tender', 'not knows ref-rule']
				},
				narrative: 'Your bid lacked the two public-clinic references the tender asked for.'
			}
		]);
	});

	it("puts the coach's rules first, then the defaults that apply", () => {
		expect(
			scenario.rules.map((rule) => [rule.id, rule.group, rule.weight, rule.isDefault])
		).toEqual([
			['users-first', 'sequencing', 10, false],
			['buyer-known', 'coverage', 10, false],
			['lean', 'efficiency', 5, false],
			['users-early', 'sequencing', 10, true],
			['management-after-support', 'sequencing', 15, true],
			['procurement-before-tender', 'sequencing', 10, true],
			['regain-through-technical-and-procurement', 'sequencing', 10, true],
			['technical-before-spec-freeze', 'coverage', 15, true],
			['user-worked', 'coverage', 5, true],
			['technical-worked', 'coverage', 5, true],
			['management-worked', 'coverage', 5, true],
			['procurement-worked', 'coverage', 5, true],
			['won', 'outcome', 30, true]
		]);
	});

	it('reads every rule form it uses', () => {
		const checks = Object.fromEntries(scenario.rules.map((rule) => [rule.id, rule.check]));
		expect(checks['users-first']).toEqual({
			kind: 'before',
			first: [{ kind: 'line', line: 'user' }],
			then: { kind: 'line', line: 'technical' }
		});
		expect(checks['buyer-known']).toEqual({
			kind: 'worked-by',
			line: 'procurement',
			times: 1,
			by: 'tender'
		});
		expect(checks['lean']).toEqual({ kind: 'at-most', limit: 6, unit: 'moves' });
		expect(checks['regain-through-technical-and-procurement']).toEqual({
			kind: 'before',
			first: [
				{ kind: 'line', line: 'technical' },
				{ kind: 'line', line: 'procurement' }
			],
			then: { kind: 'line', line: 'management' }
		});
		expect(scenario.rules[1].blocker).toBe(true);
		expect(scenario.rules[0].explanation).toMatch(/^Real needs come from the users/);
	});

	it('gives default rules English titles and explanations', () => {
		const won = scenario.rules.find((rule) => rule.id === 'won');
		expect(won).toMatchObject({ title: 'Win the deal', blocker: true, check: { kind: 'won' } });
		expect(won?.explanation).not.toBe('');
	});
});

describe('parseScenario with the Chinese fixture', () => {
	const scenario = fixture('zh-water-bureau.md');

	it('reads Chinese headings, keys, full-width colons and names', () => {
		expect(scenario).toMatchObject({
			language: 'zh',
			size: 'large',
			passMark: 75,
			competitorHolds: 'procurement'
		});
		expect(scenario.briefing).toBe('水务局要在 **12 周**内完成招标。');
		expect(
			scenario.people.map((person) => [person.id, person.name, person.line, person.stance])
		).toEqual([
			['meter-wang', '王师傅', 'user', 'neutral'],
			['cfo-li', '李处长', 'finance', 'sceptical']
		]);
		expect(scenario.people[1].intel).toEqual([
			{ id: 'budget-cap', text: '预算上限是 800 万。', holder: 'cfo-li' }
		]);
	});

	it('adds up repeated conditions and reads Chinese stage, line and stance names', () => {
		const [rideAlong, budgetTalk] = scenario.moves;
		expect(rideAlong.when.clauses).toEqual([
			{ kind: 'stage', relation: 'in', stage: 'discovery' },
			{ kind: 'stage', relation: 'before', stage: 'tender' },
			{
				kind: 'stance',
				party: { kind: 'line', line: 'user' },
				relation: 'at most',
				stance: 'supportive'
			}
		]);
		expect(rideAlong.when.source).toEqual(['in 调研', 'before 招标', '用户线 at most 支持']);
		expect(rideAlong.repeatable).toBe(true);
		expect(budgetTalk.effects).toEqual([
			{ kind: 'stance', party: { kind: 'person', id: 'cfo-li' }, delta: 1 },
			{ kind: 'reveal', intel: 'budget-cap' },
			{ kind: 'stage', stage: 'tender' }
		]);
		expect(scenario.decision.winWhen.clauses).toHaveLength(2);
	});

	it('replaces a default rule with the same id and keeps its check when `rule` is left out', () => {
		const won = scenario.rules.filter((rule) => rule.id === 'won');
		expect(won).toEqual([
			expect.objectContaining({
				weight: 0,
				isDefault: false,
				title: '赢单',
				check: { kind: 'won' }
			})
		]);
	});

	it('adds the defaults that fit a large deal, in Chinese', () => {
		expect(scenario.rules.map((rule) => rule.id)).toEqual([
			'users-then-money',
			'won',
			'users-early',
			'finance-before-tender',
			'user-worked',
			'finance-worked'
		]);
		expect(scenario.rules[3].title).toBe('招标前了解预算');
		expect(scenario.rules[0].check).toEqual({
			kind: 'before',
			first: [
				{ kind: 'line', line: 'user' },
				{ kind: 'intel', id: 'route-pain' }
			],
			then: { kind: 'line', line: 'finance' }
		});
	});
});

describe('parseScenario line endings and byte-order mark', () => {
	const lf = withLines({});

	it('gives the same scenario, version included, for CRLF and BOM input', () => {
		const expected = parseValid(lf);
		expect(parseValid(lf.replaceAll('\n', '\r\n'))).toEqual(expected);
		expect(parseValid(`\uFEFF${lf.replaceAll('\n', '\r\n')}`)).toEqual(expected);
	});

	it('gives the same error positions for CRLF and BOM input', () => {
		const broken = withLines({ 46: '- effects: nurse-lee +1; reveal budget' });
		const expected = parseScenario(broken, 'x.md');
		expect(expected.ok).toBe(false);
		expect(parseScenario(`\uFEFF${broken.replaceAll('\n', '\r\n')}`, 'x.md')).toEqual(expected);
	});
});

describe('parseScenario defaults', () => {
	it('switches the default rules off with `default_rules: no`', () => {
		const source = withLines({ 12: 'competitor: A rival.\ndefault_rules: no' });
		expect(parseValid(source).rules.map((rule) => rule.id)).toEqual(['users-first']);
	});

	it('versions by content: an edit changes the version, a re-parse does not', () => {
		const source = withLines({});
		expect(parseValid(source).version).toBe(parseValid(source).version);
		expect(parseValid(withLines({ 17: 'Brief!' })).version).not.toBe(parseValid(source).version);
	});
});

describe('formatScenarioError', () => {
	it('formats like a compiler', () => {
		const text = formatScenarioError({
			file: 'a.md',
			line: 4,
			column: 2,
			message: 'bad',
			fix: 'fix it'
		});
		expect(text).toBe('a.md:4:2: bad — fix it');
	});
});
