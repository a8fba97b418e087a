/**
 * `npm run scenarios:check [files…]`: parses every content/scenarios/*.md (and any files given)
 * and prints each error as `file:line:column: message — fix`. Exits 1 if any file has an error
 * or two files share a scenario id.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatScenarioError, parseScenario } from '../src/lib/scenario/parse';
import { normaliseSource } from '../src/lib/scenario/positions';

const SCENARIO_DIR = 'content/scenarios';

function scenarioFiles(extra: string[]): string[] {
	const shipped = existsSync(SCENARIO_DIR)
		? readdirSync(SCENARIO_DIR)
				.filter((name) => name.endsWith('.md'))
				.sort()
				.map((name) => join(SCENARIO_DIR, name))
		: [];
	const given = extra.map((file) => relative(process.cwd(), file));

	return [...new Set([...shipped, ...given])];
}

/** Checks one file; returns its scenario id when it is valid. */
function checkFile(file: string): string | null {
	const result = parseScenario(readFileSync(file, 'utf8'), file);
	if (!result.ok) {
		for (const error of result.errors) console.error(formatScenarioError(error));

		return null;
	}
	console.log(`ok  ${file} (${result.scenario.title})`);

	return result.scenario.id;
}

/** The front matter line that holds the scenario's id, to point a duplicate at it. */
function idLine(file: string): number {
	const lines = normaliseSource(readFileSync(file, 'utf8')).split('\n');

	return Math.max(1, lines.findIndex((line) => line.startsWith('id:')) + 1);
}

function main(): number {
	const files = scenarioFiles(process.argv.slice(2));
	if (files.length === 0) console.log(`no scenarios found in ${SCENARIO_DIR}`);

	let hasErrors = false;
	const fileById = new Map<string, string>();
	for (const file of files) {
		const id = checkFile(file);
		if (id === null) {
			hasErrors = true;
			continue;
		}
		const other = fileById.get(id);
		if (other !== undefined) {
			console.error(
				`${file}:${idLine(file)}:1: duplicate scenario id "${id}", also used by ${other} — give each scenario its own \`id\``
			);
			hasErrors = true;
		}
		fileById.set(id, file);
	}

	return hasErrors ? 1 : 0;
}

process.exitCode = main();
