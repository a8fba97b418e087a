/**
 * Attempts as xAPI 1.0.3 statements for a learning record store: one "passed" or "failed" per
 * finished attempt and one "interacted" per move. Statement ids are name-based UUIDs, so
 * exporting the same attempts again sends the same statements, which an LRS does not duplicate.
 */
import { closeMoveLabel, moveLabel } from '$lib/deal/words';
import type { MoveLogEntry } from '$lib/deal/types';
import { CLOSE_MOVE_ID, type Language, type Line, type Scenario } from '$lib/scenario/types';
import { durationSeconds, isPassedInForce, scoreDown, scoreInForce } from './facts';
import type { ExportRow } from './types';
import { nameUuid, STATEMENT_NAMESPACE } from './uuid';

/** Text by language tag, e.g. `{ 'en-US': 'passed' }`. */
export type LanguageMap = Record<string, string>;

export interface Agent {
	objectType: 'Agent';
	name: string;
	account: { homePage: string; name: string };
}

export interface Verb {
	id: string;
	display: LanguageMap;
}

export interface Activity {
	objectType: 'Activity';
	id: string;
	definition: { name: LanguageMap; type: string };
}

export interface StatementResult {
	score: { scaled: number; raw: number; min: 0; max: 100 };
	success: boolean;
	completion: true;
	/** ISO 8601, e.g. "PT14M3S". */
	duration: string;
	extensions?: Record<string, number>;
}

export interface StatementContext {
	/** The attempt id: every statement of one attempt shares it. */
	registration: string;
	contextActivities?: { parent: Activity[] };
	extensions: Record<string, string | number | null>;
}

/** One xAPI statement, as POSTed to an LRS's `/statements`. */
export interface Statement {
	id: string;
	actor: Agent;
	verb: Verb;
	object: Activity;
	result?: StatementResult;
	context: StatementContext;
	timestamp: string;
}

const VERB_BASE = 'http://adlnet.gov/expapi/verbs';
const SIMULATION = 'http://adlnet.gov/expapi/activities/simulation';
const INTERACTION = 'http://adlnet.gov/expapi/activities/interaction';
const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-US', zh: 'zh-CN' };

/** The statements of each attempt in the order given: its moves, then its result if finished. */
export function xapiStatements(
	rows: readonly ExportRow[],
	options: { homePage: string }
): Statement[] {
	const homePage = options.homePage.replace(/\/+$/, '');

	return rows.flatMap((row) => {
		const moves = row.attempt.log.map((entry) => moveStatement(row, entry, homePage));
		const result = resultStatement(row, homePage);

		return result ? [...moves, result] : moves;
	});
}

/** Seconds as an ISO 8601 duration: 843 → "PT14M3S", 0 → "PT0S". */
export function isoDuration(seconds: number): string {
	// A clock set back between start and finish must not yield a duration an LRS refuses.
	const total = Math.max(0, Math.floor(seconds));
	const parts: [number, string][] = [
		[Math.floor(total / 3600), 'H'],
		[Math.floor((total % 3600) / 60), 'M'],
		[total % 60, 'S']
	];
	const text = parts
		.filter(([value]) => value > 0)
		.map(([value, unit]) => `${value}${unit}`)
		.join('');

	return `PT${text || '0S'}`;
}

/**
 * The verdict on a finished attempt. A later override gets its own statement id (the override's
 * time is part of the name): an LRS refuses a known id with different content.
 */
function resultStatement(row: ExportRow, homePage: string): Statement | null {
	const { attempt, override } = row;
	const { report, finishedAt } = attempt;
	if (!report || finishedAt === null) return null;

	const raw = scoreInForce(report, override);
	const success = isPassedInForce(report, override);
	const name = override ? `${attempt.id}/result/override/${override.at}` : `${attempt.id}/result`;
	const result: StatementResult = {
		score: { scaled: Number((raw / 100).toFixed(4)), raw, min: 0, max: 100 },
		success,
		completion: true,
		duration: isoDuration(durationSeconds(attempt.startedAt, finishedAt))
	};
	if (override)
		result.extensions = { [`${homePage}/xapi/original-score`]: scoreDown(report.total) };

	return {
		id: nameUuid(STATEMENT_NAMESPACE, name),
		actor: actorOf(row, homePage),
		verb: verb(success ? 'passed' : 'failed'),
		object: scenarioActivity(row, homePage),
		result,
		context: { registration: attempt.id, extensions: versionExtension(row, homePage) },
		timestamp: finishedAt
	};
}

function moveStatement(row: ExportRow, entry: MoveLogEntry, homePage: string): Statement {
	const { attempt, scenario } = row;
	const parent = scenarioActivity(row, homePage);

	return {
		id: nameUuid(STATEMENT_NAMESPACE, `${attempt.id}/move/${entry.seq}`),
		actor: actorOf(row, homePage),
		verb: verb('interacted'),
		object: {
			objectType: 'Activity',
			id: `${parent.id}/moves/${entry.moveId}`,
			definition: { name: inLanguage(scenario, labelOf(scenario, entry.moveId)), type: INTERACTION }
		},
		context: {
			registration: attempt.id,
			contextActivities: { parent: [parent] },
			extensions: {
				...versionExtension(row, homePage),
				[`${homePage}/xapi/seq`]: entry.seq,
				[`${homePage}/xapi/line`]: lineOf(scenario, entry.moveId)
			}
		},
		timestamp: entry.at
	};
}

function actorOf(row: ExportRow, homePage: string): Agent {
	const { name, username } = row.trainee;

	return { objectType: 'Agent', name, account: { homePage, name: username } };
}

function verb(name: 'passed' | 'failed' | 'interacted'): Verb {
	return { id: `${VERB_BASE}/${name}`, display: { 'en-US': name } };
}

function scenarioActivity(row: ExportRow, homePage: string): Activity {
	return {
		objectType: 'Activity',
		id: `${homePage}/scenarios/${row.attempt.scenarioId}`,
		definition: { name: inLanguage(row.scenario, row.scenario.title), type: SIMULATION }
	};
}

function versionExtension(row: ExportRow, homePage: string): Record<string, string> {
	return { [`${homePage}/xapi/scenario-version`]: row.attempt.scenarioVersion };
}

function inLanguage(scenario: Scenario, text: string): LanguageMap {
	return { [LANGUAGE_TAGS[scenario.language]]: text };
}

function labelOf(scenario: Scenario, moveId: string): string {
	return moveId === CLOSE_MOVE_ID ? closeMoveLabel(scenario.language) : moveLabel(scenario, moveId);
}

/** The closing move belongs to no line. */
function lineOf(scenario: Scenario, moveId: string): Line | null {
	return scenario.moves.find((move) => move.id === moveId)?.line ?? null;
}
