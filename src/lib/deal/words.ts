import type { Language, Line, Party, Scenario, Stage } from '../scenario/types';
import { STANCES } from '../scenario/types';
import { CHINESE_LINE_NAMES, CHINESE_STAGE_NAMES, CHINESE_STANCE_NAMES } from '../scenario/chinese';

/** Display names of the fixed vocabulary, as the trainee reads them in each language. */
const LINE_NAMES: Record<Language, Record<Line, string>> = {
	en: {
		user: 'the user line',
		technical: 'the technical line',
		management: 'the management line',
		procurement: 'the procurement line',
		finance: 'the finance line'
	},
	zh: CHINESE_LINE_NAMES
};

const STANCE_NAMES: Record<Language, readonly string[]> = {
	en: STANCES,
	zh: STANCES.map((stance) => CHINESE_STANCE_NAMES[stance])
};

const STAGE_NAMES: Record<Language, Record<Stage, string>> = {
	en: {
		discovery: 'discovery',
		specification: 'specification',
		tender: 'tender',
		decision: 'decision'
	},
	zh: CHINESE_STAGE_NAMES
};

/** What a line with no people has instead of a stance. */
const NO_STANCE: Record<Language, string> = { en: 'nobody on it', zh: '无人' };

const CLOSE_MOVE_LABELS: Record<Language, string> = {
	en: 'Submit the bid and ask for the decision',
	zh: '提交投标并请求决定'
};

/** A line's name as it reads mid-sentence ("the user line", "用户线"). */
export function lineName(language: Language, line: Line): string {
	return LINE_NAMES[language][line];
}

/** A stance value (-2..2) by name; null (a line without people) reads as "nobody on it". */
export function stanceName(language: Language, value: number | null): string {
	return value === null ? NO_STANCE[language] : STANCE_NAMES[language][value + 2];
}

export function stageName(language: Language, stage: Stage): string {
	return STAGE_NAMES[language][stage];
}

/** A person by display name, a line by its line name. */
export function partyName(scenario: Scenario, party: Party): string {
	if (party.kind === 'line') return lineName(scenario.language, party.line);

	return personName(scenario, party.id);
}

/** Falls back to the id so a message never shows "undefined" for an id the parser let through. */
export function personName(scenario: Scenario, id: string): string {
	return scenario.people.find((person) => person.id === id)?.name ?? id;
}

export function moveLabel(scenario: Scenario, id: string): string {
	return scenario.moves.find((move) => move.id === id)?.label ?? id;
}

/** The label of the built-in move that submits the bid (CLOSE_MOVE_ID). */
export function closeMoveLabel(language: Language): string {
	return CLOSE_MOVE_LABELS[language];
}
