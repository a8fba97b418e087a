/** The `stages:` block of the front matter: the week each stage begins. */
import { isScalar, type Node, type Pair } from 'yaml';
import { excerpt } from './problems';
import type { Stage } from './types';
import { stageOf } from './vocabulary';

export type Complain = (offset: number | null, message: string, fix: string) => null;

export interface StageEntry {
	name: string;
	week: unknown;
	offset: number;
}

export function stageEntry(pair: Pair, start: number): StageEntry {
	const key = pair.key as Node | null;
	const value = pair.value as Node | null;
	const week = isScalar(value) ? value.value : value?.toJSON();

	return {
		name: String(isScalar(key) ? key.value : key),
		week,
		offset: start + (value?.range?.[0] ?? key?.range?.[0] ?? 0)
	};
}

/** Reads the stage weeks; null (one error reported through `complain`) when they do not fit. */
export function readStageWeeks(
	entries: StageEntry[],
	weeks: number,
	complain: Complain
): Record<Stage, number> | null {
	const starts: Record<Stage, number> = {
		discovery: 0,
		specification: NaN,
		tender: NaN,
		decision: NaN
	};
	const offsets: Partial<Record<Stage, number>> = {};
	for (const { name, week, offset } of entries) {
		const stage = stageOf(name);
		if (stage === null)
			return complain(
				offset,
				`unknown stage "${excerpt(name)}" in \`stages\``,
				'write only specification, tender and decision under `stages:`'
			);
		if (!Number.isInteger(week))
			return complain(
				offset,
				`the week of ${stage} must be a whole number, not "${excerpt(String(week))}"`,
				'write the week the stage begins as a whole number'
			);
		starts[stage] = week as number;
		offsets[stage] = offset;
	}

	return checkStageOrder(starts, offsets, weeks, complain);
}

function checkStageOrder(
	starts: Record<Stage, number>,
	offsets: Partial<Record<Stage, number>>,
	weeks: number,
	complain: Complain
): Record<Stage, number> | null {
	const order: Stage[] = ['discovery', 'specification', 'tender', 'decision'];
	for (const [index, stage] of order.entries()) {
		const at = offsets[stage] ?? null;
		if (Number.isNaN(starts[stage]))
			return complain(
				null,
				`\`stages\` has no week for ${stage}`,
				`add \`${stage}: N\` under \`stages:\``
			);
		if (stage === 'discovery' && starts[stage] !== 0)
			return complain(
				at,
				'discovery always begins at week 0',
				'remove `discovery` from `stages:` or set it to 0'
			);
		if (index > 0 && starts[stage] <= starts[order[index - 1]]) {
			return complain(
				at,
				`${stage} begins at week ${starts[stage]}, not after ${order[index - 1]} (week ${starts[order[index - 1]]})`,
				'make the stage weeks increase: discovery (0) < specification < tender < decision'
			);
		}
		if (starts[stage] >= weeks)
			return complain(
				at,
				`${stage} begins at week ${starts[stage]}, not before the award at week ${weeks}`,
				`make every stage begin before \`weeks\` (${weeks})`
			);
	}

	return starts;
}
