import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src/lib/server/scenarios';
import { freshDir, freshStore, testClock } from './helpers';

// The catalogue with the real parser, over a copy of a shipped scenario.
const SOURCE = readFileSync('content/scenarios/city-hospital.md', 'utf8');
const TITLE = /^title: .*$/m;

function setup() {
	const clock = testClock();
	const dir = freshDir('five-lines-content-');
	const store = freshStore(clock);
	const catalogue = openCatalogue({ dir, store: () => store, now: clock.now });
	const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

	return { clock, catalogue, write };
}

describe('scenario catalogue with the real parser', () => {
	it('keeps a valid scenario and lists a broken one with located errors', async () => {
		const { catalogue, write } = setup();
		write('city-hospital.md', SOURCE);
		write(
			'broken.md',
			SOURCE.replace('id: city-hospital', 'id: other').replace('# Moves', '# Mooves')
		);

		const { scenarios, broken } = await catalogue.list();
		expect(scenarios.map((entry) => entry.scenario.id)).toEqual(['city-hospital']);
		expect(broken).toHaveLength(1);
		expect(broken[0].errors.length).toBeGreaterThan(0);
		expect(broken[0].errors[0].file).toMatch(/broken\.md$/);
		expect(broken[0].errors[0].line).toBeGreaterThan(1);
	});

	it('replays the version an attempt started on after the coach edits the title', async () => {
		const { clock, catalogue, write } = setup();
		write('city-hospital.md', SOURCE);
		const before = (await catalogue.getScenario('city-hospital'))?.scenario;
		if (!before) throw new Error('The shipped scenario should parse.');
		await catalogue.rememberScenarioVersion('city-hospital', before.version);

		write('city-hospital.md', SOURCE.replace(TITLE, 'title: Renamed by the coach'));
		clock.advance(1000);
		const after = (await catalogue.getScenario('city-hospital'))?.scenario;

		expect(after?.title).toBe('Renamed by the coach');
		expect(after?.version).not.toBe(before.version);
		const old = await catalogue.getScenarioVersion('city-hospital', before.version);
		expect(old?.title).toBe(before.title);
		expect(old?.version).toBe(before.version);
	});
});
