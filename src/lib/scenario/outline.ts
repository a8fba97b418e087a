/**
 * The body of a scenario as a tree of headings, built from marked's block tokens. Tokens carry
 * no positions, but their `raw` texts add up to the source, so each block's offset is the sum
 * of the raw lengths before it.
 */
import { getDefaults, Lexer, type Token, type Tokens } from 'marked';
import { spanAt, type Span } from './positions';

export interface Block {
	token: Token;
	/** Source offset of the block's first character. */
	offset: number;
}

export interface HeadingNode {
	depth: number;
	/** The heading's text (without `#` marks), located in the source. */
	text: Span;
	offset: number;
	/** Blocks between this heading and its first sub-heading (or the next heading). */
	blocks: Block[];
	children: HeadingNode[];
	/** Offset just after the heading line. */
	contentStart: number;
	/** Offset where the next heading of the same or a higher level begins. */
	end: number;
}

export interface Outline {
	/** Blocks before the first `#` heading. */
	preamble: Block[];
	/** The `#` headings; a deeper heading before any `#` is kept here too, to be reported. */
	sections: HeadingNode[];
}

/**
 * Lexes the body and locates every block; `start` is the body's offset in the source. Only the
 * block pass runs: the parser reads no inline markup, and marked's emphasis rules take seconds
 * on a few dozen KB of `_a_a…`. Throws when marked gives up (a stack overflow on deep nesting).
 */
export function lexBlocks(source: string, start: number): Block[] {
	const blocks: Block[] = [];
	let cursor = start;
	const lexer = new Lexer({ ...getDefaults(), gfm: true });
	for (const token of lexer.blockTokens(source.slice(start))) {
		const offset = source.startsWith(token.raw, cursor)
			? cursor
			: source.indexOf(token.raw, cursor);
		const at = offset === -1 ? cursor : offset;
		blocks.push({ token, offset: at });
		cursor = at + token.raw.length;
	}

	return blocks;
}

export function buildOutline(source: string, start: number): Outline {
	const outline: Outline = { preamble: [], sections: [] };
	const open: HeadingNode[] = [];
	for (const block of lexBlocks(source, start)) {
		if (block.token.type !== 'heading') {
			const current = open.at(-1);
			if (current) current.blocks.push(block);
			else outline.preamble.push(block);
			continue;
		}

		const node = headingNode(block.token as Tokens.Heading, block.offset, source.length);
		while (open.length > 0 && open[open.length - 1].depth >= node.depth)
			open.pop()!.end = node.offset;
		const parent = open.at(-1);
		if (parent) parent.children.push(node);
		else outline.sections.push(node);
		open.push(node);
	}

	return outline;
}

function headingNode(token: Tokens.Heading, offset: number, sourceEnd: number): HeadingNode {
	const index = token.raw.indexOf(token.text);
	const textStart = offset + (index === -1 ? token.depth : index);

	return {
		depth: token.depth,
		text: spanAt(token.text, textStart),
		offset,
		blocks: [],
		children: [],
		contentStart: offset + token.raw.length,
		end: sourceEnd
	};
}

/** Blocks that carry content: everything but blank space. */
export function contentBlocks(blocks: Block[]): Block[] {
	return blocks.filter((block) => block.token.type !== 'space');
}
