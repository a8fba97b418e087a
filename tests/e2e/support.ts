import { expect, request, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/*
 * What the end-to-end specs share: the shipped scenarios' move labels and recorded paths, read
 * from the same files the app and the unit tests read, and the few steps every trainee takes.
 */

const ROOT = resolve(import.meta.dirname, '../..');
/** Where the run's server listens (playwright.config.ts). */
export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4317}`;

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

/** The manager the run starts with (see playwright.config.ts). */
export const MANAGER = { username: 'e2e-manager', password: 'e2e manager password' };

/** Signs in through the sign-in form and waits for the home page. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
	await page.goto('/signin');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();

	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export interface Account {
	username: string;
	password: string;
	name: string;
}

/**
 * Makes an account as the manager does on the people page, posting its form from a separate
 * session, so a spec about trainees need not click through the manager's pages each time.
 */
export async function createAccount(
	baseURL: string,
	name: string,
	role: 'trainee' | 'coach' = 'trainee'
): Promise<Account> {
	const username = `${
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'rep'
	}-${randomUUID().slice(0, 8)}`;
	const account = { username, password: `practice ${randomUUID().slice(0, 8)} password`, name };
	const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
	await api.post('/signin', { form: { username: MANAGER.username, password: MANAGER.password } });
	const created = await api.post('/people?/create', {
		form: { name, username, role, password: account.password, teamId: '' }
	});
	// Not asking for HTML, the action answers as it does to an enhanced form: JSON.
	const answer = (await created.json()) as { type: string };
	await api.dispose();
	if (answer.type !== 'success') {
		throw new Error(`The people page did not create "${username}": ${JSON.stringify(answer)}.`);
	}

	return account;
}

/** A new trainee account, signed in on the page. */
export async function signUp(page: Page, name: string): Promise<Account> {
	const account = await createAccount(BASE_URL, name);
	await signIn(page, account.username, account.password);

	return account;
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
	await signUp(page, uniqueName(who));

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
