import { and, assign, setup } from 'xstate';
import type { LossTrigger, Scenario, Stage } from '../scenario/types';
import { CLOSE_MOVE_ID } from '../scenario/types';
import { checkMove } from './availability';
import { stageIndex } from './conditions';
import {
	applyMove,
	decisionOutcome,
	initialContext,
	isDecisionDue,
	isWinMet,
	lossOutcome,
	nextSeq,
	recordTurn,
	triggeredLoss
} from './step';
import type { DealContext, DealEvent, Outcome } from './types';

function moveIdOf(event: DealEvent): string {
	return event.type === 'deal.close' ? CLOSE_MOVE_ID : event.moveId;
}

function outcomeOf(context: DealContext): Outcome {
	if (!context.outcome) throw new Error('The deal reached a final state without an outcome.');

	return context.outcome;
}

/**
 * Compiles a validated scenario into its deal machine: one state per stage, then `won` or
 * `lost` (final, output = the Outcome).
 *
 * Stances and intel live in the typed context, not in parallel regions: a person's stance is
 * a number that effects add to and clamp, a line's stance is an influence-weighted mean across
 * people, and conditions compare them with `at least`/`at most`. As regions that would be a
 * five-state region per person whose combinations guards would have to decode; as context it
 * is one record that conditions, replay and scoring read directly and that serialises as is.
 *
 * A move is accepted only with the next turn number (`isNextSeq`), so a stale or repeated
 * submission changes nothing; compare `classifySeq(context, seq)` to tell which it was.
 */
export function createDealMachine(scenario: Scenario) {
	return dealSetup(scenario).createMachine({
		id: 'deal',
		initial: 'discovery',
		context: () => initialContext(scenario),
		output: ({ context }) => outcomeOf(context),
		// Losses first, in the order written, then the decision: both only after a move.
		always: [
			{ guard: 'hasLossTriggered', target: '.lost', actions: 'recordLoss' },
			{ guard: and(['isDecisionDue', 'isWinMet']), target: '.won', actions: 'recordDecision' },
			{ guard: 'isDecisionDue', target: '.lost', actions: 'recordDecision' }
		],
		on: {
			'move.play': {
				guard: and(['isNextSeq', 'isAvailable']),
				actions: ['applyMove', 'recordTurn']
			},
			'deal.close': {
				guard: and(['isNextSeq', 'isAvailable']),
				actions: ['applyMove', 'recordTurn']
			}
		},
		// Each stage follows `context.stage`, which time and stage effects only move forward.
		states: {
			discovery: { always: { guard: leftStage('discovery'), target: 'specification' } },
			specification: { always: { guard: leftStage('specification'), target: 'tender' } },
			tender: { always: { guard: leftStage('tender'), target: 'decision' } },
			decision: {},
			won: { type: 'final' },
			lost: { type: 'final' }
		}
	});
}

/** The machine's named guards and actions: each a thin call into the pure rules in step.ts. */
function dealSetup(scenario: Scenario) {
	return setup({
		types: {
			context: {} as DealContext,
			events: {} as DealEvent,
			output: {} as Outcome
		},
		guards: {
			isNextSeq: ({ context, event }) => event.seq === nextSeq(context),
			isAvailable: ({ context, event }) => checkMove(scenario, context, moveIdOf(event)).ok,
			hasLeftStage: ({ context }, params: { stage: Stage }) =>
				stageIndex(context.stage) > stageIndex(params.stage),
			hasLossTriggered: ({ context }) => triggeredLoss(scenario, context) !== null,
			isDecisionDue: ({ context }) => isDecisionDue(scenario, context),
			isWinMet: ({ context }) => isWinMet(scenario, context)
		},
		actions: {
			applyMove: assign(({ context, event }) => applyMove(scenario, context, moveIdOf(event))),
			recordTurn: assign(({ context, event }) => recordTurn(scenario, context, moveIdOf(event))),
			recordLoss: assign({ outcome: ({ context }) => lossOutcome(context, firedLoss(context)) }),
			recordDecision: assign({ outcome: ({ context }) => decisionOutcome(scenario, context) })
		}
	});

	function firedLoss(context: DealContext): LossTrigger {
		const loss = triggeredLoss(scenario, context);
		if (!loss) throw new Error('recordLoss ran although no loss trigger holds.');

		return loss;
	}
}

function leftStage(stage: Stage) {
	return { type: 'hasLeftStage', params: { stage } } as const;
}
