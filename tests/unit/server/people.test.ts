import { rmSync } from 'node:fs';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountsIn, type Role } from '../../../src/lib/server/accounts';
import { peopleOverview } from '../../../src/lib/server/people';
import { getStore } from '../../../src/lib/server/store';
import PeoplePage from '../../../src/routes/people/+page.svelte';

// The app's module verbs read FIVE_LINES_DATA when first used: point it at a fresh directory.
const dataDir = await vi.hoisted(async () => {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'five-lines-people-'));
	process.env.FIVE_LINES_DATA = dir;

	return dir;
});

/** Made in this order, which is neither the role order nor the name order. */
const ACCOUNTS: [username: string, name: string, role: Role][] = [
	['extra10', 'Extra 10', 'trainee'],
	['zoe', 'Zoe Coach', 'coach'],
	['extra3', 'Extra 3', 'trainee'],
	['mia', 'Mia Manager', 'manager'],
	['extra2b', 'Extra 2', 'trainee'],
	['abe', 'Abe Coach', 'coach'],
	['extra2a', 'Extra 2', 'trainee']
];

beforeAll(async () => {
	const accounts = accountsIn(getStore(), { logN: 4 });
	for (const [username, name, role] of ACCOUNTS) {
		const password = 'a long enough passphrase';
		const made = await accounts.createUser({ username, name, role, password, createdById: null });
		if (!made.ok) throw new Error(JSON.stringify(made.errors));
	}
});

afterAll(() => {
	getStore().close();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('peopleOverview', () => {
	it('groups managers, coaches, then trainees, each by name with numbers read as numbers', async () => {
		const { groups } = await peopleOverview();

		expect(groups.map(({ role, people }) => [role, people.map((p) => p.username)])).toEqual([
			['manager', ['mia']],
			['coach', ['abe', 'zoe']],
			['trainee', ['extra2a', 'extra2b', 'extra3', 'extra10']]
		]);
	});
});

describe('the people page', () => {
	it('heads each role group and says how the accounts are ordered', async () => {
		const data = { ...(await peopleOverview()), unclaimed: [] };
		const { body } = render(PeoplePage, { props: { data, form: null } as never });
		const headings = [...body.matchAll(/<h3 id="role-[a-z]+">([^<]*)<\/h3>/g)].map((m) => m[1]);
		const names = [...body.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);

		expect(headings).toEqual(['Managers (1)', 'Coaches (2)', 'Trainees (4)']);
		expect(names).toEqual([
			'Mia Manager',
			'Abe Coach',
			'Zoe Coach',
			'Extra 2',
			'Extra 2',
			'Extra 3',
			'Extra 10'
		]);
		expect(body.replace(/\s+/g, ' ')).toContain(
			'Grouped by role: managers, then coaches, then trainees. Within a group, by name; ' +
				'numbers in names count as numbers, so "Extra 3" comes before "Extra 10".'
		);
	});
});
