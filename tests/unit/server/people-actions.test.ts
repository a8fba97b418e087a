import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountsIn, type Role } from '../../../src/lib/server/accounts';
import { giveHistory, resetPassword } from '../../../src/lib/server/people';
import { getStore } from '../../../src/lib/server/store';

// The app's module verbs read FIVE_LINES_DATA when first used: point it at a fresh directory.
const dataDir = await vi.hoisted(async () => {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'five-lines-people-actions-'));
	process.env.FIVE_LINES_DATA = dir;

	return dir;
});

const ids: Record<string, string> = {};

beforeAll(async () => {
	const accounts = accountsIn(getStore(), { logN: 4 });
	const made: [string, Role][] = [
		['mia', 'manager'],
		['max', 'manager'],
		['cora', 'coach'],
		['tim', 'trainee']
	];
	for (const [username, role] of made) {
		const password = 'a long enough passphrase';
		const result = await accounts.createUser({
			username,
			name: username,
			role,
			password,
			createdById: null
		});
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		ids[username] = result.user.id;
	}
});

afterAll(() => {
	getStore().close();
	rmSync(dataDir, { recursive: true, force: true });
});

describe("the manager's people actions", () => {
	it.each(['mia', 'max'])('refuses to set the password of the manager %s', async (username) => {
		expect(await resetPassword(ids[username], 'a brand new passphrase')).toBe(
			'A manager changes their own password under their name; a forgotten one is reset with npm run manager:create -- --reset.'
		);
	});

	it.each(['cora', 'tim'])('sets a new password for %s', async (username) => {
		expect(await resetPassword(ids[username], 'a brand new passphrase')).toBeNull();
	});

	it.each(['mia', 'cora', 'u-nobody'])(
		'gives display-name attempts to trainees only, not to %s',
		async (who) => {
			expect(await giveHistory('3f2b6c1e-8d4a-4b7e-9c2d-1a5e7f9b0c3d', ids[who] ?? who)).toBe(
				'Choose the trainee to give these attempts to.'
			);
		}
	);
});
