/**
 * The on-disk adapter behind every lowdb instance: lowdb's TextFile (steno underneath, which
 * writes a temporary file and renames it over the target, so a crash never leaves half a file)
 * plus a parse step that validates the shape and refuses, loudly, what it cannot read.
 */
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { findSyntaxError, findValue, positionAt } from './json-scan';
import { describePath, type Check } from './schema';

const FIX =
	'repair it by hand or restore it from a backup; Five Lines will not write to this file ' +
	'until it reads cleanly.';

/** A stored file that cannot be read as what it should hold. The file is left untouched. */
export class StoreFileError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		readonly column: number,
		readonly problem: string,
		readonly fix: string = FIX
	) {
		super(`${file}:${line}:${column}: ${problem} — ${fix}`);
		this.name = 'StoreFileError';
	}
}

/** A path relative to the working directory when inside it (as people see it), else absolute. */
export function displayPath(file: string): string {
	const relative = path.relative(process.cwd(), file);
	const isInside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);

	return (isInside ? relative : path.resolve(file)).split(path.sep).join('/');
}

/** Parses and checks a stored JSON text, or throws a StoreFileError pointing into it. */
export function parseStored<T>(text: string, file: string, check: Check<T>): T {
	const shown = displayPath(file);
	if (text.trim() === '') {
		const problem = text === '' ? 'the file is empty (zero bytes)' : 'the file holds no JSON';
		throw new StoreFileError(shown, 1, 1, problem);
	}

	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw syntaxError(text, shown, error);
	}

	const violation = check(value, []);
	if (violation) {
		const { line, column } = positionAt(text, findValue(text, violation.path));
		const problem = `${describePath(violation.path)} ${violation.expected}`;
		throw new StoreFileError(shown, line, column, problem);
	}

	return value as T;
}

function syntaxError(text: string, file: string, error: unknown): StoreFileError {
	const message = error instanceof Error ? error.message : String(error);
	const reported = /at position (\d+)/.exec(message);
	const offset = reported ? Number(reported[1]) : (findSyntaxError(text) ?? text.length);
	const { line, column } = positionAt(text, offset);
	// Node's message repeats the whole text for some errors; keep only its first clause.
	const clause = message.replace(/ in JSON at position.*$|, (\.\.\.)?".*$/s, '');
	const problem = `invalid JSON: ${showControls(clause)}`;

	return new StoreFileError(file, line, column, problem);
}

/** A NUL or other control byte quoted from a damaged file would garble a log or a page. */
function showControls(text: string): string {
	return text.replace(
		// eslint-disable-next-line no-control-regex -- finding control characters is the point
		/[\u0000-\u001f\u007f]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}

/** A lowdb adapter for one JSON file whose content must pass `check`. */
export class CheckedJsonFile<T> implements Adapter<T> {
	readonly #file: string;
	readonly #check: Check<T>;
	readonly #text: TextFile;

	constructor(file: string, check: Check<T>) {
		this.#file = file;
		this.#check = check;
		this.#text = new TextFile(file);
	}

	/** The checked content, or null when the file does not exist. */
	async read(): Promise<T | null> {
		const text = await this.#text.read();

		return text === null ? null : parseStored(text, this.#file, this.#check);
	}

	write(data: T): Promise<void> {
		return this.#text.write(`${JSON.stringify(data, null, '\t')}\n`);
	}
}
