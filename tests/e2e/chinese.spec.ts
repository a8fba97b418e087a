import { expect, test, type Page } from '@playwright/test';
import { moveLabel, recordedPath, signUp, TITLES, uniqueName, type ScenarioId } from './support';

const BUREAU: ScenarioId = 'zh-city-bureau';

/*
 * The shared helpers wait for English headings; a Chinese scenario's pages speak Chinese, so
 * this spec starts and plays the deal with its own steps.
 */

async function startBureau(page: Page): Promise<void> {
	await signUp(page, uniqueName('小王'));
	await page.getByRole('link', { name: TITLES[BUREAU], exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: '人物关系' })).toBeVisible();
	await page.getByRole('button', { name: '开始这单' }).click();

	await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
	await expect(page.getByRole('heading', { level: 2, name: '你的第一步' })).toBeVisible();
}

/** Plays a recorded path; each turn is awaited by its Chinese heading, the last on the debrief. */
async function playBureauToDebrief(page: Page, moveIds: readonly string[]): Promise<void> {
	for (const [index, moveId] of moveIds.entries()) {
		const label = moveLabel(BUREAU, moveId);
		await page.getByRole('button', { name: label, exact: true }).click();
		if (index === moveIds.length - 1) break;

		await expect(
			page.getByRole('heading', { level: 2, name: `第 ${index + 1} 步：${label}` })
		).toBeVisible();
	}

	await expect(page).toHaveURL(/\/attempts\/[^/]+\/debrief$/);
	await expect(
		page.getByRole('heading', { level: 1, name: `复盘：${TITLES[BUREAU]}` })
	).toBeVisible();
}

test.describe('the Chinese city bureau deal', () => {
	test('speaks Chinese throughout and is won with the hand-computed score', async ({ page }) => {
		await startBureau(page);

		await expect(page.getByText('第 0 周 / 共 16 周')).toBeVisible();
		await expect(page.getByText('（剩余 16 周）')).toBeVisible();
		await expect(
			page.getByRole('list', { name: '项目阶段' }).locator('[aria-current="step"]')
		).toHaveText('调研');
		for (const line of ['用户线', '技术线', '管理线', '采购线']) {
			await expect(page.getByRole('region', { name: line })).toBeVisible();
		}
		// A mid-size deal has no finance line.
		await expect(page.getByRole('region', { name: '财务线' })).toHaveCount(0);
		const management = page.getByRole('region', { name: '管理线' });
		await expect(management).toContainText('赵国强');
		await expect(management.getByText(/^关注：/).first()).toBeVisible();
		await expect(management.getByRole('heading', { level: 3, name: '可选行动' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: '推动成交' })).toBeVisible();
		const dataCentre = page.getByRole('button', { name: moveLabel(BUREAU, 'data-center-meeting') });
		await expect(dataCentre).toBeDisabled();
		await expect(dataCentre).toHaveAccessibleDescription(/^孙浩的回复很干脆/);

		await playBureauToDebrief(page, recordedPath(BUREAU, 'win'));

		await expect(page.getByRole('heading', { level: 2, name: '赢单' })).toBeVisible();
		await expect(page.getByText('赵副局长按程序签了字')).toBeVisible();
		await expect(page.getByText('这单在第 11 步结束，用时 11 周（共 16 周）。')).toBeVisible();
		// Hand-computed in tests/unit/content/shipped-scenarios.test.ts: 160 of 165, 96.97.
		await expect(page.getByRole('heading', { level: 2, name: '得分 96.9 / 100' })).toBeVisible();
		await expect(page.getByText('得 160 分，满分 165 分。及格线 70 分：通过')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: '逐条规则' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 3, name: /^顺序/ })).toBeVisible();
		const regain = page
			.getByRole('row')
			.filter({ has: page.getByText('先技术线和采购线，再碰管理线', { exact: true }) });
		await expect(regain.getByRole('cell').nth(1)).toHaveText('✓ 通过');
		await expect(regain.getByRole('cell').nth(3)).toHaveText(
			`第 10 步：${moveLabel(BUREAU, 'deputy-report')}`
		);
		await expect(
			page.getByRole('table', { name: '各线行动（按步）' }).getByRole('rowheader')
		).toHaveText(['用户线 (2)', '技术线 (4)', '管理线 (1)', '采购线 (3)']);
		await expect(page.getByRole('heading', { level: 2, name: '教练点评' })).toBeVisible();
		await expect(page.getByRole('link', { name: '再玩一次' })).toBeVisible();
	});
});
