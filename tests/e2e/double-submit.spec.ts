import { expect, test, type Page } from '@playwright/test';
import { moveLabel, newAttempt, playMoves } from './support';

const HOSPITAL = 'city-hospital';
const FIRST = 'nursing-director-interview';

/** The play screen after exactly one move: turn 1 is the latest and no turn 2 exists. */
async function expectOneTurn(page: Page): Promise<void> {
	await expect(
		page.getByRole('heading', { level: 2, name: `Turn 1: ${moveLabel(HOSPITAL, FIRST)}` })
	).toBeVisible();
	await expect(page.getByText('Week 1 of 24')).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Turn 2:/ })).toHaveCount(0);
	await expect(page.getByText('played ×2')).toHaveCount(0);
}

test.describe('a move sent twice', () => {
	test('two concurrent posts of the same turn apply the move once', async ({ page, baseURL }) => {
		const playUrl = await newAttempt(page, HOSPITAL, 'Double poster');
		const post = () =>
			page.request.post(`${playUrl}?/move`, {
				form: { moveId: FIRST, seq: '1' },
				headers: { origin: baseURL ?? '' },
				maxRedirects: 0
			});

		const responses = await Promise.all([post(), post()]);

		expect(responses.map((response) => response.status())).toEqual([200, 200]);
		await page.reload();
		await expectOneTurn(page);
		await playMoves(page, HOSPITAL, ['shadow-night-shift'], 2);
		await expect(page.getByText('Week 2 of 24')).toBeVisible();
	});

	test('a double click on a move button applies the move once', async ({ page }) => {
		let pending = 0;
		page.on('request', (request) => {
			if (request.method() === 'POST') pending += 1;
		});
		page.on('requestfinished', (request) => {
			if (request.method() === 'POST') pending -= 1;
		});
		page.on('requestfailed', (request) => {
			if (request.method() === 'POST') pending -= 1;
		});
		await newAttempt(page, HOSPITAL, 'Double clicker');

		await page.getByRole('button', { name: moveLabel(HOSPITAL, FIRST) }).dblclick();

		await expect.poll(() => pending).toBe(0);
		await expectOneTurn(page);
	});
});

test.describe('a move sent twice without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same turn posted from two tabs applies the move once, and a stale tab is refused', async ({
		page,
		context
	}) => {
		const playUrl = await newAttempt(page, HOSPITAL, 'Two tabs');
		const [again, stale] = [await context.newPage(), await context.newPage()];
		for (const tab of [again, stale]) await tab.goto(playUrl);

		for (const tab of [page, again]) {
			await tab.getByRole('button', { name: moveLabel(HOSPITAL, FIRST) }).click();
			await expectOneTurn(tab);
		}
		await stale.getByRole('button', { name: moveLabel(HOSPITAL, 'security-review') }).click();

		await expect(stale.getByRole('alert')).toHaveText(
			'This page was out of date, so the move was not played. Here is the deal as it stands.'
		);
		await expectOneTurn(stale);
	});
});
