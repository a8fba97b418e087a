/** `# People`: the customer's stakeholders on each line and the intel they hold. */
import { checkId, readEntry } from './entries';
import { checkFields, type Field } from './fields';
import type { FrontMatter } from './front-matter';
import type { Declaration } from './ids';
import type { HeadingNode } from './outline';
import type { Problems } from './problems';
import { readLineNodes } from './sections';
import type { Intel, Line, Person } from './types';
import { stanceOf, STANCE_NAMES_HINT } from './vocabulary';
import { integerOf, textOf, type FieldMap } from './values';

const SCHEMA = {
	required: ['role', 'stance', 'influence', 'cares'],
	optional: ['knows'],
	repeatable: ['knows']
};

export interface PeopleRead {
	people: Person[];
	declarations: Declaration[];
}

export function readPeople(
	section: HeadingNode | undefined,
	source: string,
	meta: FrontMatter,
	problems: Problems
): PeopleRead {
	const read: PeopleRead = { people: [], declarations: [] };
	for (const { line, node } of readLineNodes(section, meta, problems)) {
		for (const child of node.children) {
			if (child.depth !== 3) {
				problems.report(
					child.offset,
					`unexpected heading "${child.text.text}" under a line`,
					'write each person as `### id: Name`'
				);
				continue;
			}
			const entry = readEntry(child, source, false, problems);
			if (entry === null) continue;

			const fields = checkFields(entry.fields, SCHEMA, entry.offset, problems);
			const person = buildPerson(entry.id.text, entry.title.text, line, fields, problems);
			read.people.push(person);
			read.declarations.push({ id: entry.id, kind: 'person' });
			read.declarations.push(...intelDeclarations(fields.get('knows') ?? [], problems));
		}
	}

	return read;
}

function buildPerson(
	id: string,
	name: string,
	line: Line,
	fields: FieldMap,
	problems: Problems
): Person {
	return {
		id,
		name,
		line,
		role: textOf(fields, 'role', problems) ?? '',
		stance: readStance(fields, problems),
		influence: integerOf(fields, 'influence', 1, 5, problems) ?? 1,
		cares: textOf(fields, 'cares', problems) ?? '',
		intel: (fields.get('knows') ?? []).map((field) => readIntel(field, id, problems))
	};
}

function readStance(fields: FieldMap, problems: Problems): Person['stance'] {
	const value = fields.get('stance')?.[0]?.value;
	if (value === undefined) return 'neutral';
	const stance = stanceOf(value.text);
	if (stance === null)
		problems.report(
			value.offsetOf(0),
			`unknown stance "${value.text}"`,
			`write one of: ${STANCE_NAMES_HINT}`
		);

	return stance ?? 'neutral';
}

function readIntel(field: Field, holder: string, problems: Problems): Intel {
	if (field.value.text === '') {
		problems.report(
			field.keyText.offsetOf(0),
			`the intel "${field.argument?.text}" has no text`,
			'write what the person knows after the colon'
		);
	}

	return { id: field.argument?.text ?? '', text: field.value.text, holder };
}

function intelDeclarations(fields: Field[], problems: Problems): Declaration[] {
	return fields.map((field) => {
		const id = field.argument!;
		checkId(id, problems);

		return { id, kind: 'intel' };
	});
}
