import type { ParseResult, ScenarioError } from './types';

/** Parses one scenario file into a typed scenario or a list of located errors. */
export function parseScenario(source: string, file: string): ParseResult {
	void source;

	return {
		ok: false,
		errors: [{ file, line: 1, column: 1, message: 'the parser is not written yet', fix: 'wait' }]
	};
}

/** Formats an error like a compiler: `file:line:column: message — fix`. */
export function formatScenarioError(e: ScenarioError): string {
	return `${e.file}:${e.line}:${e.column}: ${e.message} — ${e.fix}`;
}
