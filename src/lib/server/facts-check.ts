/** The shape check for the dashboard facts a trainee's index keeps with each finished attempt. */
import type { AttemptFacts, BrokenRule } from '../scoring/facts';
import { LINES, STAGES, type Line } from '../scenario/types';
import { arrayOf, boolean, literal, object, string, type Check } from './schema';

const LINE_LIST = `${LINES.slice(0, -1).join(', ')} or ${LINES[LINES.length - 1]}`;

/** Per-line booleans where any line may be absent; a key that names no line is refused. */
const coverage: Check<Partial<Record<Line, boolean>>> = (value, path) => {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { path, expected: 'must be an object' };
	}
	for (const [key, entry] of Object.entries(value)) {
		if (!(LINES as readonly string[]).includes(key)) {
			return { path: [...path, key], expected: `must be under one of the lines ${LINE_LIST}` };
		}
		const found = boolean(entry, [...path, key]);
		if (found) return found;
	}

	return null;
};

const brokenRule: Check<BrokenRule> = object<BrokenRule>({ ruleId: string, title: string });

/** Checks the facts read back from a trainee's index before a dashboard counts them. */
export const attemptFactsCheck: Check<AttemptFacts> = object<AttemptFacts>({
	stageReached: literal(...STAGES),
	coverage,
	brokenSequencing: arrayOf(brokenRule)
});
