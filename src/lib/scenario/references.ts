/** What ids name in one scenario, for resolving conditions, effects and rules. */
import type { Span } from './positions';
import { excerpt, type Problems } from './problems';
import type { Act, Line, Party } from './types';
import { lineOf, LINE_NAMES_HINT } from './vocabulary';

export interface References {
	/** Person id → the person's line. */
	people: Map<string, Line>;
	intel: Set<string>;
	moves: Set<string>;
}

/** A line (either spelling) or a person id; reports anything else. */
export function resolveParty(word: Span, refs: References, problems: Problems): Party | null {
	const line = lineOf(word.text);
	if (line) return { kind: 'line', line };
	if (refs.people.has(word.text)) return { kind: 'person', id: word.text };
	problems.report(
		word.offsetOf(0),
		`unknown person or line "${excerpt(word.text)}"`,
		`write a line (${LINE_NAMES_HINT}) or the id of a person defined under # People`
	);

	return null;
}

/** A line, a move id or an intel id; reports anything else. */
export function resolveAct(word: Span, refs: References, problems: Problems): Act | null {
	const line = lineOf(word.text);
	if (line) return { kind: 'line', line };
	if (refs.moves.has(word.text)) return { kind: 'move', id: word.text };
	if (refs.intel.has(word.text)) return { kind: 'intel', id: word.text };
	if (refs.people.has(word.text)) {
		problems.report(
			word.offsetOf(0),
			`"${excerpt(word.text)}" is a person, and a rule checks what the rep does`,
			"write the person's line, a move id or an intel id instead"
		);
	} else {
		problems.report(
			word.offsetOf(0),
			`unknown move, intel or line "${excerpt(word.text)}" in a rule`,
			'write the id of a move defined under # Moves, an intel id from a `knows` line, or a line'
		);
	}

	return null;
}

export function resolveMove(word: Span, refs: References, problems: Problems): string | null {
	if (refs.moves.has(word.text)) return word.text;
	problems.report(
		word.offsetOf(0),
		`unknown move "${excerpt(word.text)}"`,
		'write the id of a move defined under # Moves'
	);

	return null;
}

export function resolveIntel(word: Span, refs: References, problems: Problems): string | null {
	if (refs.intel.has(word.text)) return word.text;
	problems.report(
		word.offsetOf(0),
		`unknown intel "${excerpt(word.text)}"`,
		'write an id given in a `- knows ID: …` line under # People'
	);

	return null;
}
