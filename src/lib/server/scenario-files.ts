/**
 * Reading scenario files for the catalogue: load and parse each file, reuse what has not
 * changed, and sort the results into valid and broken scenarios.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeScenarioBytes } from '../scenario/decode';
import { parseScenario } from '../scenario/parse';
import type { ParseResult, Scenario, ScenarioError } from '../scenario/types';
import { displayPath } from './store-file';

/** A scenario that parsed, with where it came from and the text it was parsed from. */
export interface CatalogueScenario {
	file: string;
	scenario: Scenario;
	source: string;
}

/** A scenario file with mistakes: shown to coaches, hidden from trainees. */
export interface BrokenScenario {
	file: string;
	errors: ScenarioError[];
}

export interface Catalogue {
	scenarios: CatalogueScenario[];
	broken: BrokenScenario[];
}

export interface LoadedFile {
	stamp: string;
	file: string;
	source: string;
	result: ParseResult;
}

async function loadFile(absolute: string, stamp: string): Promise<LoadedFile> {
	const file = displayPath(absolute);
	try {
		const decoded = decodeScenarioBytes(await readFile(absolute), file);
		if (!decoded.ok) return { stamp, file, source: '', result: decoded };

		return { stamp, file, source: decoded.text, result: safeParse(decoded.text, file) };
	} catch (error) {
		const problem = `the file cannot be read (${(error as Error).message})`;
		return { stamp, file, source: '', result: failure(file, problem, 'check its permissions') };
	}
}

/** A parser bug must not take the catalogue down with it: report it on the file instead. */
export function safeParse(source: string, file: string): ParseResult {
	try {
		return parseScenario(source, file);
	} catch (error) {
		const problem = `the parser failed (${(error as Error).message})`;
		return failure(file, problem, 'report this file to the developers');
	}
}

function failure(file: string, message: string, fix: string): ParseResult {
	return { ok: false, errors: [{ file, line: 1, column: 1, message, fix }] };
}

/** The line of `id:` in the front matter, for pointing at a duplicate id. */
function idLine(source: string): number {
	const lines = source.split(/\r?\n/);
	const found = lines.findIndex((line, index) => index > 0 && /^id\s*[:：]/.test(line));

	return found === -1 ? 1 : found + 1;
}

function duplicateError(loaded: LoadedFile, id: string, twins: LoadedFile[]): ScenarioError {
	const others = twins.map((twin) => twin.file).join(', ');

	return {
		file: loaded.file,
		line: idLine(loaded.source),
		column: 1,
		message: `duplicate scenario id "${id}", also used by ${others}`,
		fix: 'give each scenario file its own id in the front matter'
	};
}

/** Sorts loaded files into valid and broken; scenarios sharing an id are all broken. */
export function assemble(files: LoadedFile[]): Catalogue {
	const catalogue: Catalogue = { scenarios: [], broken: [] };
	const idOf = (f: LoadedFile) => (f.result.ok ? f.result.scenario.id : null);
	for (const loaded of files) {
		if (!loaded.result.ok) {
			catalogue.broken.push({ file: loaded.file, errors: loaded.result.errors });
			continue;
		}
		const { scenario } = loaded.result;
		const twins = files.filter((f) => f !== loaded && idOf(f) === scenario.id);
		if (twins.length > 0) {
			catalogue.broken.push({
				file: loaded.file,
				errors: [duplicateError(loaded, scenario.id, twins)]
			});
		} else {
			catalogue.scenarios.push({ file: loaded.file, scenario, source: loaded.source });
		}
	}

	return catalogue;
}

export function folderError(dir: string, error: unknown): Catalogue {
	const file = displayPath(dir);
	const message = `the scenario folder cannot be read (${(error as Error).message})`;
	const fix = 'create it or set FIVE_LINES_CONTENT to the folder of scenario files';

	return {
		scenarios: [],
		broken: [{ file, errors: [{ file, line: 1, column: 1, message, fix }] }]
	};
}

/** Loads the files in `names`, reusing a previous load when size and time are unchanged. */
export async function reload(
	dir: string,
	names: string[],
	previous: Map<string, LoadedFile>
): Promise<Map<string, LoadedFile>> {
	const loaded = await Promise.all(
		names.map(async (name) => {
			const absolute = path.join(dir, name);
			const info = await stat(absolute).catch(() => null);
			const stamp = info ? `${info.mtimeMs}:${info.size}` : 'missing';
			const known = previous.get(name);

			return [name, known?.stamp === stamp ? known : await loadFile(absolute, stamp)] as const;
		})
	);

	return new Map(loaded);
}

export function isUnchanged(
	before: Map<string, LoadedFile>,
	after: Map<string, LoadedFile>
): boolean {
	return before.size === after.size && [...after].every(([name, f]) => before.get(name) === f);
}
