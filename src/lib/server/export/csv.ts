/**
 * Attempts as CSV for a spreadsheet: RFC 4180 with CRLF line ends, a UTF-8 byte order mark so
 * Chinese text opens right, and text cells guarded against formula injection.
 */
import { RULE_GROUPS } from '$lib/scenario/types';
import type { RuleVerdict, ScoreReport } from '$lib/scoring/types';
import { durationSeconds, isPassedInForce, scoreDown } from './facts';
import type { ExportRow } from './types';

/** A cell: text is guarded and quoted, a number is written as it is, null is left empty. */
type Cell = string | number | null;

const BOM = '\uFEFF';

/** The columns every row has, before one column per rule. */
export const FIXED_COLUMNS = [
	'attempt_id',
	'trainee_username',
	'trainee_name',
	'team',
	'scenario_id',
	'scenario_version',
	'scenario_title',
	'started_at',
	'finished_at',
	'duration_seconds',
	'moves',
	'outcome',
	'score',
	'score_display',
	'pass_mark',
	'passed',
	'override_score',
	'override_reason',
	'override_by'
] as const;

/** A spreadsheet runs a cell that starts with one of these as a formula. */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

/** The attempts as one CSV text, a row per attempt in the order given. */
export function attemptsCsv(rows: readonly ExportRow[]): string {
	const ruleIds = ruleColumns(rows);
	const header = [...FIXED_COLUMNS, ...ruleIds.map((id) => `rule:${id}`)];
	const records = rows.map((row) => [...fixedCells(row), ...ruleCells(row, ruleIds)]);

	return BOM + [header, ...records].map((cells) => cells.map(csvCell).join(',') + '\r\n').join('');
}

/** One cell as CSV text: formula starts defused, then quoted when it holds , " CR or LF. */
export function csvCell(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return String(cell);

	const text = FORMULA_STARTS.some((start) => cell.startsWith(start)) ? `'${cell}` : cell;

	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function fixedCells(row: ExportRow): Cell[] {
	const { attempt, scenario, trainee, team, override } = row;
	const { report, finishedAt } = attempt;
	const passed = report && isPassedInForce(report, override);

	return [
		attempt.id,
		trainee.username,
		trainee.name,
		team?.name ?? null,
		attempt.scenarioId,
		attempt.scenarioVersion,
		scenario.title,
		attempt.startedAt,
		finishedAt,
		finishedAt && durationSeconds(attempt.startedAt, finishedAt),
		attempt.log.length,
		attempt.outcome?.result ?? 'in progress',
		report && scoreDown(report.total),
		report?.display ?? null,
		report?.passMark ?? scenario.passMark,
		passed === null ? null : passed ? 'yes' : 'no',
		override && scoreDown(override.score),
		override?.reason ?? null,
		override?.byName ?? null
	];
}

/** Rule ids in first appearance: down the rows, and in report order within a row. */
function ruleColumns(rows: readonly ExportRow[]): string[] {
	const ids = new Set<string>();
	for (const row of rows) {
		for (const verdict of verdictsOf(row.attempt.report)) ids.add(verdict.ruleId);
	}

	return [...ids];
}

function ruleCells(row: ExportRow, ruleIds: readonly string[]): Cell[] {
	const verdicts = new Map(verdictsOf(row.attempt.report).map((v) => [v.ruleId, v]));

	return ruleIds.map((id) => {
		const verdict = verdicts.get(id);
		if (!verdict) return null;
		if (verdict.passed) return 'passed';

		return verdict.isTested ? 'failed' : 'not tested';
	});
}

/** The report's verdicts in its order: group by group, rule order within a group. */
function verdictsOf(report: ScoreReport | null): RuleVerdict[] {
	if (!report) return [];

	return RULE_GROUPS.flatMap((group) => report.groups[group] ?? []);
}
