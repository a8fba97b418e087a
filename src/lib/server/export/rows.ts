/**
 * The attempts to export: those the dashboard's filters keep in the viewer's scope, each read
 * whole and joined with its scenario version and the override in force.
 */
import type { Viewer } from '../access';
import { readAttempt } from '../attempts';
import { attemptsInScope, type ReviewFilters, type ScopedAttempt } from '../review-scope';
import { readReview } from '../reviews';
import { getScenarioVersion } from '../scenarios';
import type { ExportRow } from './types';

type InForce = ExportRow['override'];

async function overrideInForce(attemptId: string): Promise<InForce> {
	const last = (await readReview(attemptId)).overrides.at(-1);

	return last ? { score: last.score, reason: last.reason, byName: last.byName, at: last.at } : null;
}

async function exportRow({ summary, trainee, team }: ScopedAttempt): Promise<ExportRow | null> {
	const attempt = await readAttempt(summary.attemptId);
	// The attempt file says whose it is; an index line that disagrees is never exported.
	if (!attempt || attempt.trainee !== trainee.id) return null;
	const scenario = await getScenarioVersion(attempt.scenarioId, attempt.scenarioVersion);
	if (!scenario) return null;

	return { attempt, scenario, trainee, team, override: await overrideInForce(attempt.id) };
}

/**
 * The attempts the filters keep, oldest first, each joined with its scenario version and the
 * override in force. An attempt whose file or scenario version is gone cannot be exported and is
 * left out; the catalogue keeps every version an attempt was started on, so that is rare.
 */
export async function exportRows(viewer: Viewer, filters: ReviewFilters): Promise<ExportRow[]> {
	const scoped = (await attemptsInScope(viewer, filters)).reverse();
	const rows = await Promise.all(scoped.map(exportRow));

	return rows.filter((row): row is ExportRow => row !== null);
}
