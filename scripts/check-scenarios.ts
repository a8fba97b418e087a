/**
 * `npm run scenarios:check [files…]`: parses every content/scenarios/*.md (and any files given)
 * and prints each error as `file:line:column: message — fix`. Exits 1 if any file has an error,
 * cannot be read, or two files share a scenario id.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeScenarioBytes } from '../src/lib/scenario/decode';
import { formatScenarioError, parseScenario } from '../src/lib/scenario/parse';
import { normaliseSource } from '../src/lib/scenario/positions';
import type { ScenarioError } from '../src/lib/scenario/types';

const SCENARIO_DIR = 'content/scenarios';

/** Why a file could not be read, in words rather than an error code. */
const READ_FAILURES: Record<string, string> = {
	ENOENT: 'no such file',
	EISDIR: 'it is a directory',
	EACCES: 'permission denied'
};

interface Checked {
	id: string;
	text: string;
}

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

/** Checks one file; returns its id and text when it is valid, null when it is not. */
function checkFile(file: string): Checked | null {
	const decoded = decodeScenarioBytes(readFileSync(file), file);
	if (!decoded.ok) return printErrors(decoded.errors);
	const result = parseScenario(decoded.text, file);
	if (!result.ok) return printErrors(result.errors);
	console.log(`ok  ${file} (${result.scenario.title})`);

	return { id: result.scenario.id, text: decoded.text };
}

function printErrors(errors: ScenarioError[]): null {
	for (const error of errors) console.error(formatScenarioError(error));

	return null;
}

/** Like checkFile, but a file that cannot be read or parsed is one error line, not a crash. */
function checkFileSafely(file: string): Checked | null {
	try {
		return checkFile(file);
	} catch (error) {
		console.error(`${file}: cannot read it (${describeFailure(error)})`);

		return null;
	}
}

function describeFailure(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | null)?.code;
	if (code !== undefined && code in READ_FAILURES) return READ_FAILURES[code];

	return error instanceof Error ? error.message : String(error);
}

/** The front matter line that holds the scenario's id, to point a duplicate at it. */
function idLine(text: string): number {
	const lines = normaliseSource(text).split('\n');

	return Math.max(1, lines.findIndex((line) => line.startsWith('id:')) + 1);
}

function main(): number {
	const files = scenarioFiles(process.argv.slice(2));
	if (files.length === 0) console.log(`no scenarios found in ${SCENARIO_DIR}`);

	let hasErrors = false;
	const fileById = new Map<string, string>();
	for (const file of files) {
		const checked = checkFileSafely(file);
		if (checked === null) {
			hasErrors = true;
			continue;
		}
		const other = fileById.get(checked.id);
		if (other !== undefined) {
			console.error(
				`${file}:${idLine(checked.text)}:1: duplicate scenario id "${checked.id}", also used by ${other} — give each scenario its own \`id\``
			);
			hasErrors = true;
		}
		fileById.set(checked.id, file);
	}

	return hasErrors ? 1 : 0;
}

process.exitCode = main();
