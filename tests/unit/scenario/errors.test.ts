import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/lib/scenario/parse';
import type { ScenarioError } from '../../../src/lib/scenario/types';
import { BASE_LINES, withLines } from './base';

interface Case {
	name: string;
	edit: Record<number, string>;
	line: number;
	column: number;
	message: string;
	/** How many errors the edit causes in all; 1 unless said. */
	count?: number;
}

const CASES: Case[] = [
	// Front matter
	{
		name: 'bad YAML',
		edit: { 6: 'size: mid: x' },
		line: 6,
		column: 7,
		message: 'not valid YAML: Nested mappings'
	},
	{
		name: 'a tab in the YAML',
		edit: { 9: '\tspecification: 3' },
		line: 9,
		column: 1,
		message: 'not valid YAML: Tabs'
	},
	{
		name: 'a missing front matter key',
		edit: { 5: '# no summary' },
		line: 13,
		column: 1,
		message: 'no `summary`'
	},
	{
		name: 'an unknown front matter key',
		edit: { 12: 'competitor: A rival.\nrival: x' },
		line: 13,
		column: 1,
		message: 'unknown front matter key `rival`'
	},
	{
		name: 'an unknown size',
		edit: { 6: 'size: huge' },
		line: 6,
		column: 7,
		message: 'unknown size "huge"'
	},
	{
		name: 'an unknown language',
		edit: { 4: 'language: fr' },
		line: 4,
		column: 11,
		message: 'unknown language "fr"'
	},
	{
		name: 'weeks out of range',
		edit: { 7: 'weeks: 200' },
		line: 7,
		column: 8,
		message: '`weeks` must be a whole number from 1 to 104'
	},
	{
		name: 'stages not increasing',
		edit: { 10: '  tender: 2' },
		line: 10,
		column: 11,
		message: 'tender begins at week 2, not after specification'
	},
	{
		name: 'a stage at or after the award',
		edit: { 11: '  decision: 10' },
		line: 11,
		column: 13,
		message: 'not before the award at week 10'
	},
	{
		name: 'pass mark out of range',
		edit: { 12: 'competitor: A rival.\npass_mark: 120' },
		line: 13,
		column: 12,
		message: '`pass_mark` must be a number from 0 to 100'
	},
	{
		name: 'an unknown competitor line',
		edit: { 12: 'competitor: A rival.\ncompetitor_holds: sales' },
		line: 13,
		column: 19,
		message: 'unknown line "sales"'
	},
	{
		name: 'an unclosed front matter',
		edit: { 13: '--' },
		line: 1,
		column: 1,
		message: 'never closed'
	},
	// Structure
	{
		name: 'text before the first section',
		edit: { 14: 'Hello.' },
		line: 14,
		column: 1,
		message: 'text where no text is read'
	},
	{
		name: 'an unknown section',
		edit: { 65: '# Debriefing' },
		line: 65,
		column: 1,
		message: 'unknown section "# Debriefing"',
		count: 2
	},
	{
		name: 'a missing required section',
		edit: { 15: '', 17: '' },
		line: 14,
		column: 1,
		message: 'missing section # Briefing'
	},
	{
		name: 'a section written twice',
		edit: { 67: 'Notes.\n\n# Briefing\n\nAgain.' },
		line: 69,
		column: 1,
		message: 'written twice (first on line 15)'
	},
	{
		name: 'an unknown line heading',
		edit: { 30: '## Sales line' },
		line: 30,
		column: 1,
		message: 'unknown line "Sales line"'
	},
	{
		name: 'an unexpected heading',
		edit: { 29: '\n#### Note\n' },
		line: 30,
		column: 1,
		message: 'unexpected heading "#### Note"'
	},
	{
		name: 'a long setext heading, quoted on one line',
		edit: { 1: '' },
		line: 2,
		column: 1,
		message: 'unexpected heading "## id: test-deal…" before the first `#` section',
		count: 2
	},
	{
		name: 'a heading without an id',
		edit: { 42: '### Shadow a shift' },
		line: 42,
		column: 5,
		message: 'has no id'
	},
	{
		name: 'a heading without a title',
		edit: { 42: '### shadow-shift:' },
		line: 42,
		column: 18,
		message: 'has no name or title'
	},
	{
		name: 'text where no text is read',
		edit: { 29: '\nStray words.\n' },
		line: 30,
		column: 1,
		message: 'text where no text is read'
	},
	{
		name: 'a list item that is not key: value',
		edit: { 45: '- whenever' },
		line: 45,
		column: 3,
		message: 'is not a `key: value` line'
	},
	{
		name: 'an unknown key',
		edit: { 46: '- effect: nurse-lee +1' },
		line: 46,
		column: 3,
		message: 'unknown key `effect`'
	},
	{
		name: 'a missing required key',
		edit: { 44: '- repeatable: no' },
		line: 42,
		column: 1,
		message: 'missing `cost`'
	},
	{
		name: 'a key written twice',
		edit: { 45: '- cost: 2' },
		line: 45,
		column: 3,
		message: '`cost` is written twice (first on line 44)'
	},
	{
		name: 'a list nested inside an item',
		edit: { 45: '- refused: Not yet.\n  - when: in discovery' },
		line: 46,
		column: 3,
		message: 'a list inside an item is not read'
	},
	{
		name: '`knows` without an id',
		edit: { 28: '- knows roster-pain: Four hours.\n- knows: Nothing.' },
		line: 29,
		column: 3,
		message: '`knows` needs an id'
	},
	{
		name: 'a key without a value',
		edit: { 24: '- role:' },
		line: 24,
		column: 3,
		message: '`role` has no value'
	},
	{
		name: 'a missing decision',
		edit: { 52: '## Losses' },
		line: 50,
		column: 1,
		message: 'no `## Decision`',
		count: 2
	},
	{
		name: 'a decision written twice',
		edit: { 55: '- lost: Lost.\n\n## Decision' },
		line: 57,
		column: 1,
		message: '`## Decision` is written twice (first on line 52)'
	},
	{
		name: 'a finance line in a mid deal',
		edit: { 37: '\n## Finance line' },
		line: 38,
		column: 1,
		message: 'a finance line in a mid deal'
	},
	// Values
	{
		name: 'an unknown stance',
		edit: { 25: '- stance: happy' },
		line: 25,
		column: 11,
		message: 'unknown stance "happy"'
	},
	{
		name: 'a non-integer influence',
		edit: { 26: '- influence: 2.5' },
		line: 26,
		column: 14,
		message: '`influence` must be a whole number from 1 to 5'
	},
	{
		name: 'an influence out of range',
		edit: { 26: '- influence: 7' },
		line: 26,
		column: 14,
		message: 'from 1 to 5, not "7"'
	},
	{
		name: 'a non-integer cost',
		edit: { 44: '- cost: 1.5' },
		line: 44,
		column: 9,
		message: '`cost` must be a whole number from 0 to 104, not "1.5"'
	},
	{
		name: 'a cost past two years',
		edit: { 44: '- cost: 99999999999999999999999' },
		line: 44,
		column: 9,
		message: '`cost` must be a whole number from 0 to 104, not "99999999999999999999999"'
	},
	{
		name: 'a non-integer weight',
		edit: { 63: '- weight: ten' },
		line: 63,
		column: 11,
		message: '`weight` must be a whole number from 0 to 100'
	},
	{
		name: 'a weight out of range',
		edit: { 63: '- weight: 101' },
		line: 63,
		column: 11,
		message: 'from 0 to 100, not "101"'
	},
	{
		name: 'a bad yes/no',
		edit: { 46: '- repeatable: maybe' },
		line: 46,
		column: 15,
		message: '`repeatable` must be yes or no'
	},
	// Conditions and effects
	{
		name: 'an unreadable condition',
		edit: { 45: '- when: sometimes' },
		line: 45,
		column: 9,
		message: 'cannot read the condition "sometimes"'
	},
	{
		name: 'an empty condition',
		edit: { 45: '- when: ;' },
		line: 45,
		column: 9,
		message: 'the condition is empty'
	},
	{
		name: 'an unknown stage',
		edit: { 45: '- when: in spring' },
		line: 45,
		column: 12,
		message: 'unknown stage "spring"'
	},
	{
		name: 'an unknown line or person',
		edit: { 53: '- win when: sales at least supportive' },
		line: 53,
		column: 13,
		message: 'unknown person or line "sales"'
	},
	{
		name: 'an unknown stance in a condition',
		edit: { 53: '- win when: user at least happy' },
		line: 53,
		column: 27,
		message: 'unknown stance "happy"'
	},
	{
		name: 'an unknown move in a condition',
		edit: { 53: '- win when: played demo-day' },
		line: 53,
		column: 20,
		message: 'unknown move "demo-day"'
	},
	{
		name: 'an unknown intel in an effect',
		edit: { 46: '- effects: nurse-lee +1; reveal budget' },
		line: 46,
		column: 33,
		message: 'unknown intel "budget"'
	},
	{
		name: 'an unknown intel on a continuation line',
		edit: { 46: '- effects: nurse-lee +1;\n  reveal budget' },
		line: 47,
		column: 10,
		message: 'unknown intel "budget"'
	},
	{
		name: 'an unknown intel after Chinese punctuation',
		edit: { 46: '- 效果：nurse-lee +1；reveal 预算' },
		line: 46,
		column: 26,
		message: 'unknown intel "预算"'
	},
	{
		name: 'a word after an emoji, counting code points',
		edit: { 45: '- when: 🌸 at least happy' },
		line: 45,
		column: 20,
		message: 'unknown stance "happy"',
		count: 2
	},
	{
		name: 'an unreadable effect',
		edit: { 46: '- effects: charm nurse-lee' },
		line: 46,
		column: 12,
		message: 'cannot read the effect'
	},
	{
		name: 'an empty effects list',
		edit: { 46: '- effects: ;;;' },
		line: 46,
		column: 12,
		message: 'the effects list is empty'
	},
	{
		name: 'a stage effect to discovery',
		edit: { 46: '- effects: nurse-lee +1; reveal roster-pain; stage discovery' },
		line: 46,
		column: 46,
		message: '"stage discovery" changes nothing: every deal starts in discovery'
	},
	{
		name: 'a stance change out of range',
		edit: { 46: '- effects: nurse-lee +9' },
		line: 46,
		column: 22,
		message: '"+9" is not a stance change'
	},
	{
		name: 'an unknown person in `with`',
		edit: { 43: '- with: nurse-kim' },
		line: 43,
		column: 9,
		message: 'unknown person "nurse-kim"'
	},
	{
		name: '`with` naming a person on another line',
		edit: { 43: '- with: it-chen' },
		line: 43,
		column: 9,
		message: '"it-chen" is on the technical line'
	},
	// Ids
	{
		name: 'a duplicate id',
		edit: { 42: '### nurse-lee: Shadow a shift' },
		line: 42,
		column: 5,
		message: 'duplicate id "nurse-lee": a person on line 23'
	},
	{
		name: 'a duplicate intel id',
		edit: { 36: '- cares: One login.\n- knows roster-pain: Again.' },
		line: 37,
		column: 9,
		message: 'duplicate id "roster-pain": a intel on line 28'
	},
	{
		name: 'a reserved id',
		edit: { 61: '### close: Users first' },
		line: 61,
		column: 5,
		message: '"close" is a reserved word'
	},
	{
		name: 'a malformed id',
		edit: { 61: '### Users_First: Users first' },
		line: 61,
		column: 5,
		message: '"Users_First" is not a valid id'
	},
	{
		name: 'a malformed intel id',
		edit: { 28: '- knows Roster: Four hours.' },
		line: 28,
		column: 9,
		message: '"Roster" is not a valid id',
		count: 2
	},
	{
		name: 'a scenario id over 64 characters',
		edit: { 2: `id: ${'a'.repeat(65)}` },
		line: 2,
		column: 5,
		message: `the scenario id "${'a'.repeat(59)}…" is 65 characters long; an id may be at most 64`
	},
	{
		name: 'a move id over 64 characters',
		edit: { 42: `### ${'s'.repeat(65)}: Shadow a shift` },
		line: 42,
		column: 5,
		message: `the id "${'s'.repeat(59)}…" is 65 characters long; an id may be at most 64`
	},
	{
		name: 'an intel id over 64 characters',
		edit: { 36: `- cares: One login.\n- knows ${'k'.repeat(100)}: Secret.` },
		line: 37,
		column: 9,
		message: 'is 100 characters long; an id may be at most 64'
	},
	// Rules
	{
		name: 'an unreadable rule',
		edit: { 62: '- rule: users go first' },
		line: 62,
		column: 9,
		message: 'cannot read the rule'
	},
	{
		name: 'a rule that names nothing',
		edit: { 62: '- rule: before tender' },
		line: 62,
		column: 9,
		message: 'names nothing to check'
	},
	{
		name: 'a rule form outside its group',
		edit: { 62: '- rule: won' },
		line: 62,
		column: 9,
		message: 'belongs to the outcome group, but it stands under sequencing'
	},
	{
		name: 'an unknown act in a rule',
		edit: { 62: '- rule: user before demo-day' },
		line: 62,
		column: 21,
		message: 'unknown move, intel or line "demo-day"'
	},
	{
		name: 'a person used as an act',
		edit: { 62: '- rule: nurse-lee before technical' },
		line: 62,
		column: 9,
		message: '"nurse-lee" is a person'
	},
	{
		name: 'a bad week range',
		edit: { 62: '- rule: user within weeks 5-2' },
		line: 62,
		column: 27,
		message: 'not a range of weeks'
	},
	{
		name: 'a bad count in a coverage rule',
		edit: { 59: '## Coverage', 62: '- rule: user worked 0 times by tender' },
		line: 62,
		column: 21,
		message: '"0" is not a whole number from 1 to 1000'
	},
	{
		name: 'an efficiency limit past 1000',
		edit: { 59: '## Efficiency', 62: '- rule: at most 99999999999999999999999 moves' },
		line: 62,
		column: 17,
		message: '"99999999999999999999999" is not a whole number from 0 to 1000'
	},
	{
		name: 'an unknown act after acts on two lines',
		edit: { 62: '- rule: user,\n  technical before demo-day' },
		line: 63,
		column: 20,
		message: 'unknown move, intel or line "demo-day" in a rule'
	},
	{
		name: 'acts not separated by commas',
		edit: { 62: '- rule: user user technical before management' },
		line: 62,
		column: 9,
		message: 'the acts "user user technical" are not separated by commas'
	},
	{
		name: 'a missing rule text',
		edit: { 62: '- blocker: yes' },
		line: 61,
		column: 1,
		message: 'missing `rule`'
	}
];

