/** `# Outcome`: how the deal is won at the close, and the ways to lose it early. */
import { readCondition } from './clauses';
import { readEntry, reportHeadings, reportStrayBlocks, type Entry } from './entries';
import { checkFields, readFields } from './fields';
import type { Declaration } from './ids';
import { contentBlocks, type HeadingNode } from './outline';
import type { Problems } from './problems';
import type { References } from './references';
import type { Decision, LossTrigger } from './types';
import { textOf, valuesOf } from './values';
import { outcomePartOf } from './vocabulary';

const DECISION_SCHEMA = {
	required: ['win when', 'won', 'lost'],
	optional: [],
	repeatable: ['win when']
};
const LOSS_SCHEMA = { required: ['when'], optional: [], repeatable: ['when'] };

export interface OutcomeDraft {
	decision: HeadingNode | null;
	losses: Entry[];
}

/** First pass: finds `## Decision` and reads the loss triggers' headings. */
export function readOutcomeDraft(
	section: HeadingNode | undefined,
	source: string,
	problems: Problems
): OutcomeDraft {
	const draft: OutcomeDraft = { decision: null, losses: [] };
	if (section === undefined) return draft;
	reportStrayBlocks(section.blocks, problems);
	for (const node of section.children) {
		const part = node.depth === 2 ? outcomePartOf(node.text.text) : null;
		if (part === 'decision' && draft.decision !== null)
			reportSecondDecision(node, draft.decision, problems);
		else if (part === 'decision') draft.decision = node;
		else if (part === 'losses') draft.losses.push(...readLossEntries(node, source, problems));
		else reportHeadings([node], 'in # Outcome (expected `## Decision` or `## Losses`)', problems);
	}
	if (draft.decision === null) {
		problems.report(
			section.offset,
			'the outcome has no `## Decision`',
			'add `## Decision` with `- win when: …`, `- won: …` and `- lost: …`'
		);
	}

	return draft;
}

function reportSecondDecision(node: HeadingNode, first: HeadingNode, problems: Problems): void {
	problems.report(
		node.offset,
		`\`## Decision\` is written twice (first on line ${problems.lineAt(first.offset)})`,
		'keep one `## Decision` list'
	);
}

function readLossEntries(node: HeadingNode, source: string, problems: Problems): Entry[] {
	reportStrayBlocks(node.blocks, problems);
	const entries = node.children.map((child) => readEntry(child, source, true, problems));

	return entries.filter((entry) => entry !== null);
}

export function lossDeclarations(draft: OutcomeDraft): Declaration[] {
	return draft.losses.map((entry) => ({ id: entry.id, kind: 'loss trigger' }));
}

/** Second pass: the decision's fields; a missing decision reads as an empty one (already reported). */
export function buildDecision(
	node: HeadingNode | null,
	refs: References,
	problems: Problems
): Decision {
	if (node === null) return { winWhen: { clauses: [], source: [] }, won: '', lost: '' };
	const [list, ...rest] = contentBlocks(node.blocks);
	const isList = list?.token.type === 'list';
	reportStrayBlocks(isList ? rest : node.blocks, problems);
	reportHeadings(node.children, 'under `## Decision`', problems);
	const fields = checkFields(
		isList ? readFields(list, problems) : [],
		DECISION_SCHEMA,
		node.offset,
		problems
	);

	return {
		winWhen: readCondition(valuesOf(fields, 'win when'), refs, problems),
		won: textOf(fields, 'won', problems) ?? '',
		lost: textOf(fields, 'lost', problems) ?? ''
	};
}

export function buildLoss(entry: Entry, refs: References, problems: Problems): LossTrigger {
	const fields = checkFields(entry.fields, LOSS_SCHEMA, entry.offset, problems);

	return {
		id: entry.id.text,
		title: entry.title.text,
		when: readCondition(valuesOf(fields, 'when'), refs, problems),
		narrative: entry.narrative
	};
}
