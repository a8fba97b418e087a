/** `# People`: the customer's stakeholders on each line and the intel they hold. */
import { checkId, type Entry } from './entries';
import { checkFields, type Field } from './fields';
import type { FrontMatter } from './front-matter';
import type { Declaration } from './ids';
import type { HeadingNode } from './outline';
import type { Span } from './positions';
import { excerpt, type Problems } from './problems';
import { readLineEntries } from './sections';
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
	const kind = { readsText: false, form: 'person as `### id: Name`' };
	for (const { line, entry } of readLineEntries(section, source, meta, problems, kind)) {
		readPerson(entry, line, read, problems);
	}

	return read;
}

/** Adds one person and the ids it declares (its own and its intel's) to `read`. */
function readPerson(entry: Entry, line: Line, read: PeopleRead, problems: Problems): void {
	const fields = checkFields(entry.fields, SCHEMA, entry.offset, problems);
	const knows = intelFields(fields, problems);
	const id = entry.id.text;
	read.people.push({
		id,
		name: entry.title.text,
		line,
		role: textOf(fields, 'role', problems) ?? '',
		stance: readStance(fields, problems),
		influence: integerOf(fields, 'influence', 1, 5, problems) ?? 1,
		cares: textOf(fields, 'cares', problems) ?? '',
		intel: knows.map((field) => readIntel(field, id, problems))
	});
	read.declarations.push({ id: entry.id, kind: 'person' }, ...intelDeclarations(knows, problems));
}

function readStance(fields: FieldMap, problems: Problems): Person['stance'] {
	const value = fields.get('stance')?.[0]?.value;
	if (value === undefined) return 'neutral';
	const stance = stanceOf(value.text);
	if (stance === null)
		problems.report(
			value.offsetOf(0),
			`unknown stance "${excerpt(value.text)}"`,
			`write one of: ${STANCE_NAMES_HINT}`
		);

	return stance ?? 'neutral';
}

/** A `knows ID` field, its id present. */
type IntelField = Field & { argument: Span };

/** The `knows ID` fields; a `knows` without an id is reported at its key and left out. */
function intelFields(fields: FieldMap, problems: Problems): IntelField[] {
	const named: IntelField[] = [];
	for (const field of fields.get('knows') ?? []) {
		const { argument } = field;
		if (argument !== null) named.push({ ...field, argument });
		else
			problems.report(
				field.keyText.offsetOf(0),
				`\`${field.keyText.text}\` needs an id`,
				'write `- knows ID: what they know`'
			);
	}

	return named;
}

function readIntel(field: IntelField, holder: string, problems: Problems): Intel {
	if (field.value.text === '') {
		problems.report(
			field.keyText.offsetOf(0),
			`the intel "${excerpt(field.argument.text)}" has no text`,
			'write what the person knows after the colon'
		);
	}

	return { id: field.argument.text, text: field.value.text, holder };
}

function intelDeclarations(fields: IntelField[], problems: Problems): Declaration[] {
	return fields.map(({ argument }) => {
		checkId(argument, problems);

		return { id: argument, kind: 'intel' };
	});
}
