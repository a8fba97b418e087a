/**
 * An attempt as the people allowed to see it find it: its player, or a reviewer whose scope
 * includes the player; with the scenario version it was played on, and its deal rebuilt by
 * replaying the stored log.
 */
import { replayDeal, type ReplayedDeal } from '$lib/deal';
import type { Scenario } from '$lib/scenario/types';
import { readAttempt, type Attempt } from './attempts';
import { getScenarioVersion } from './scenarios';
import { maySeeTrainee, type Viewer } from './access';

/** An attempt the viewer played, with the scenario version it was played on, or null. */
export async function ownAttempt(attemptId: string, viewer: Viewer) {
	const attempt = await readAttempt(attemptId);
	// Someone else's attempt answers exactly like a missing one.
	if (!attempt || attempt.trainee !== viewer.id) return null;

	return withScenario(attempt);
}

/** An attempt the viewer may see (their own, or in their review scope), or null. */
export async function visibleAttempt(attemptId: string, viewer: Viewer) {
	const attempt = await readAttempt(attemptId);
	if (!attempt || !(await maySeeTrainee(viewer, attempt.trainee))) return null;

	return withScenario(attempt);
}

async function withScenario(attempt: Attempt) {
	const scenario = await getScenarioVersion(attempt.scenarioId, attempt.scenarioVersion);
	if (!scenario) {
		throw new Error(
			`Attempt ${attempt.id} was played on version ${attempt.scenarioVersion} of ` +
				`"${attempt.scenarioId}", whose source is no longer stored.`
		);
	}

	return { attempt, scenario };
}

/** Replays a stored log; a log that does not replay is corrupt and must not be shown as play. */
export function replayed(scenario: Scenario, log: Attempt['log']): ReplayedDeal {
	const result = replayDeal(scenario, log);
	if (!result.ok) {
		throw new Error(`The stored move log does not replay at turn ${result.seq}: ${result.reason}`);
	}

	return result;
}
