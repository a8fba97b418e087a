import type { Clause, Language, Scenario } from '../scenario/types';
import type { ConditionState } from './conditions';
import { partyStance, stanceValue } from './stances';
import { moveLabel, partyName, personName, stageName, stanceName } from './words';

/** The pieces a reason sentence is made of, already in the trainee's language. */
interface ReasonTexts {
	dealOver: string;
	alreadyPlayed: string;
	unknownMove: (id: string) => string;
	outOfSequence: (seq: number, expected: number) => string;
	stage: Record<'in' | 'before' | 'from', (stage: string, now: string) => string>;
	stance: Record<'at least' | 'at most', (party: string, stance: string, now: string) => string>;
	played: (label: string, negated: boolean) => string;
	knows: (holder: string, negated: boolean) => string;
}

const TEXTS: Record<Language, ReasonTexts> = {
	en: {
		dealOver: 'The deal is over.',
		alreadyPlayed: 'Already played.',
		unknownMove: (id) => `There is no move "${id}" in this scenario.`,
		outOfSequence: (seq, expected) =>
			`Turn ${seq} is out of sequence: the next turn is ${expected}.`,
		stage: {
			in: (stage, now) => `Only in the ${stage} stage (now ${now}).`,
			before: (stage, now) => `Only before the ${stage} stage (now ${now}).`,
			from: (stage, now) => `Only from the ${stage} stage on (now ${now}).`
		},
		stance: {
			'at least': (party, stance, now) => `Needs ${party} at least ${stance} (now ${now}).`,
			'at most': (party, stance, now) => `Needs ${party} at most ${stance} (now ${now}).`
		},
		played: (label, negated) =>
			negated ? `Not available after "${label}".` : `Needs "${label}" played first.`,
		knows: (holder, negated) =>
			negated
				? `Not available once you know what ${holder} knows.`
				: `Needs what ${holder} knows first.`
	},
	zh: {
		dealOver: '这单已经结束。',
		alreadyPlayed: '已经做过了。',
		unknownMove: (id) => `本场景没有行动“${id}”。`,
		outOfSequence: (seq, expected) => `第${seq}步顺序不对：下一步应为第${expected}步。`,
		stage: {
			in: (stage, now) => `仅在${stage}阶段可用（当前：${now}）。`,
			before: (stage, now) => `仅在${stage}阶段之前可用（当前：${now}）。`,
			from: (stage, now) => `${stage}阶段起可用（当前：${now}）。`
		},
		stance: {
			'at least': (party, stance, now) => `需要${party}至少${stance}（当前：${now}）。`,
			'at most': (party, stance, now) => `需要${party}至多${stance}（当前：${now}）。`
		},
		played: (label, negated) => (negated ? `完成“${label}”后不再可用。` : `需要先完成“${label}”。`),
		knows: (holder, negated) =>
			negated ? `得知${holder}掌握的情报后不再可用。` : `需要先了解${holder}掌握的情报。`
	}
};

export function reasonTexts(language: Language): ReasonTexts {
	return TEXTS[language];
}

/** Why a turn number was refused: it is not the next one. */
export function explainSeq(language: Language, seq: number, expected: number): string {
	return TEXTS[language].outOfSequence(seq, expected);
}

/** Why an unmet clause blocks a move, naming people, lines and stages as the trainee sees them. */
export function explainClause(scenario: Scenario, state: ConditionState, clause: Clause): string {
	const { language } = scenario;
	const texts = TEXTS[language];
	switch (clause.kind) {
		case 'stage':
			return texts.stage[clause.relation](
				stageName(language, clause.stage),
				stageName(language, state.stage)
			);
		case 'stance':
			return texts.stance[clause.relation](
				partyName(scenario, clause.party),
				stanceName(language, stanceValue(clause.stance)),
				stanceName(language, partyStance(scenario, state.stances, clause.party))
			);
		case 'played':
			return texts.played(moveLabel(scenario, clause.move), clause.negated);
		case 'knows':
			return texts.knows(intelHolderName(scenario, clause.intel), clause.negated);
	}
}

/** Intel is named by who holds it: its text is the secret the trainee has yet to learn. */
function intelHolderName(scenario: Scenario, intelId: string): string {
	const holder = scenario.people.find((person) => person.intel.some((i) => i.id === intelId));

	return holder ? personName(scenario, holder.id) : intelId;
}
