import { createHash } from 'node:crypto';
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ParseResult, Scenario } from '../../../src/lib/scenario/types';
import { openCatalogue } from '../../../src/lib/server/scenarios';
import { scenarioVersionFile } from '../../../src/lib/server/store';
import { freshDir, freshStore, testClock } from './helpers';

// The catalogue is tested on its own: a stand-in parser reads `id` and `title` from the front
// matter, hashes the source as the version, and reports a line containing BROKEN as an error.
vi.mock('../../../src/lib/scenario/parse', () => ({
	parseScenario: (source: string, file: string): ParseResult => {
		const lines = source.split('\n');
		const broken = lines.findIndex((line) => line.includes('BROKEN'));
		if (broken !== -1) {
			const error = { file, line: broken + 1, column: 1, message: 'broken', fix: 'mend it' };
			return { ok: false, errors: [error] };
		}
		const field = (key: string) =>
			lines.find((l) => l.startsWith(`${key}: `))?.slice(key.length + 2);
		if (source.includes('THROW')) throw new Error('parser bug');
		const version = createHash('sha256').update(source).digest('hex').slice(0, 12);
		const scenario = { id: field('id'), title: field('title'), version } as Scenario;

		return { ok: true, scenario };
	}
}));

function scenarioText(id: string, title = `Scenario ${id}`, body = 'Briefing.') {
	return `---\nid: ${id}\ntitle: ${title}\n---\n\n${body}\n`;
}

function setup() {
	const clock = testClock();
	const dir = freshDir('five-lines-content-');
	const store = freshStore(clock);
	const catalogue = openCatalogue({ dir, store: () => store, now: clock.now });
	const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

	return { clock, dir, store, catalogue, write };
}

describe('scenario catalogue', () => {
	it('lists a broken scenario with its errors and keeps the valid ones', async () => {
		const { catalogue, write } = setup();
		write('alpha.md', scenarioText('alpha'));
		write('broken.md', scenarioText('beta', 'Beta', 'BROKEN here'));
		write('notes.txt', 'not a scenario');

		const { scenarios, broken } = await catalogue.list();
		expect(scenarios.map((entry) => entry.scenario.id)).toEqual(['alpha']);
		expect(broken).toHaveLength(1);
		expect(broken[0].file).toMatch(/broken\.md$/);
		expect(broken[0].errors).toMatchObject([{ line: 6, message: 'broken' }]);
	});

	it('reports a duplicate id on both files', async () => {
		const { catalogue, write } = setup();
		write('one.md', scenarioText('same'));
		write('two.md', scenarioText('same'));
		write('other.md', scenarioText('other'));

		const { scenarios, broken } = await catalogue.list();
		expect(scenarios.map((entry) => entry.scenario.id)).toEqual(['other']);
		expect(broken.map((entry) => path.basename(entry.file))).toEqual(['one.md', 'two.md']);
		expect(broken[0].errors[0]).toMatchObject({ line: 2, column: 1 });
		expect(broken[0].errors[0].message).toMatch(
			/duplicate scenario id "same", also used by .*two\.md/
		);
	});

	it('reports a parser failure on the file instead of failing', async () => {
		const { catalogue, write } = setup();
		write('bug.md', scenarioText('bug', 'Bug', 'THROW'));

		const { broken } = await catalogue.list();
		expect(broken[0].errors[0].message).toMatch(/the parser failed \(parser bug\)/);
	});

	it('reports a missing content folder as an error instead of failing', async () => {
		const { catalogue, dir } = setup();
		rmSync(dir, { recursive: true });

		const { scenarios, broken } = await catalogue.list();
		expect(scenarios).toEqual([]);
		expect(broken[0].errors[0].fix).toMatch(/FIVE_LINES_CONTENT/);
	});

	it('sees an edit once a second has passed, not before', async () => {
		const { clock, catalogue, write, dir } = setup();
		write('alpha.md', scenarioText('alpha', 'Old title'));
		await catalogue.list();
		write('alpha.md', scenarioText('alpha', 'New title, longer'));
		utimesSync(path.join(dir, 'alpha.md'), new Date(), new Date(Date.now() + 5000));

		expect((await catalogue.getScenario('alpha'))?.scenario.title).toBe('Old title');
		clock.advance(1000);
		expect((await catalogue.getScenario('alpha'))?.scenario.title).toBe('New title, longer');
	});

	it('does not re-read a file whose size and time are unchanged', async () => {
		const { clock, catalogue, write } = setup();
		write('alpha.md', scenarioText('alpha'));
		const before = await catalogue.list();
		clock.advance(1000);

		expect(await catalogue.list()).toBe(before);
	});

	it('returns an old version from the store after the coach edits the file', async () => {
		const { clock, catalogue, store, write } = setup();
		write('alpha.md', scenarioText('alpha', 'First'));
		const first = (await catalogue.getScenario('alpha'))!.scenario;
		await catalogue.rememberScenarioVersion('alpha', first.version);
		write('alpha.md', scenarioText('alpha', 'Second edition'));
		clock.advance(1000);

		const second = (await catalogue.getScenario('alpha'))!.scenario;
		expect(second.version).not.toBe(first.version);
		expect(await catalogue.getScenarioVersion('alpha', second.version)).toBe(second);
		expect(await catalogue.getScenarioVersion('alpha', first.version)).toEqual(first);
		const stored = readFileSync(path.join(store.dir, scenarioVersionFile('alpha', first.version)));
		expect(stored.toString()).toBe(scenarioText('alpha', 'First'));
	});

	it('returns null for a version that was never remembered or an unsafe one', async () => {
		const { catalogue, write } = setup();
		write('alpha.md', scenarioText('alpha'));

		expect(await catalogue.getScenarioVersion('alpha', 'deadbeef')).toBeNull();
		expect(await catalogue.getScenarioVersion('alpha', '../../x')).toBeNull();
	});

	it('refuses to remember a version that is neither current nor stored', async () => {
		const { catalogue, write } = setup();
		write('alpha.md', scenarioText('alpha'));

		await expect(catalogue.rememberScenarioVersion('alpha', 'gone')).rejects.toThrow(
			'Scenario "alpha" has no version "gone" any more; reload the page.'
		);
	});
});
