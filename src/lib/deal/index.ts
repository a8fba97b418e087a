/** The deal engine: a scenario compiled into an XState machine, and the rules it plays by. */
export { checkMove, classifySeq, moveAvailability } from './availability';
export { conditionHolds, firstUnmetClause, stageIndex, type ConditionState } from './conditions';
export { createDealMachine } from './machine';
export {
	continueDeal,
	eventForEntry,
	machineFor,
	replayDeal,
	type DealMachine,
	type DealSnapshot,
	type RefusedEntry,
	type ReplayResult,
	type ReplayedDeal
} from './replay';
export { lineStance, partyStance, stanceValue } from './stances';
export { initialContext, nextSeq } from './step';
export * from './types';
export { closeMoveLabel, lineName, stageName, stanceName } from './words';
