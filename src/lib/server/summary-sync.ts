/**
 * An attempt's line in its trainee's index is a copy, written after the attempt file or the
 * review file it copies from. A crash between the two writes leaves it behind; opening the
 * attempt's debrief or review brings it back in step (lists and dashboards read the copy).
 */
import type { DealContext } from '$lib/deal/types';
import type { Scenario } from '$lib/scenario/types';
import { attemptFacts } from '$lib/scoring/facts';
import { syncSummary, type Attempt } from './attempts';
import { effectiveScore, readReview } from './reviews';

/** Rewrites the index line of a finished attempt when it differs from the files. */
export async function keepSummaryInStep(
	attempt: Attempt,
	scenario: Scenario,
	context: DealContext
): Promise<void> {
	if (!attempt.report) return;

	const { score, display, passed, isOverridden } = effectiveScore(
		attempt.report,
		await readReview(attempt.id)
	);
	const facts = attemptFacts(scenario, attempt.report, context);
	await syncSummary(attempt, facts, isOverridden ? { score, display, passed } : null);
}
