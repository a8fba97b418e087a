import { expect, test, type Request } from '@playwright/test';
import { newAttempt, playToDebrief, recordedPath, scoreHeading } from './support';

test.describe('playing without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every move is a plain form post and the win scores as with JavaScript', async ({
		page
	}) => {
		const requests: Request[] = [];
		page.on('request', (request) => requests.push(request));
		await newAttempt(page, 'city-hospital', 'No script');

		const win = recordedPath('city-hospital', 'win');
		await playToDebrief(page, 'city-hospital', win);

		await expect(page.getByRole('heading', { level: 2, name: 'Deal won' })).toBeVisible();
		await expect(scoreHeading(page, '97.1')).toBeVisible();
		await expect(page.getByText('170 of 175 points. Pass mark 70: passed')).toBeVisible();

		const moves = requests.filter((request) => request.url().endsWith('?/move'));
		expect(moves).toHaveLength(win.length);
		for (const move of moves) {
			expect(move.method()).toBe('POST');
			expect(move.resourceType()).toBe('document');
		}
		expect(requests.filter((request) => ['fetch', 'xhr'].includes(request.resourceType()))).toEqual(
			[]
		);
	});
});
