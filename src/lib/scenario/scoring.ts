/** `# Scoring`: the coach's rules, merged with the default rules of good play. */
import { defaultRules, type DefaultRuleContext } from './defaults';
import { readEntry, reportHeadings, reportStrayBlocks, type Entry } from './entries';
import { checkFields } from './fields';
import type { Declaration } from './ids';
import type { HeadingNode } from './outline';
import type { Problems } from './problems';
import { groupOfCheck, readRuleCheck, type RuleContext } from './rule-forms';
import type { Rule, RuleCheck, RuleGroup } from './types';
import { integerOf, yesNoValueOf } from './values';
import { ruleGroupOf } from './vocabulary';

export interface RuleDraft {
	group: RuleGroup;
	entry: Entry;
}

/** First pass: the rules' groups and headings. */
export function readRuleDrafts(
	section: HeadingNode | undefined,
	source: string,
	problems: Problems
): RuleDraft[] {
	if (section === undefined) return [];
	reportStrayBlocks(section.blocks, problems);
	const drafts: RuleDraft[] = [];
	for (const node of section.children) {
		const group = node.depth === 2 ? ruleGroupOf(node.text.text) : null;
		if (group === null) {
			reportHeadings(
				[node],
				'in # Scoring (expected `## Sequencing`, `## Coverage`, `## Outcome` or `## Efficiency`)',
				problems
			);
			continue;
		}
		reportStrayBlocks(node.blocks, problems);
		for (const child of node.children) {
			const entry = readEntry(child, source, true, problems);
			if (entry) drafts.push({ group, entry });
		}
	}

	return drafts;
}

export function ruleDeclarations(drafts: RuleDraft[]): Declaration[] {
	return drafts.map(({ entry }) => ({ id: entry.id, kind: 'rule' }));
}

/**
 * The scenario's rules: the coach's in file order, then the defaults they do not replace. A
 * rule with a default's id may leave out `rule:` to keep the default's check (to reweigh it).
 */
export function buildRules(
	drafts: RuleDraft[],
	defaults: DefaultRuleContext | null,
	context: RuleContext
): Rule[] {
	const builtIn = defaults ? defaultRules(defaults) : [];
	const rules = drafts
		.map((draft) => buildRule(draft, builtIn, context))
		.filter((rule) => rule !== null);
	const replaced = new Set(rules.map((rule) => rule.id));

	return [...rules, ...builtIn.filter((rule) => !replaced.has(rule.id))];
}

function buildRule(draft: RuleDraft, builtIn: Rule[], context: RuleContext): Rule | null {
	const { entry, group } = draft;
	const original = builtIn.find((rule) => rule.id === entry.id.text);
	const schema = {
		required: original ? ['weight'] : ['rule', 'weight'],
		optional: original ? ['rule', 'blocker'] : ['blocker']
	};
	const fields = checkFields(entry.fields, schema, entry.offset, context.problems);
	const ruleText = fields.get('rule')?.[0]?.value;
	const check = ruleText ? readRuleCheck(ruleText, context) : (original?.check ?? null);
	if (check) checkGroup(check, group, ruleText?.offsetOf(0) ?? entry.offset, context.problems);

	return {
		id: entry.id.text,
		group,
		title: entry.title.text,
		check: check ?? { kind: 'won' },
		weight: integerOf(fields, 'weight', 0, 100, context.problems) ?? 0,
		blocker: yesNoValueOf(fields, 'blocker', false, context.problems) ?? false,
		explanation: entry.narrative || (original?.explanation ?? ''),
		isDefault: false
	};
}

function checkGroup(check: RuleCheck, group: RuleGroup, offset: number, problems: Problems): void {
	const fits = groupOfCheck(check);
	if (fits === group) return;
	problems.report(
		offset,
		`this rule belongs to the ${fits} group, but it stands under ${group}`,
		`move it under \`## ${fits[0].toUpperCase()}${fits.slice(1)}\`, or write a rule that fits ${group}`
	);
}
