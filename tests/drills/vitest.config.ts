import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The fault drills drive the built server (`node scripts/start.js`), so they run after
 * `npm run build`, apart from the unit suite. One file at a time: each test starts servers.
 */
export default defineConfig({
	root: path.resolve(import.meta.dirname, '../..'),
	test: {
		include: ['tests/drills/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 15_000
	}
});
