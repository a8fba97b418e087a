/** The input of the export builders: one attempt with what a coach needs to read it. */
import type { Scenario } from '$lib/scenario/types';
import type { Attempt } from '../records';

/** One attempt to export, joined with its scenario version, trainee, team and override. */
export interface ExportRow {
	attempt: Attempt;
	/** The scenario version the attempt was played on. */
	scenario: Scenario;
	trainee: { id: string; username: string; name: string };
	team: { id: string; name: string } | null;
	/** A coach's score override in force, or null. */
	override: { score: number; reason: string; byName: string; at: string } | null;
}
