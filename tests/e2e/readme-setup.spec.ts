/**
 * The README's setup, end to end: a fresh data directory, the first manager made with
 * `npm run manager:create`, the app started on it; the manager creates a coach, a team and two
 * trainees; the coach assigns the hospital deal; the trainees play; the coach reviews, comments
 * and overrides; the trainee reads the comment; the manager sees the dashboard and exports.
 * This spec starts its own server, as a new user does, on its own port.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { moveLabel, playToDebrief, recordedPath, scoreHeading, TITLES } from './support';

const ROOT = resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.E2E_PORT ?? 4317) + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const HOSPITAL = 'city-hospital';

const PEOPLE = {
	manager: { username: 'ana', name: 'Ana Li', password: 'managers own password' },
	coach: { username: 'chen', name: 'Chen Wei', password: 'coach first password' },
	tia: { username: 'tia', name: 'Tia Moreno', password: 'tia first password' },
	tom: { username: 'tom', name: 'Tom Okafor', password: 'tom first password' }
};
type Who = keyof typeof PEOPLE;

let base = '';
let server: ChildProcess | null = null;

test.use({ baseURL: ORIGIN });

test.beforeAll(async () => {
	base = mkdtempSync(join(tmpdir(), 'five-lines-readme-'));
	const data = join(base, 'data');
	cpSync(join(ROOT, 'content/scenarios'), join(base, 'scenarios'), { recursive: true });
	const { username, name, password } = PEOPLE.manager;
	// As the README says, with the password piped in.
	execSync(`npm run --silent manager:create -- --username ${username} --name "${name}"`, {
		cwd: ROOT,
		input: `${password}\n`,
		env: { ...process.env, FIVE_LINES_DATA: data }
	});
	server = spawn(process.execPath, ['scripts/start.js'], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			FIVE_LINES_DATA: data,
			FIVE_LINES_CONTENT: join(base, 'scenarios')
		},
		stdio: 'ignore'
	});
	await expect
		.poll(async () => (await fetch(`${ORIGIN}/healthz`).catch(() => null))?.status, {
			timeout: 20_000
		})
		.toBe(200);
});

test.afterAll(() => {
	server?.kill('SIGTERM');
	rmSync(base, { recursive: true, force: true });
});

/** A page of its own (cookies apart) signed in as one person. */
async function signedIn(browser: Browser, who: Who): Promise<Page> {
	const context = await browser.newContext({ baseURL: ORIGIN });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page).toHaveURL(/\/signin/);
	await page.getByLabel('Username').fill(PEOPLE[who].username);
	await page.getByLabel('Password').fill(PEOPLE[who].password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('link', { name: PEOPLE[who].name })).toBeVisible();

	return page;
}

async function createAccount(page: Page, who: Who, role: 'Trainee' | 'Coach') {
	const person = PEOPLE[who];
	const form = page.getByRole('region', { name: 'Create an account' });
	await form.getByLabel('Name', { exact: true }).fill(person.name);
	await form.getByLabel('Username').fill(person.username);
	await form.getByLabel('Role').selectOption({ label: role });
	await form.getByLabel('First password').fill(person.password);
	await form.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('status')).toHaveText(`Account "${person.username}" created.`);
}

