/** The YAML header between `---` lines: the deal's metadata. */
import { isMap, parseDocument, type Pair } from 'yaml';
import type { Problems } from './problems';
import { DEAL_SIZES, LANGUAGES, type Scenario } from './types';
import { MAX_WEEKS } from './vocabulary';
import { FieldReader } from './yaml-fields';

/** The scenario's metadata as the front matter gives it, before the body is read. */
export type FrontMatter = Pick<
	Scenario,
	| 'id'
	| 'title'
	| 'language'
	| 'summary'
	| 'size'
	| 'weeks'
	| 'stageStarts'
	| 'competitor'
	| 'competitorHolds'
	| 'passMark'
> & {
	/** Where `competitor_holds` is written, to point at it when the line turns out not to fit. */
	competitorHoldsOffset: number;
	defaultRules: boolean;
};

export interface SplitSource {
	/** The YAML text and its offset, or null when the file has no front matter. */
	yaml: { text: string; start: number; end: number } | null;
	bodyStart: number;
}

const FENCE = '---';

/** Finds the front matter's fences by scanning lines; null when it is opened but never closed. */
export function splitFrontMatter(source: string): SplitSource | null {
	const firstEnd = lineEnd(source, 0);
	if (source.slice(0, firstEnd).trimEnd() !== FENCE) return { yaml: null, bodyStart: 0 };

	for (let start = firstEnd + 1; start < source.length; start = lineEnd(source, start) + 1) {
		const end = lineEnd(source, start);
		if (source.slice(start, end).trimEnd() !== FENCE) continue;
		const yaml = { text: source.slice(firstEnd + 1, start), start: firstEnd + 1, end: start };

		return { yaml, bodyStart: Math.min(end + 1, source.length) };
	}

	return null;
}

function lineEnd(source: string, from: number): number {
	const end = source.indexOf('\n', from);

	return end === -1 ? source.length : end;
}

/** Reads and checks the metadata; invalid values are reported and replaced by fallbacks. */
export function readFrontMatter(split: SplitSource, problems: Problems): FrontMatter {
	const meta = fallbackFrontMatter();
	if (split.yaml === null) {
		problems.report(
			0,
			'the file has no front matter',
			'start the file with a `---` line, the metadata in YAML, and another `---` line'
		);

		return meta;
	}

	const { text, start, end } = split.yaml;
	const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
	// Only the first YAML error: the ones after it are usually the parser losing its footing.
	const [error] = document.errors;
	if (error) {
		problems.report(
			start + error.pos[0],
			`the front matter is not valid YAML: ${error.message}`,
			'fix the YAML syntax on this line (a `key: value` per line, nested lines indented)'
		);

		return meta;
	}
	if (!isMap(document.contents)) {
		problems.report(
			start,
			'the front matter is not a list of `key: value` lines',
			'write one `key: value` per line between the `---` lines'
		);

		return meta;
	}

	const fields = new FieldReader(document.contents.items as Pair[], start, end, problems);
	fillFrontMatter(meta, fields);

	return meta;
}

function fallbackFrontMatter(): FrontMatter {
	return {
		id: '',
		title: '',
		language: 'en',
		summary: '',
		size: 'mid',
		weeks: MAX_WEEKS, // the widest, so a bad `weeks` does not also fail every stage week
		stageStarts: { discovery: 0, specification: 0, tender: 0, decision: 0 },
		competitor: '',
		competitorHolds: null,
		competitorHoldsOffset: 0,
		passMark: 70,
		defaultRules: true
	};
}

function fillFrontMatter(meta: FrontMatter, fields: FieldReader): void {
	meta.id = fields.id('id');
	meta.title = fields.text('title', true) ?? '';
	meta.summary = fields.text('summary', true) ?? '';
	meta.competitor = fields.text('competitor', true) ?? '';
	meta.language = fields.choice('language', LANGUAGES, true) ?? meta.language;
	meta.size = fields.choice('size', DEAL_SIZES, true) ?? meta.size;
	meta.weeks = fields.integer('weeks', 1, MAX_WEEKS) ?? meta.weeks;
	meta.stageStarts = fields.stages(meta.weeks) ?? meta.stageStarts;
	meta.competitorHolds = fields.line('competitor_holds');
	meta.competitorHoldsOffset = fields.offsetOf('competitor_holds');
	meta.passMark = fields.number('pass_mark', 0, 100) ?? meta.passMark;
	meta.defaultRules = fields.yesNo('default_rules') ?? true;
	fields.reportUnknownKeys();
}
