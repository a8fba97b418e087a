import { moveAvailability } from '$lib/deal/availability';
import { stageIndex } from '$lib/deal/conditions';
import { lineStance } from '$lib/deal/stances';
import type { DealContext, TurnRecord } from '$lib/deal/types';
import { closeMoveLabel, personName, stageName, stanceName } from '$lib/deal/words';
import { renderMarkdown } from '$lib/markdown';
import { uiText } from '$lib/ui-text';
import type { Line, Move, Scenario } from '$lib/scenario/types';
import { CLOSE_MOVE_ID, LINES, STAGES } from '$lib/scenario/types';
import type { LineView, MoveView, PlayView, StoryEntry } from './types';

/** Lines that have people in this scenario, in the fixed order. */
export function presentLines(scenario: Scenario): Line[] {
	return LINES.filter((line) => scenario.people.some((person) => person.line === line));
}

/** A stage's name as a heading: capitalised where the language has capitals. */
function stageTitle(scenario: Scenario, stage: (typeof STAGES)[number]): string {
	const name = stageName(scenario.language, stage);

	return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Everything the play screen shows, from the scenario and the deal's current context. */
export function buildPlayView(
	attemptId: string,
	scenario: Scenario,
	context: DealContext
): PlayView {
	const availability = new Map(moveAvailability(scenario, context).map((a) => [a.moveId, a]));
	const close = availability.get(CLOSE_MOVE_ID);
	const current = stageIndex(context.stage);

	return {
		attemptId,
		title: scenario.title,
		language: scenario.language,
		week: context.week,
		weeks: scenario.weeks,
		stage: stageTitle(scenario, context.stage),
		stages: STAGES.map((stage, index) => ({
			label: stageTitle(scenario, stage),
			startsAt: scenario.stageStarts[stage],
			isCurrent: index === current,
			isPast: index < current
		})),
		nextSeq: context.timeline.length,
		lines: presentLines(scenario).map((line) => buildLine(scenario, context, line, availability)),
		close: {
			label: closeMoveLabel(scenario.language),
			isAvailable: close?.isAvailable ?? false,
			reason: close?.reason ?? null
		},
		story: buildStory(scenario, context)
	};
}

function buildLine(
	scenario: Scenario,
	context: DealContext,
	line: Line,
	availability: Map<string, { isAvailable: boolean; reason: string | null }>
): LineView {
	const value = lineStance(scenario, context.stances, line) ?? 0;
	const people = scenario.people.filter((person) => person.line === line);
	const intel = people.flatMap((person) =>
		person.intel
			.filter((item) => context.intel.includes(item.id))
			.map((item) => ({ id: item.id, text: item.text, holder: person.name }))
	);

	return {
		line,
		label: uiText(scenario.language).vocabulary.lines[line],
		stance: stanceName(scenario.language, value),
		stanceValue: value,
		people: people.map((person) => ({
			id: person.id,
			name: person.name,
			role: person.role,
			stance: stanceName(scenario.language, context.stances[person.id]),
			stanceValue: context.stances[person.id],
			influence: person.influence,
			cares: person.cares
		})),
		intel,
		moves: scenario.moves
			.filter((move) => move.line === line)
			.map((move) => buildMove(scenario, context, move, availability.get(move.id)))
	};
}

function buildMove(
	scenario: Scenario,
	context: DealContext,
	move: Move,
	availability: { isAvailable: boolean; reason: string | null } | undefined
): MoveView {
	return {
		id: move.id,
		label: move.label,
		cost: move.cost,
		withName: move.with ? personName(scenario, move.with) : null,
		isAvailable: availability?.isAvailable ?? false,
		reason: availability?.reason ?? null,
		timesPlayed: context.played[move.id] ?? 0
	};
}

/** The stances a turn moved and the intel it revealed, as the trainee reads them. */
function turnChanges(scenario: Scenario, before: TurnRecord, after: TurnRecord): string[] {
	const text = uiText(scenario.language).play;
	const name = (value: number) => stanceName(scenario.language, value);
	const moved = scenario.people
		.filter((person) => before.stances[person.id] !== after.stances[person.id])
		.map((person) =>
			text.stanceChange(
				person.name,
				name(before.stances[person.id]),
				name(after.stances[person.id])
			)
		);
	const intel = scenario.people.flatMap((person) => person.intel);
	const learned = after.revealed.map((id) =>
		text.learned(intel.find((item) => item.id === id)?.text ?? id)
	);

	return [...moved, ...learned];
}

/** The narrative of every turn so far, newest first. */
function buildStory(scenario: Scenario, context: DealContext): StoryEntry[] {
	const moves = new Map(scenario.moves.map((move) => [move.id, move]));
	const lineLabels = uiText(scenario.language).vocabulary.lines;

	return context.timeline
		.slice(1)
		.map((turn) => {
			const move = moves.get(turn.moveId);
			return {
				seq: turn.seq,
				label: move?.label ?? closeMoveLabel(scenario.language),
				lineLabel: turn.line ? lineLabels[turn.line] : '',
				week: turn.weekBefore,
				html: renderMarkdown(move?.narrative ?? ''),
				changes: turnChanges(scenario, context.timeline[turn.seq - 1], turn)
			};
		})
		.reverse();
}