test('a manager sets up the team, trainees play, the coach and the manager review', async ({
	browser
}) => {
	test.setTimeout(120_000);

	// The manager: accounts, a team with its coach and two trainees.
	const manager = await signedIn(browser, 'manager');
	await manager.getByRole('link', { name: 'People' }).click();
	await createAccount(manager, 'coach', 'Coach');
	await createAccount(manager, 'tia', 'Trainee');
	await createAccount(manager, 'tom', 'Trainee');
	await manager.getByRole('link', { name: 'Teams' }).click();
	await manager.getByLabel('Team name').fill('East region');
	await manager.getByLabel('Coach').selectOption({ label: 'Chen Wei (chen)' });
	await manager.getByRole('button', { name: 'Create team' }).click();
	await manager.getByRole('link', { name: 'East region' }).click();
	for (const who of ['tia', 'tom'] as const) {
		const { name, username } = PEOPLE[who];
		await manager.getByLabel('Add a trainee').selectOption({ label: `${name} (${username})` });
		await manager.getByRole('button', { name: 'Add to team' }).click();
		await expect(manager.getByRole('cell', { name: `${name} (${username})` })).toBeVisible();
	}
	await expect(manager.getByText('Coach: Chen Wei')).toBeVisible();

	// The coach assigns the hospital deal to the team.
	const coach = await signedIn(browser, 'coach');
	await coach.getByRole('link', { name: 'Assignments' }).click();
	await coach.getByLabel('Scenario', { exact: true }).selectOption({ label: TITLES[HOSPITAL] });
	await coach.getByLabel('Assign to').selectOption({ label: 'East region' });
	await coach.getByLabel('Due date').fill('2099-12-31');
	await coach.getByLabel('Pass mark').fill('75');
	await coach.getByRole('button', { name: 'Assign' }).click();
	await expect(
		coach.getByRole('heading', { level: 3, name: new RegExp(TITLES[HOSPITAL]) })
	).toBeVisible();

	// Tia sees the assignment, wins the deal and passes it; Tom loses his on turn 2.
	const tia = await signedIn(browser, 'tia');
	const tiaAssignment = tia.getByRole('row', { name: new RegExp(TITLES[HOSPITAL]) }).first();
	await expect(tiaAssignment.getByRole('cell', { name: '2099-12-31' })).toBeVisible();
	await expect(tiaAssignment.getByRole('cell', { name: 'Due', exact: true })).toBeVisible();
	await expect(tiaAssignment).toContainText('75 or more · Best attempt counts');
	await tia.getByRole('link', { name: TITLES[HOSPITAL], exact: true }).first().click();
	await tia.getByRole('button', { name: 'Start the deal' }).click();
	await playToDebrief(tia, HOSPITAL, recordedPath(HOSPITAL, 'win'));
	await expect(scoreHeading(tia, '97.1')).toBeVisible();
	await tia.goto('/');
	await expect(tia.getByRole('row', { name: new RegExp(TITLES[HOSPITAL]) }).first()).toContainText(
		'Passed'
	);

	const tom = await signedIn(browser, 'tom');
	await tom.getByRole('link', { name: TITLES[HOSPITAL], exact: true }).first().click();
	await tom.getByRole('button', { name: 'Start the deal' }).click();
	await playToDebrief(tom, HOSPITAL, recordedPath(HOSPITAL, 'lossTrigger'));
	await expect(scoreHeading(tom, '11.4')).toBeVisible();

	// The coach finds Tom on the dashboard, steps through his attempt, comments and overrides.
	await coach.getByRole('link', { name: 'Dashboard' }).click();
	const trainees = coach.getByRole('region', { name: 'Trainees' });
	await expect(trainees.getByRole('link', { name: 'Tia Moreno' })).toBeVisible();
	await trainees.getByRole('link', { name: 'Tom Okafor' }).click();
	await coach
		.getByRole('region', { name: 'Attempts by Tom Okafor' })
		.getByRole('link', { name: 'Review' })
		.click();
	await expect(
		coach.getByRole('heading', { level: 1, name: `Review: ${TITLES[HOSPITAL]}` })
	).toBeVisible();
	const [first, second] = recordedPath(HOSPITAL, 'lossTrigger');
	await expect(
		coach.getByRole('heading', { level: 2, name: `Turn 1: ${moveLabel(HOSPITAL, first)}` })
	).toBeVisible();
	await coach
		.getByRole('navigation', { name: /steps/i })
		.getByRole('link', { name: 'Next' })
		.click();
	await expect(
		coach.getByRole('heading', { level: 2, name: `Turn 2: ${moveLabel(HOSPITAL, second)}` })
	).toBeVisible();
	await coach.getByLabel('Comment on this move').fill('Management before the users backed you.');
	await coach.getByRole('button', { name: 'Save the comment' }).first().click();
	await expect(coach.getByText('Management before the users backed you.').first()).toBeVisible();
	await coach.getByLabel('New score (0 to 100, one decimal at most)').fill('20');
	await coach.getByLabel('Reason').fill('He read the qualification rules right; credit for that.');
	await coach.getByRole('button', { name: 'Put this score in force' }).click();
	await expect(coach.getByRole('region', { name: 'Score' })).toContainText('20');

	// Tom reads the comment and the override on his debrief.
	await tom.reload();
	await expect(tom.getByText('Management before the users backed you.')).toBeVisible();
	await expect(
		tom.getByText(/The score in force is 20.*in place of the computed 11\.4; set by Chen Wei/)
	).toBeVisible();
	await expect(
		tom.getByText('Why: He read the qualification rules right; credit for that.')
	).toBeVisible();
	// The debrief names the computed score beside the reviewer's, and says the override decides.
	await expect(tom.getByText('The rules computed 11.4 (20 of 175 points).')).toBeVisible();
	await expect(tom.getByText("Pass mark 70, judged on the reviewer's score:")).toBeVisible();
	await expect(
		tom.getByText(/^A failed blocker would fail the attempt, but a reviewer's score/)
	).toBeVisible();
	await tom.goto('/');
	const tomAttempt = tom
		.getByRole('table')
		.filter({ hasText: 'Outcome' })
		.getByRole('row')
		.filter({ hasText: TITLES[HOSPITAL] });
	await expect(tomAttempt.getByRole('cell', { name: '20.0 (set by a reviewer)' })).toBeVisible();
	await expect(tomAttempt.getByRole('cell', { name: 'not passed', exact: true })).toBeVisible();

	// The manager's dashboard and exports hold both trainees, the override included.
	await manager.getByRole('link', { name: 'Dashboard' }).click();
	await expect(manager.getByRole('region', { name: 'Teams' })).toContainText('East region');
	const csvDownload = manager.waitForEvent('download');
	await manager.getByRole('link', { name: 'CSV for a spreadsheet' }).click();
	const csv = readFileSync((await (await csvDownload).path()) ?? '', 'utf8');
	const rows = csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(rows[0]).toMatch(/^attempt_id,trainee_username,trainee_name,team,scenario_id,/);
	expect(rows).toHaveLength(3);
	expect(rows.find((row) => row.includes(',tia,'))).toContain(',won,97.14,97.1,70,yes,');
	expect(rows.find((row) => row.includes(',tom,'))).toMatch(/,lost,11\.4\d?,11\.4,70,no,20,/);

	const xapi = await manager.request.get('/export/xapi.json');
	const statements = (await xapi.json()) as { verb: { id: string } }[];
	const verbs = statements.map((statement) => statement.verb.id.split('/').pop());
	expect(verbs.filter((verb) => verb === 'interacted')).toHaveLength(16);
	expect(verbs.filter((verb) => verb === 'passed' || verb === 'failed').sort()).toEqual([
		'failed',
		'passed'
	]);
});
