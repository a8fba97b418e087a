import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// Rolldown's table of plugin timings (SvelteKit's own plugins, every build) reads like a
		// warning to someone building the app for the first time, and asks nothing of them.
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
