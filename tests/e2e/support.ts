import { expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/*
 * What the end-to-end specs share: the shipped scenarios' move labels and recorded paths, read
 * from the same files the app and the unit tests read, and the few steps every trainee takes.
 */

const ROOT = resolve(import.meta.dirname, '../..');

export type ScenarioId = 'city-hospital' | 'zh-city-bureau';
export type PathKind = 'win' | 'lossTrigger' | 'lossDecision';

export const TITLES: Record<ScenarioId, string> = {
	'city-hospital': 'Northbridge City Hospital — nursing documentation system',
	'zh-city-bureau': '市政务服务局 12345 热线智能工单平台'
};

/** The built-in closing move's button label, by the scenario's language. */
const CLOSE_LABELS: Record<ScenarioId, string> = {
	'city-hospital': 'Submit the bid and ask for the decision',
	'zh-city-bureau': '提交投标并请求决定'
};

const recorded = JSON.parse(
	readFileSync(resolve(ROOT, 'tests/fixtures/shipped-paths.json'), 'utf8')
) as Record<ScenarioId, Record<PathKind, string[]>>;

/** A recorded move sequence from tests/fixtures/shipped-paths.json. */
export function recordedPath(scenario: ScenarioId, kind: PathKind): string[] {
	return recorded[scenario][kind];
}

/** Every `### id: Label` heading of a scenario file (`：` too), by id; ids share one namespace. */
function headingLabels(scenario: ScenarioId): Map<string, string> {
	const source = readFileSync(resolve(ROOT, `content/scenarios/${scenario}.md`), 'utf8');
	const headings = source.matchAll(/^### ([a-z0-9][a-z0-9-]*)\s*[:：]\s*(.+?)\s*$/gm);

	return new Map([...headings].map(([, id, label]) => [id, label]));
}

const labels = new Map<ScenarioId, Map<string, string>>();

/** The button label the trainee sees for a move id. */
export function moveLabel(scenario: ScenarioId, moveId: string): string {
	if (moveId === 'close') return CLOSE_LABELS[scenario];
	if (!labels.has(scenario)) labels.set(scenario, headingLabels(scenario));

	const label = labels.get(scenario)?.get(moveId);
	if (!label) throw new Error(`content/scenarios/${scenario}.md has no move "${moveId}".`);

	return label;
}

/** A display name of no more than 60 characters that no other test uses. */
export function uniqueName(prefix: string): string {
	return `${prefix} ${randomUUID().slice(0, 8)}`;
}

/** Gives a display name on the home page, as a new trainee does first. */
export async function saveName(page: Page, name: string): Promise<void> {
	await page.goto('/');
	await page.getByLabel('Display name').fill(name);
	await page.getByRole('button', { name: 'Save name' }).click();

	await expect(page.getByRole('status')).toHaveText('Name saved.');
	await expect(page.getByText(`Playing as ${name}`)).toBeVisible();
}

/** Opens a scenario from the catalogue, starts it and returns the attempt's play URL. */
export async function startScenario(page: Page, scenario: ScenarioId): Promise<string> {
	await page.goto('/');
	await page.getByRole('link', { name: TITLES[scenario], exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: TITLES[scenario] })).toBeVisible();
	await page.getByRole('button', { name: 'Start the deal' }).click();

	await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Your first move' })).toBeVisible();

	return page.url();
}

/** A new trainee with their own name, on the first turn of a fresh attempt. */
export async function newAttempt(page: Page, scenario: ScenarioId, who: string): Promise<string> {
	await saveName(page, uniqueName(who));

	return startScenario(page, scenario);
}

/** Plays moves by clicking their buttons, from turn `firstSeq`, waiting for each to be the latest. */
export async function playMoves(
	page: Page,
	scenario: ScenarioId,
	moveIds: readonly string[],
	firstSeq = 1
): Promise<void> {
	for (const [index, moveId] of moveIds.entries()) {
		const label = moveLabel(scenario, moveId);
		await page.getByRole('button', { name: label, exact: true }).click();

		await expect(
			page.getByRole('heading', { level: 2, name: `Turn ${firstSeq + index}: ${label}` })
		).toBeVisible();
	}
}

/** Plays a whole recorded path from the first turn; its last move ends the deal on the debrief. */
export async function playToDebrief(
	page: Page,
	scenario: ScenarioId,
	moveIds: readonly string[]
): Promise<void> {
	await playMoves(page, scenario, moveIds.slice(0, -1));
	await page
		.getByRole('button', { name: moveLabel(scenario, moveIds.at(-1) ?? ''), exact: true })
		.click();

	await expect(page).toHaveURL(/\/attempts\/[^/]+\/debrief$/);
	await expect(page.getByRole('heading', { level: 1, name: /^Debrief: / })).toBeVisible();
}

/** The score as the debrief's score heading shows it, e.g. "97.1". */
export function scoreHeading(page: Page, display: string) {
	return page.getByRole('heading', { level: 2, name: `Score ${display} / 100` });
}
