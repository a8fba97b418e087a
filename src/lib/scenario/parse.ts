/**
 * The scenario parser: markdown in, a typed scenario or located errors out. Pure: it runs in
 * node, in the browser's authoring preview, in the CLI and in tests alike.
 */
import { readFrontMatter, splitFrontMatter, type FrontMatter } from './front-matter';
import { contentHash } from './hash';
import { checkDuplicateIds } from './ids';
import { buildMove, moveDeclarations, readMoveDrafts } from './moves';
import { checkNesting, sizeError, TOO_DEEP } from './limits';
import { buildOutline, type Outline } from './outline';
import { buildDecision, buildLoss, lossDeclarations, readOutcomeDraft } from './outcome';
import { readPeople } from './people';
import { createLocator, normaliseSource } from './positions';
import { createProblems, type Problems } from './problems';
import type { References } from './references';
import { buildRules, readRuleDrafts, ruleDeclarations } from './scoring';
import { readProse, readSections } from './sections';
import type { Line, ParseResult, Person, Scenario, ScenarioError } from './types';

/** Parses one scenario file into a typed scenario or a list of located errors. */
export function parseScenario(source: string, file: string): ParseResult {
	const tooBig = sizeError(source, file);
	if (tooBig) return { ok: false, errors: [tooBig] };

	const text = normaliseSource(source);
	const problems = createProblems(file, createLocator(text));
	const split = splitFrontMatter(text);
	if (split === null) {
		problems.report(
			0,
			'the front matter is never closed',
			'end the metadata with a line that holds only `---`'
		);

		return { ok: false, errors: problems.list() };
	}

	const meta = readFrontMatter(split, problems);
	const outline = readOutline(text, split.bodyStart, problems);
	if (outline === null) return { ok: false, errors: problems.list() };

	const scenario = readBody(text, outline, split.bodyStart, meta, problems);
	if (problems.count > 0) return { ok: false, errors: problems.list() };

	return { ok: true, scenario };
}

/** The body's headings and blocks, or null (reported) when the markdown reader cannot take it. */
function readOutline(text: string, bodyStart: number, problems: Problems): Outline | null {
	if (!checkNesting(text, bodyStart, problems)) return null;
	try {
		const outline = buildOutline(text, bodyStart);
		checkParagraphs(outline, problems);

		return outline;
	} catch {
		// Whatever marked failed on, the file is refused with an error rather than a crash.
		problems.report(0, TOO_DEEP.message, TOO_DEEP.fix);

		return null;
	}
}

/**
 * Prose is rendered with marked's inline rules, whose time grows faster than the length of a
 * paragraph on some inputs (long runs of `_` or `*`). No narrative needs a paragraph this long.
 */
const MAX_PARAGRAPH = 10_000;

function checkParagraphs(outline: Outline, problems: Problems): void {
	const nodes = [...outline.sections];
	const blocks = [...outline.preamble];
	for (let node = nodes.pop(); node; node = nodes.pop()) {
		blocks.push(...node.blocks);
		nodes.push(...node.children);
	}
	for (const { token, offset } of blocks) {
		if (token.type !== 'paragraph' || token.raw.length <= MAX_PARAGRAPH) continue;
		problems.report(
			offset,
			`a paragraph of ${token.raw.length.toLocaleString('en')} characters is too long`,
			`split it into paragraphs of at most ${MAX_PARAGRAPH.toLocaleString('en')} characters`
		);
	}
}

function readBody(
	text: string,
	outline: Outline,
	bodyStart: number,
	meta: FrontMatter,
	problems: Problems
): Scenario {
	const sections = readSections(outline, meta, bodyStart, problems);
	const { people, declarations } = readPeople(sections.people, text, meta, problems);
	const moveDrafts = readMoveDrafts(sections.moves, text, meta, problems);
	const outcome = readOutcomeDraft(sections.outcome, text, problems);
	const ruleDrafts = readRuleDrafts(sections.scoring, text, problems);
	const allDeclarations = [
		...declarations,
		...moveDeclarations(moveDrafts),
		...lossDeclarations(outcome),
		...ruleDeclarations(ruleDrafts)
	];
	checkDuplicateIds(allDeclarations, problems);
	checkCompetitorLine(meta, problems);

	const refs = referencesOf(
		people,
		moveDrafts.map(({ entry }) => entry.id.text)
	);
	const lines = new Set<Line>(people.map((person) => person.line));
	const defaults = meta.defaultRules
		? { lines, size: meta.size, competitorHolds: meta.competitorHolds, language: meta.language }
		: null;

	return {
		id: meta.id,
		version: contentHash(text),
		title: meta.title,
		language: meta.language,
		summary: meta.summary,
		size: meta.size,
		weeks: meta.weeks,
		stageStarts: meta.stageStarts,
		competitor: meta.competitor,
		competitorHolds: meta.competitorHolds,
		passMark: meta.passMark,
		briefing: readProse(sections.briefing, text, problems),
		people,
		moves: moveDrafts.map((draft) => buildMove(draft, refs, problems)),
		decision: buildDecision(outcome.decision, refs, problems),
		losses: outcome.losses.map((entry) => buildLoss(entry, refs, problems)),
		rules: buildRules(ruleDrafts, defaults, { refs, problems, weeks: meta.weeks }),
		debrief: readProse(sections.debrief, text, problems)
	};
}

function referencesOf(people: Person[], moveIds: string[]): References {
	return {
		people: new Map(people.map((person) => [person.id, person.line])),
		intel: new Set(people.flatMap((person) => person.intel.map((intel) => intel.id))),
		moves: new Set(moveIds)
	};
}

function checkCompetitorLine(meta: FrontMatter, problems: Problems): void {
	if (meta.competitorHolds !== 'finance' || meta.size === 'large') return;
	problems.report(
		meta.competitorHoldsOffset,
		`the competitor holds the finance line in a ${meta.size} deal`,
		'name another line, or set `size: large`'
	);
}

/** Formats an error like a compiler: `file:line:column: message — fix`. */
export function formatScenarioError(e: ScenarioError): string {
	return `${e.file}:${e.line}:${e.column}: ${e.message} — ${e.fix}`;
}
