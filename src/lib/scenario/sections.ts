/** The `#` sections of a scenario and the `##` line headings inside People and Moves. */
import type { FrontMatter } from './front-matter';
import { readEntry, reportHeadings, reportStrayBlocks, type Entry } from './entries';
import type { HeadingNode, Outline } from './outline';
import { excerpt, type Problems } from './problems';
import type { Line } from './types';
import { lineHeadingOf, sectionOf, SECTIONS, type SectionKind } from './vocabulary';

export type Sections = Partial<Record<SectionKind, HeadingNode>>;

const SPELLINGS: Record<SectionKind, string> = {
	briefing: '# Briefing (# 简报)',
	people: '# People (# 人物)',
	moves: '# Moves (# 行动)',
	outcome: '# Outcome (# 结局)',
	scoring: '# Scoring (# 评分)',
	debrief: '# Debrief (# 复盘)'
};

/** Finds each section once; reports unknown, repeated and missing ones and stray text. */
export function readSections(
	outline: Outline,
	meta: FrontMatter,
	bodyStart: number,
	problems: Problems
): Sections {
	const sections: Sections = {};
	reportStrayBlocks(outline.preamble, problems);
	for (const node of outline.sections) {
		if (node.depth !== 1) {
			reportHeadings([node], 'before the first `#` section', problems);
			continue;
		}

		const kind = sectionOf(node.text.text);
		const earlier = kind ? sections[kind] : undefined;
		if (kind === null) {
			problems.report(
				node.offset,
				`unknown section "${excerpt(`# ${node.text.text}`)}"`,
				`use one of: ${SECTIONS.map((name) => SPELLINGS[name]).join(', ')}`
			);
		} else if (earlier) {
			problems.report(
				node.offset,
				`the section "${excerpt(`# ${node.text.text}`)}" is written twice (first on line ${problems.lineAt(earlier.offset)})`,
				'merge the two sections into one'
			);
		} else {
			sections[kind] = node;
		}
	}
	reportMissingSections(sections, meta.defaultRules, bodyStart, problems);

	return sections;
}

function reportMissingSections(
	sections: Sections,
	hasDefaultRules: boolean,
	at: number,
	problems: Problems
): void {
	for (const kind of SECTIONS) {
		if (sections[kind] || (kind === 'scoring' && hasDefaultRules)) continue;
		const why = kind === 'scoring' ? ' (required with `default_rules: no`)' : '';
		problems.report(
			at,
			`missing section ${SPELLINGS[kind]}${why}`,
			`add a \`# ${kind[0].toUpperCase()}${kind.slice(1)}\` heading and its content`
		);
	}
}

/** Markdown of a free-text section (briefing, debrief); reports an empty one. */
export function readProse(
	node: HeadingNode | undefined,
	source: string,
	problems: Problems
): string {
	if (node === undefined) return '';
	const text = source.slice(node.contentStart, node.end).trim();
	if (text === '')
		problems.report(
			node.offset,
			`the section "${excerpt(`# ${node.text.text}`)}" is empty`,
			'write its text under the heading'
		);

	return text;
}

export interface LineNode {
	line: Line;
	node: HeadingNode;
}

/** The `##` line headings of People or Moves; reports unknown lines and a finance line in a small deal. */
export function readLineNodes(
	section: HeadingNode | undefined,
	meta: FrontMatter,
	problems: Problems
): LineNode[] {
	if (section === undefined) return [];
	reportStrayBlocks(section.blocks, problems);
	const lines: LineNode[] = [];
	for (const node of section.children) {
		const line = node.depth === 2 ? lineHeadingOf(node.text.text) : null;
		if (node.depth !== 2)
			reportHeadings([node], 'without a line heading (`## User line`, …) above it', problems);
		else if (line === null) reportUnknownLine(node, problems);
		else if (line === 'finance' && meta.size !== 'large') reportFinance(node, meta, problems);
		else {
			reportStrayBlocks(node.blocks, problems);
			lines.push({ line, node });
		}
	}

	return lines;
}

function reportUnknownLine(node: HeadingNode, problems: Problems): void {
	problems.report(
		node.offset,
		`unknown line "${excerpt(node.text.text)}"`,
		'write one of: User line, Technical line, Management line, Procurement line, Finance line (or user, 用户线, …)'
	);
}

function reportFinance(node: HeadingNode, meta: FrontMatter, problems: Problems): void {
	problems.report(
		node.offset,
		`a finance line in a ${meta.size} deal`,
		'remove the finance line, or set `size: large` in the front matter'
	);
}

/**
 * The `### id: Title` entries under each line heading of People or Moves, with their line; any
 * other heading level there is reported. `kind.form` says in the fix how to write one.
 */
export function readLineEntries(
	section: HeadingNode | undefined,
	source: string,
	meta: FrontMatter,
	problems: Problems,
	kind: { readsText: boolean; form: string }
): { line: Line; entry: Entry }[] {
	const entries: { line: Line; entry: Entry }[] = [];
	for (const { line, node } of readLineNodes(section, meta, problems)) {
		for (const child of node.children) {
			if (child.depth !== 3) {
				problems.report(
					child.offset,
					`unexpected heading "${excerpt(child.text.text)}" under a line`,
					`write each ${kind.form}`
				);
				continue;
			}
			const entry = readEntry(child, source, kind.readsText, problems);
			if (entry) entries.push({ line, entry });
		}
	}

	return entries;
}
