/** `# Moves`: what the rep can do on each line, and what it changes. */
import { readCondition, readEffects } from './clauses';
import type { Entry } from './entries';
import { checkFields } from './fields';
import type { FrontMatter } from './front-matter';
import type { Declaration } from './ids';
import type { HeadingNode } from './outline';
import { excerpt, type Problems } from './problems';
import type { References } from './references';
import { readLineEntries } from './sections';
import type { Line, Move } from './types';
import { MAX_WEEKS } from './vocabulary';
import { integerOf, textOf, valuesOf, yesNoValueOf, type FieldMap } from './values';

const SCHEMA = {
	required: ['cost'],
	optional: ['with', 'when', 'refused', 'effects', 'repeatable'],
	repeatable: ['when']
};

export interface MoveDraft {
	line: Line;
	entry: Entry;
}

/** First pass: the moves' ids and lines, so conditions anywhere can refer to any move. */
export function readMoveDrafts(
	section: HeadingNode | undefined,
	source: string,
	meta: FrontMatter,
	problems: Problems
): MoveDraft[] {
	return readLineEntries(section, source, meta, problems, {
		readsText: true,
		form: 'move as `### id: Label`'
	});
}

export function moveDeclarations(drafts: MoveDraft[]): Declaration[] {
	return drafts.map(({ entry }) => ({ id: entry.id, kind: 'move' }));
}

/** Second pass: the full move, with its references resolved. */
export function buildMove(draft: MoveDraft, refs: References, problems: Problems): Move {
	const { line, entry } = draft;
	const fields = checkFields(entry.fields, SCHEMA, entry.offset, problems);
	const effects = fields.get('effects')?.[0]?.value;

	return {
		id: entry.id.text,
		line,
		label: entry.title.text,
		with: readWith(fields, line, refs, problems),
		cost: integerOf(fields, 'cost', 0, MAX_WEEKS, problems) ?? 0,
		when: readCondition(valuesOf(fields, 'when'), refs, problems),
		refusal: textOf(fields, 'refused', problems),
		effects: effects ? readEffects(effects, refs, problems) : [],
		repeatable: yesNoValueOf(fields, 'repeatable', false, problems) ?? false,
		narrative: entry.narrative
	};
}

function readWith(
	fields: FieldMap,
	line: Line,
	refs: References,
	problems: Problems
): string | null {
	const value = fields.get('with')?.[0]?.value;
	if (value === undefined) return null;
	const personLine = refs.people.get(value.text);
	if (personLine === undefined) {
		problems.report(
			value.offsetOf(0),
			`unknown person "${excerpt(value.text)}" in \`with\``,
			'write the id of a person defined under # People'
		);
	} else if (personLine !== line) {
		problems.report(
			value.offsetOf(0),
			`"${excerpt(value.text)}" is on the ${personLine} line, not on this move's ${line} line`,
			`move the move under the ${personLine} line, or work with a person on the ${line} line`
		);
	}

	return value.text;
}
