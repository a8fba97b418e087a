import type { Line, Party, Scenario, Stance } from '../scenario/types';
import { STANCES } from '../scenario/types';

export const MIN_STANCE = -2;
export const MAX_STANCE = 2;

/** A stance's value: opposed -2 … champion 2. */
export function stanceValue(stance: Stance): number {
	return STANCES.indexOf(stance) - 2;
}

/** Moves a value by delta, stopping at opposed and champion. */
export function shiftStance(value: number, delta: number): number {
	return Math.min(MAX_STANCE, Math.max(MIN_STANCE, value + delta));
}

/**
 * The line's stance value: its people's stances averaged by influence, rounded down (so -0.5
 * is sceptical, not neutral). Null when nobody on the scenario stands on the line.
 */
export function lineStance(
	scenario: Scenario,
	stances: Record<string, number>,
	line: Line
): number | null {
	let weighted = 0;
	let influence = 0;
	for (const person of scenario.people) {
		if (person.line !== line) continue;
		weighted += (stances[person.id] ?? stanceValue(person.stance)) * person.influence;
		influence += person.influence;
	}
	if (influence === 0) return null;

	return Math.floor(weighted / influence);
}

/** The stance value of a line or a person; null for a line without people or an unknown id. */
export function partyStance(
	scenario: Scenario,
	stances: Record<string, number>,
	party: Party
): number | null {
	if (party.kind === 'line') return lineStance(scenario, stances, party.line);

	return stances[party.id] ?? null;
}
