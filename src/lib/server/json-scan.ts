/**
 * A small JSON scanner used only when a stored file is wrong: it finds where a syntax error
 * sits (Node's JSON.parse does not always say) and where the value at a path begins, so a
 * schema violation can be reported with a line and column like a parse error.
 */

export type JsonPath = (string | number)[];

export interface TextPosition {
	line: number;
	column: number;
}

class JsonSyntaxError extends Error {
	constructor(readonly offset: number) {
		super(`JSON syntax error at offset ${offset}`);
	}
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;

class Scanner {
	index = 0;
	readonly starts = new Map<string, number>();

	constructor(readonly text: string) {}

	document(): void {
		this.value([]);
		this.skipWhitespace();
		if (this.index < this.text.length) throw new JsonSyntaxError(this.index);
	}

	private value(path: JsonPath): void {
		this.skipWhitespace();
		this.starts.set(pathKey(path), this.index);

		const char = this.text[this.index];
		if (char === '{') return this.object(path);
		if (char === '[') return this.array(path);
		if (char === '"') return void this.match(STRING);

		const literal = LITERALS.find((word) => this.text.startsWith(word, this.index));
		if (literal) this.index += literal.length;
		else this.match(NUMBER);
	}

	private object(path: JsonPath): void {
		this.index += 1;
		this.skipWhitespace();
		if (this.text[this.index] === '}') return void (this.index += 1);

		for (;;) {
			this.skipWhitespace();
			const key = JSON.parse(this.match(STRING)) as string;
			this.skipWhitespace();
			this.expect(':');
			this.value([...path, key]);
			if (this.separator('}')) return;
		}
	}

	private array(path: JsonPath): void {
		this.index += 1;
		this.skipWhitespace();
		if (this.text[this.index] === ']') return void (this.index += 1);

		for (let item = 0; ; item += 1) {
			this.value([...path, item]);
			if (this.separator(']')) return;
		}
	}

	/** Consumes `,` (more to come) or the closing bracket (done). */
	private separator(close: string): boolean {
		this.skipWhitespace();
		if (this.text[this.index] === close) {
			this.index += 1;
			return true;
		}
		this.expect(',');

		return false;
	}

	private expect(char: string): void {
		if (this.text[this.index] !== char) throw new JsonSyntaxError(this.index);
		this.index += 1;
	}

	private match(pattern: RegExp): string {
		pattern.lastIndex = this.index;
		const found = pattern.exec(this.text);
		if (!found || found[0] === '') throw new JsonSyntaxError(this.index);
		this.index += found[0].length;

		return found[0];
	}

	private skipWhitespace(): void {
		WHITESPACE.lastIndex = this.index;
		WHITESPACE.exec(this.text);
		this.index = WHITESPACE.lastIndex;
	}
}

function pathKey(path: JsonPath): string {
	return JSON.stringify(path);
}

/** The offset where the text stops being valid JSON, or null when it is valid. */
export function findSyntaxError(text: string): number | null {
	try {
		new Scanner(text).document();
		return null;
	} catch (error) {
		if (error instanceof JsonSyntaxError) return error.offset;
		throw error;
	}
}

/** The offset where the value at `path` begins in valid JSON text; 0 if it cannot be found. */
export function findValue(text: string, path: JsonPath): number {
	const scanner = new Scanner(text);
	try {
		scanner.document();
	} catch {
		return 0;
	}
	for (let depth = path.length; depth >= 0; depth -= 1) {
		const start = scanner.starts.get(pathKey(path.slice(0, depth)));
		if (start !== undefined) return start;
	}

	return 0;
}

/** The 1-based line and column of an offset; a CRLF counts as one line break. */
export function positionAt(text: string, offset: number): TextPosition {
	const before = text.slice(0, Math.min(offset, text.length));
	const lines = before.split(/\r?\n/);

	return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
