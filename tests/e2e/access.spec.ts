import { expect, test } from '@playwright/test';
import {
	MANAGER,
	TITLES,
	moveLabel,
	newAttempt,
	playMoves,
	signIn,
	signUp,
	uniqueName
} from './support';

test.describe('the coaches page', () => {
	test('lists the broken scenario with its located error and hides it from trainees', async ({
		page
	}) => {
		await signIn(page, MANAGER.username, MANAGER.password);
		await page.goto('/coach');

		await expect(
			page.getByRole('heading', { level: 1, name: 'Scenarios for coaches' })
		).toBeVisible();
		await expect(page.getByRole('status')).toHaveText(
			'1 scenario has errors and is hidden from trainees.'
		);
		// As `npm run scenarios:check -- tests/fixtures/e2e/broken-scenario.md` reports it.
		await expect(
			page.getByRole('list', { name: /^Errors in (.*\/)?broken\.md$/ }).getByRole('listitem')
		).toHaveText([
			/^(.*\/)?broken\.md:25:11: unknown stance "hopeful" — write one of: opposed, sceptical, neutral, supportive, champion$/
		]);
		for (const title of Object.values(TITLES)) {
			const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
			await expect(row.getByRole('cell').nth(2)).toHaveText('ready');
		}

		await page.goto('/');
		await expect(page.getByRole('heading', { level: 2, name: 'Scenarios' })).toBeVisible();
		// Coaches may add scenarios of their own: the shipped ones must be there, the broken one not.
		const titles = page.getByRole('listitem').getByRole('heading', { level: 3 });
		for (const title of Object.values(TITLES)) {
			await expect(titles.filter({ hasText: title })).toHaveCount(1);
		}
		await expect(page.getByText('A scenario with a mistake')).toHaveCount(0);

		const response = await page.goto('/scenarios/broken-demo');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
	});
});

test.describe('attempt pages', () => {
	test('answer another trainee with not found', async ({ page, browser, baseURL }) => {
		const playUrl = await newAttempt(page, 'city-hospital', 'Owner');
		await playMoves(page, 'city-hospital', ['nursing-director-interview']);

		const other = await browser.newContext({ baseURL });
		const stranger = await other.newPage();
		await signUp(stranger, uniqueName('Stranger'));
		const refusals = {
			[playUrl]: 'There is no such attempt of yours. Start a new one from the scenarios.',
			[`${playUrl}/debrief`]: 'There is no such attempt, or it is not yours to see.'
		};
		for (const [url, refusal] of Object.entries(refusals)) {
			const response = await stranger.goto(url);
			expect(response?.status()).toBe(404);
			await expect(stranger.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
			await expect(stranger.getByText(refusal)).toBeVisible();
			await expect(stranger.getByText('Interview the Director of Nursing')).toHaveCount(0);
		}
		await other.close();

		await page.reload();
		await expect(
			page.getByRole('heading', {
				level: 2,
				name: `Turn 1: ${moveLabel('city-hospital', 'nursing-director-interview')}`
			})
		).toBeVisible();
	});
});