function errorsOf(source: string): ScenarioError[] {
	const result = parseScenario(source, 'deal.md');

	return result.ok ? [] : result.errors;
}

describe('parseScenario errors', () => {
	it('accepts the base scenario the cases break', () => {
		expect(errorsOf(BASE_LINES.join('\n'))).toEqual([]);
	});

	it.each(CASES)(
		'reports $name at its line and column',
		({ edit, line, column, message, count }) => {
			const errors = errorsOf(withLines(edit));
			const found = errors.find((error) => error.message.includes(message));

			expect(found, JSON.stringify(errors, null, 1)).toMatchObject({
				file: 'deal.md',
				line,
				column
			});
			expect(found?.fix).not.toBe('');
			expect(errors).toHaveLength(count ?? 1);
		}
	);

	it('reports a file without front matter and still checks its body', () => {
		const errors = errorsOf(BASE_LINES.slice(13).join('\n'));
		expect(errors).toEqual([
			expect.objectContaining({ line: 1, column: 1, message: 'the file has no front matter' })
		]);
	});

	it('collects several errors, sorted by position', () => {
		const errors = errorsOf(
			withLines({ 6: 'size: huge', 45: '- when: in spring', 25: '- stance: happy' })
		);
		expect(errors.map((error) => [error.line, error.column])).toEqual([
			[6, 7],
			[25, 11],
			[45, 12]
		]);
	});
});
