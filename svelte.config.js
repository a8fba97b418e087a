import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// The test command builds elsewhere (FIVE_LINES_BUILD_DIR), so running the tests never
		// replaces the files under an app that is being served from build/.
		adapter: adapter({ out: process.env.FIVE_LINES_BUILD_DIR || 'build' }),
		typescript: {
			// Scripts and benchmarks import the same modules as the app: type-check them too.
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../bench/**/*.ts');
			}
		}
	}
};

export default config;
