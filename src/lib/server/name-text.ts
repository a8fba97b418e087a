/**
 * Characters a name must not hold: control characters, which end up raw in exports and logs
 * (a NUL once reached the CSV), and the invisible marks that reverse the direction of text,
 * which make a name read differently from what it is.
 */

/** C0 and C1 controls, DEL, and the line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** What is wrong with the characters of a name, as an instruction naming `what`; or null. */
export function nameCharacterProblem(name: string, what: string): string | null {
	if (CONTROL.test(name)) {
		return `Remove the control character (a tab, line break or other invisible code) from the ${what}; type it again rather than pasting it.`;
	}
	if (BIDI_CONTROL.test(name)) {
		return `Remove the invisible text-direction mark from the ${what}; type it again rather than pasting it.`;
	}

	return null;
}
