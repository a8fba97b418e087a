/** The one namespace that people, intel, moves, loss triggers and rules share. */
import type { Span } from './positions';
import { excerpt, type Problems } from './problems';
import { MAX_ID_LENGTH } from './vocabulary';

export type IdKind = 'person' | 'intel' | 'move' | 'loss trigger' | 'rule';

export interface Declaration {
	id: Span;
	kind: IdKind;
}

/** Reports every id declared a second time, at the later declaration, in file order. */
export function checkDuplicateIds(declarations: Declaration[], problems: Problems): void {
	const first = new Map<string, Declaration>();
	const inFileOrder = [...declarations].sort((a, b) => a.id.offsetOf(0) - b.id.offsetOf(0));
	for (const declaration of inFileOrder) {
		const earlier = first.get(declaration.id.text);
		if (earlier === undefined) {
			first.set(declaration.id.text, declaration);
			continue;
		}

		const line = problems.lineAt(earlier.id.offsetOf(0));
		problems.report(
			declaration.id.offsetOf(0),
			`duplicate id "${excerpt(declaration.id.text)}": a ${earlier.kind} on line ${line} already has it`,
			'give this one a different id; all ids in a file share one namespace'
		);
	}
}

/** The message for an id past MAX_ID_LENGTH; `what` names the kind of id. */
export function idTooLong(what: string, id: string): string {
	return `${what} "${excerpt(id)}" is ${id.length} characters long; an id may be at most ${MAX_ID_LENGTH}`;
}

export const ID_TOO_LONG_FIX = `shorten it to ${MAX_ID_LENGTH} characters or fewer`;
