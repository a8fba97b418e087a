/**
 * Facts both export formats derive from an attempt the same way, so a CSV and an LRS never
 * disagree about a score, a verdict or a duration.
 */
import type { ScoreReport } from '$lib/scoring/types';
import type { ExportRow } from './types';

/**
 * The score rounded down to two decimals (97.142857 → 97.14), like the report's display, so an
 * export never shows a fail as a pass. The value is first rounded at 1e-6 of a hundredth to
 * shed floating error (69.99999999999 is 70).
 */
export function scoreDown(value: number): number {
	return Math.floor(Math.round(value * 1e6) / 1e4) / 100;
}

/** The score in force: the coach's override when there is one, else the report's total. */
export function scoreInForce(report: ScoreReport, override: ExportRow['override']): number {
	return scoreDown(override?.score ?? report.total);
}

/**
 * The verdict in force. An override re-judges the pass on its score alone (score ≥ pass mark),
 * as the review page does; without one, the report's verdict stands, blockers included.
 */
export function isPassedInForce(report: ScoreReport, override: ExportRow['override']): boolean {
	return override ? override.score >= report.passMark : report.passed;
}

/** Whole seconds from the start of an attempt to its finish. */
export function durationSeconds(startedAt: string, finishedAt: string): number {
	return Math.floor((Date.parse(finishedAt) - Date.parse(startedAt)) / 1000);
}
