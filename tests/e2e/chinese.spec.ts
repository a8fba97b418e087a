import { expect, test } from '@playwright/test';
import { moveLabel, newAttempt, playToDebrief, recordedPath, scoreHeading } from './support';

const BUREAU = 'zh-city-bureau';

test.describe('the Chinese city bureau deal', () => {
	test('shows its four lines in Chinese and is won with the hand-computed score', async ({
		page
	}) => {
		await newAttempt(page, BUREAU, '小王');

		await expect(page.getByText('Week 0 of 16')).toBeVisible();
		await expect(
			page.getByRole('list', { name: 'Deal stages' }).locator('[aria-current="step"]')
		).toHaveText('调研');
		for (const line of ['用户线', '技术线', '管理线', '采购线']) {
			await expect(page.getByRole('region', { name: line })).toBeVisible();
		}
		// A mid-size deal has no finance line.
		await expect(page.getByRole('region', { name: '财务线' })).toHaveCount(0);
		await expect(page.getByRole('region', { name: '管理线' })).toContainText('赵国强');
		const dataCentre = page.getByRole('button', { name: moveLabel(BUREAU, 'data-center-meeting') });
		await expect(dataCentre).toBeDisabled();
		await expect(dataCentre).toHaveAccessibleDescription(/^孙浩的回复很干脆/);

		await playToDebrief(page, BUREAU, recordedPath(BUREAU, 'win'));

		await expect(page.getByRole('heading', { level: 2, name: 'Deal won' })).toBeVisible();
		await expect(page.getByText('赵副局长按程序签了字')).toBeVisible();
		await expect(page.getByText('The deal ended on turn 11, in week 11 of 16.')).toBeVisible();
		// Hand-computed in tests/unit/content/shipped-scenarios.test.ts: 160 of 165, 96.97.
		await expect(scoreHeading(page, '96.9')).toBeVisible();
		await expect(page.getByText('160 of 165 points. Pass mark 70: passed')).toBeVisible();
		await expect(page.getByRole('heading', { level: 3, name: /^顺序/ })).toBeVisible();
		const regain = page
			.getByRole('row')
			.filter({ has: page.getByText('先技术线和采购线，再碰管理线', { exact: true }) });
		await expect(regain.getByRole('cell').nth(3)).toHaveText(
			`Turn 10: ${moveLabel(BUREAU, 'deputy-report')}`
		);
		await expect(
			page.getByRole('table', { name: 'Moves per line, by turn' }).getByRole('rowheader')
		).toHaveText(['用户线 (2)', '技术线 (4)', '管理线 (1)', '采购线 (3)']);
	});
});
