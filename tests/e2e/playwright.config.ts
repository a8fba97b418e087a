import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.E2E_PORT ?? 4317);

/**
 * One throwaway data directory and content folder for the whole run. Playwright loads this file
 * again in every worker; the environment is inherited, so the folders are made only once.
 */
function prepareFolders() {
	if (!process.env.E2E_DATA_DIR) {
		const base = mkdtempSync(join(tmpdir(), 'five-lines-e2e-'));
		const content = join(base, 'scenarios');
		cpSync(join(root, 'content/scenarios'), content, { recursive: true });
		cpSync(join(root, 'tests/fixtures/e2e/broken-scenario.md'), join(content, 'broken.md'));
		process.env.E2E_DATA_DIR = join(base, 'data');
		process.env.E2E_CONTENT_DIR = content;
		createManager(process.env.E2E_DATA_DIR);
	}
	return { data: process.env.E2E_DATA_DIR, content: process.env.E2E_CONTENT_DIR as string };
}

/** The manager the specs sign in as, made with the README's command before the server starts. */
function createManager(dataDir: string) {
	const args = ['scripts/create-manager.ts', '--username', 'e2e-manager', '--name', 'E2E Manager'];
	execFileSync(join(root, 'node_modules/.bin/tsx'), args, {
		cwd: root,
		input: 'e2e manager password\n',
		env: { ...process.env, FIVE_LINES_DATA: dataDir },
		stdio: ['pipe', 'ignore', 'inherit']
	});
}

/** Debian's Chromium where it is installed, else whatever Playwright has of its own. */
function chromiumPath(): string | undefined {
	const candidate = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
	return existsSync(candidate) ? candidate : undefined;
}

const folders = prepareFolders();

export default defineConfig({
	testDir: '.',
	outputDir: join(root, 'test-results/e2e-artifacts'),
	fullyParallel: false,
	workers: 2,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: join(root, 'test-results/e2e.json') }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: {
			executablePath: chromiumPath(),
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: 'node scripts/start.js',
		cwd: root,
		url: `http://127.0.0.1:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			FIVE_LINES_DATA: folders.data,
			FIVE_LINES_CONTENT: folders.content,
			FIVE_LINES_BUILD_DIR: process.env.FIVE_LINES_BUILD_DIR ?? 'build'
		}
	}
});
