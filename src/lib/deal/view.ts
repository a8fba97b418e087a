import type { Line, Scenario, Stance } from '../scenario/types';
import { LINES, STANCES } from '../scenario/types';
import { lineStance } from './stances';
import type { DealContext } from './types';
import { lineName, personName, stanceName } from './words';

export interface PersonView {
	id: string;
	name: string;
	line: Line;
	role: string;
	stance: Stance;
	/** The stance as the trainee reads it, in the scenario's language. */
	stanceName: string;
}

export interface LineView {
	line: Line;
	name: string;
	stance: Stance;
	stanceName: string;
}

export interface IntelView {
	id: string;
	text: string;
	holder: string;
	holderName: string;
}

/** What the table shows: people and lines with their current stance, and the intel learned. */
export interface DealView {
	people: PersonView[];
	/** Only the lines that have people, in the fixed line order. */
	lines: LineView[];
	/** In the order learned. */
	intel: IntelView[];
}

export function describeDeal(scenario: Scenario, context: DealContext): DealView {
	return {
		people: scenario.people.map((person) => {
			const value = context.stances[person.id] ?? 0;

			return {
				...pick(person),
				stance: STANCES[value + 2],
				stanceName: stanceName(scenario.language, value)
			};
		}),
		lines: describeLines(scenario, context),
		intel: context.intel.flatMap((id) => describeIntel(scenario, id))
	};
}

function pick(person: Scenario['people'][number]) {
	return { id: person.id, name: person.name, line: person.line, role: person.role };
}

function describeLines(scenario: Scenario, context: DealContext): LineView[] {
	return LINES.flatMap((line) => {
		const value = lineStance(scenario, context.stances, line);
		if (value === null) return [];

		const name = lineName(scenario.language, line);

		return [
			{ line, name, stance: STANCES[value + 2], stanceName: stanceName(scenario.language, value) }
		];
	});
}

function describeIntel(scenario: Scenario, id: string): IntelView[] {
	const intel = scenario.people.flatMap((person) => person.intel).find((i) => i.id === id);
	if (!intel) return [];

	return [{ ...intel, holderName: personName(scenario, intel.holder) }];
}
