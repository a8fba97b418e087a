/** `### id: Title` headings with their `- key: value` list and, where read, narrative text. */
import { readFields, type Field } from './fields';
import { contentBlocks, type Block, type HeadingNode } from './outline';
import { colonIndex, sliceSpan, trimSpan, type Span } from './positions';
import { idTooLong, ID_TOO_LONG_FIX } from './ids';
import { excerpt, type Problems } from './problems';
import { isWellFormedId, MAX_ID_LENGTH, RESERVED_IDS } from './vocabulary';

export interface Entry {
	id: Span;
	title: Span;
	/** Offset of the `###` heading, where missing keys are reported. */
	offset: number;
	fields: Field[];
	/** Markdown after the list, trimmed; empty when the entry reads no text. */
	narrative: string;
}

/** Reads `### id: Title`; reports a heading without an id and returns null. */
export function readEntry(
	node: HeadingNode,
	source: string,
	readsText: boolean,
	problems: Problems
): Entry | null {
	const heading = splitHeading(node.text, problems);
	if (heading === null) return null;

	const blocks = contentBlocks(node.blocks);
	const list = blocks[0]?.token.type === 'list' ? blocks[0] : null;
	const rest = list ? blocks.slice(1) : blocks;
	const fields = list ? readFields(list, problems) : [];
	reportHeadings(node.children, 'under a `###` heading', problems);
	if (!readsText) reportStrayBlocks(rest, problems);
	const narrative =
		readsText && rest.length > 0 ? source.slice(rest[0].offset, node.end).trim() : '';

	return { ...heading, offset: node.offset, fields, narrative };
}

function splitHeading(text: Span, problems: Problems): Pick<Entry, 'id' | 'title'> | null {
	const colon = colonIndex(text.text);
	const id = trimSpan(sliceSpan(text, 0, colon === -1 ? text.text.length : colon));
	if (colon === -1 && !isWellFormedId(id.text)) {
		problems.report(
			text.offsetOf(0),
			`the heading "${excerpt(text.text)}" has no id`,
			'write the heading as `### id: Title`, e.g. `### head-nurse: Lee Min`'
		);

		return null;
	}

	const title = trimSpan(sliceSpan(text, colon === -1 ? text.text.length : colon + 1));
	checkId(id, problems);
	if (title.text === '') {
		problems.report(
			title.offsetOf(0),
			`"${excerpt(id.text)}" has no name or title after its id`,
			`write it after a colon: \`### ${id.text}: Title\``
		);
	}

	return { id, title };
}

/** Reports an id that is malformed, reserved or too long. */
export function checkId(id: Span, problems: Problems): void {
	if (!isWellFormedId(id.text)) {
		problems.report(
			id.offsetOf(0),
			`"${excerpt(id.text)}" is not a valid id`,
			'use lowercase ASCII letters, digits and `-`, starting with a letter or digit, e.g. `head-nurse`'
		);
	} else if (RESERVED_IDS.includes(id.text)) {
		problems.report(
			id.offsetOf(0),
			`"${excerpt(id.text)}" is a reserved word and cannot be an id`,
			`choose another id; ${RESERVED_IDS.join(', ')} are reserved`
		);
	} else if (id.text.length > MAX_ID_LENGTH) {
		problems.report(id.offsetOf(0), idTooLong('the id', id.text), ID_TOO_LONG_FIX);
	}
}

/** Reports content that stands where the format reads nothing. */
export function reportStrayBlocks(blocks: Block[], problems: Problems): void {
	for (const block of contentBlocks(blocks)) {
		problems.report(
			block.offset,
			`text where no text is read (${describe(block)})`,
			'remove it, or move it into the briefing, a narrative, an explanation or the debrief'
		);
	}
}

/** Reports headings that have no place here. */
export function reportHeadings(nodes: HeadingNode[], where: string, problems: Problems): void {
	for (const node of nodes) {
		problems.report(
			node.offset,
			`unexpected heading "${excerpt(`${'#'.repeat(node.depth)} ${node.text.text}`)}" ${where}`,
			'check the heading level and spelling against content/README.md'
		);
	}
}

function describe(block: Block): string {
	return `${block.token.type}: "${excerpt(block.token.raw)}"`;
}
