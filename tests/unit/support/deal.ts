import { replayDeal } from '../../../src/lib/deal/replay';
import type { DealContext, MoveLogEntry } from '../../../src/lib/deal/types';
import type { Scenario } from '../../../src/lib/scenario/types';

/** A move log for these move ids, numbered from 1, one minute apart. */
export function logOf(...moveIds: string[]): MoveLogEntry[] {
	return moveIds.map((moveId, index) => ({
		seq: index + 1,
		moveId,
		at: new Date(Date.UTC(2025, 0, 1, 9, index)).toISOString()
	}));
}

/** Plays the moves and returns the deal's context; fails the test if a move is refused. */
export function play(scenario: Scenario, ...moveIds: string[]): DealContext {
	const result = replayDeal(scenario, logOf(...moveIds));
	if (!result.ok) throw new Error(`Turn ${result.seq} was refused: ${result.reason}`);

	return result.context;
}
