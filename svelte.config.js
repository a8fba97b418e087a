import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter(),
		typescript: {
			// Scripts and benchmarks import the same modules as the app: type-check them too.
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../bench/**/*.ts');
			}
		}
	}
};

export default config;
