import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Viewer } from '../../../src/lib/server/access';
import { accountsIn, publicPerson, type Role } from '../../../src/lib/server/accounts';
import { openStore, type Store } from '../../../src/lib/server/store';

/** A clock the test moves by hand. */
export function testClock(start = '2025-03-01T09:00:00.000Z') {
	let time = Date.parse(start);

	return {
		now: () => new Date(time),
		advance: (ms: number) => {
			time += ms;
		}
	};
}

const cleanups: (() => void)[] = [];

afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A new, empty temporary directory, removed after the test. */
export function freshDir(prefix = 'five-lines-'): string {
	const dir = mkdtempSync(path.join(tmpdir(), prefix));
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

	return dir;
}

/** A store over a fresh data directory, closed after the test. */
export function freshStore(clock = testClock()): Store {
	const store = openStore(freshDir(), { now: clock.now });
	cleanups.unshift(() => store.close());

	return store;
}

/** Reads a JSON file of the store back from disk, as another process would. */
export function readBack<T = unknown>(store: Store, file: string): T {
	return JSON.parse(readFileSync(path.join(store.dir, file), 'utf8')) as T;
}

/**
 * Makes an account in the store, as the people page would, and returns it as a viewer. The
 * hash is cheap (scrypt 2^4): these tests are about what accounts may do, not passwords.
 */
export async function addPerson(
	store: Store,
	username: string,
	name: string,
	role: Role
): Promise<Viewer> {
	const password = 'a long enough passphrase';
	const made = await accountsIn(store, { logN: 4 }).createUser({
		username,
		name,
		role,
		password,
		createdById: null
	});
	if (!made.ok) throw new Error(`Refused ${username}: ${JSON.stringify(made.errors)}`);

	return publicPerson(made.user);
}
