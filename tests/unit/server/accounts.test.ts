import { describe, expect, it } from 'vitest';
import { accountsIn, type NewUser } from '../../../src/lib/server/accounts';
import { hashPassword, verifyPassword } from '../../../src/lib/server/passwords';
import { sessionsIn } from '../../../src/lib/server/sessions';
import { SignInGuard } from '../../../src/lib/server/sign-in';
import { freshStore, readBack, testClock } from './helpers';

/** A cheap scrypt cost: the hash names its cost, so verifying needs no option. */
const CHEAP = { logN: 10 };

const MEI: NewUser = {
	username: 'Mei.Chen',
	name: 'Mei Chen',
	role: 'trainee',
	password: 'three green apples',
	createdById: null
};

describe('passwords', () => {
	it('hashes with scrypt, naming its cost, salt and key, and verifies only the right password', async () => {
		const hash = await hashPassword('three green apples', CHEAP);

		expect(hash).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
		expect(await verifyPassword('three green apples', hash)).toBe(true);
		expect(await verifyPassword('three green apple', hash)).toBe(false);
		expect(await hashPassword('three green apples', CHEAP)).not.toBe(hash);
	});

	it.each(['', 'plain', 'md5$abc', 'scrypt$x$8$1$salt$key', 'scrypt$10$8$1$$'])(
		'never matches the malformed hash %j',
		async (stored) => {
			expect(await verifyPassword('anything at all', stored)).toBe(false);
		}
	);

	it('uses a 64 MiB scrypt cost by default', async () => {
		expect(await hashPassword('three green apples')).toMatch(/^scrypt\$16\$8\$1\$/);
	});
});

describe('account repository', () => {
	it('creates an account in accounts/users.json with a lower-case username and no clear password', async () => {
		const store = freshStore();
		const result = await accountsIn(store, CHEAP).createUser(MEI);

		expect(result.ok).toBe(true);
		const stored = readBack<{ users: Record<string, string>[] }>(store, 'accounts/users.json');
		expect(stored.users).toHaveLength(1);
		expect(stored.users[0]).toMatchObject({
			username: 'mei.chen',
			name: 'Mei Chen',
			role: 'trainee',
			createdAt: '2025-03-01T09:00:00.000Z',
			createdById: null
		});
		expect(stored.users[0].id).toMatch(/^u-[0-9a-f-]{36}$/);
		expect(JSON.stringify(stored)).not.toContain('three green apples');
	});

	it('refuses a taken username whatever its case', async () => {
		const accounts = accountsIn(freshStore(), CHEAP);
		await accounts.createUser(MEI);

		expect(await accounts.createUser({ ...MEI, username: 'MEI.CHEN' })).toEqual({
			ok: false,
			errors: { username: 'The username "mei.chen" is taken; choose another.' }
		});
		expect(await accounts.listUsers()).toHaveLength(1);
	});

	it.each([
		[
			{ username: 'x' },
			'username',
			'Choose a username of 2 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit; it is kept in lower case.'
		],
		[{ username: 'mei chen' }, 'username', expect.stringContaining('Choose a username')],
		[{ name: '  ' }, 'name', 'Enter the name to show, for example "Mei Chen".'],
		[{ name: 'x'.repeat(61) }, 'name', 'Keep the name to 60 characters or fewer.'],
		[
			{ password: 'short' },
			'password',
			'Choose a password of at least 10 characters; a few words in a row are easy to remember.'
		],
		[{ password: 'x'.repeat(201) }, 'password', 'Keep the password to 200 characters or fewer.'],
		[
			{ password: 'my name is mei.chen' },
			'password',
			'Choose a password that does not contain your username.'
		]
	])('refuses %j with a sentence on the %s field', async (change, field, message) => {
		const accounts = accountsIn(freshStore(), CHEAP);

		expect(await accounts.createUser({ ...MEI, ...change })).toEqual({
			ok: false,
			errors: { [field]: message }
		});
		expect(await accounts.listUsers()).toEqual([]);
	});

	it('finds an account by username typed in any case, and changes its password', async () => {
		const clock = testClock();
		const accounts = accountsIn(freshStore(clock), CHEAP);
		const created = await accounts.createUser(MEI);
		if (!created.ok) throw new Error('not created');
		clock.advance(60_000);

		const found = await accounts.findUser('  MEI.chen ');
		expect(found?.id).toBe(created.user.id);
		expect(await accounts.setPasswordHash(created.user.id, 'scrypt$new')).toBe(true);
		expect(await accounts.readUser(created.user.id)).toMatchObject({
			passwordHash: 'scrypt$new',
			passwordChangedAt: '2025-03-01T09:01:00.000Z'
		});
		expect(await accounts.setPasswordHash('u-nobody', 'x')).toBe(false);
	});
});

describe('sessions', () => {
	it('keeps only the token digest on disk and ends a session on sign-out', async () => {
		const store = freshStore();
		const sessions = sessionsIn(store);
		const token = await sessions.startSession('u-1');

		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(await sessions.sessionUser(token)).toBe('u-1');
		expect(JSON.stringify(readBack(store, 'accounts/sessions.json'))).not.toContain(token);
		await sessions.endSession(token);
		expect(await sessions.sessionUser(token)).toBeNull();
	});

	it('expires a session fourteen days after sign-in', async () => {
		const clock = testClock();
		const sessions = sessionsIn(freshStore(clock));
		const token = await sessions.startSession('u-1');

		clock.advance(14 * 24 * 3600 * 1000 - 1);
		expect(await sessions.sessionUser(token)).toBe('u-1');
		clock.advance(1);
		expect(await sessions.sessionUser(token)).toBeNull();
	});

	it('ends every other session of a person and keeps the one asked for', async () => {
		const sessions = sessionsIn(freshStore());
		const here = await sessions.startSession('u-1');
		const elsewhere = await sessions.startSession('u-1');
		const someoneElse = await sessions.startSession('u-2');

		await sessions.endOtherSessions('u-1', here);

		expect(await sessions.sessionUser(here)).toBe('u-1');
		expect(await sessions.sessionUser(elsewhere)).toBeNull();
		expect(await sessions.sessionUser(someoneElse)).toBe('u-2');
	});

	it.each(['', 'short', 'x'.repeat(43) + '!', '../../etc/passwd'])(
		'answers no one for the token %j',
		async (token) => {
			expect(await sessionsIn(freshStore()).sessionUser(token)).toBeNull();
		}
	);
});

describe('SignInGuard', () => {
	async function setup() {
		const accounts = accountsIn(freshStore(), CHEAP);
		await accounts.createUser(MEI);
		let now = 1_000_000;
		const guard = new SignInGuard(accounts.findUser, () => now, CHEAP);

		return { guard, advance: (ms: number) => (now += ms) };
	}

	it('signs in with the right password, whatever the username case', async () => {
		const { guard } = await setup();

		const result = await guard.signIn('MEI.CHEN', 'three green apples', '10.0.0.1');
		expect(result.ok && result.user.username).toBe('mei.chen');
	});

	it('answers an unknown username exactly like a wrong password', async () => {
		const { guard } = await setup();

		expect(await guard.signIn('nobody', 'three green apples', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'wrong'
		});
		expect(await guard.signIn('mei.chen', 'wrong password', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'wrong'
		});
	});

	it('makes every try after the third failure wait 1, then 2, then 4 seconds', async () => {
		const { guard, advance } = await setup();
		for (let i = 0; i < 2; i += 1) {
			expect(await guard.signIn('mei.chen', 'wrong', '10.0.0.1')).toEqual({
				ok: false,
				reason: 'wrong'
			});
		}
		await guard.signIn('mei.chen', 'wrong', '10.0.0.1');

		// After the third failure even the right password waits, from any address.
		const waiting = (seconds: number) => ({ ok: false, reason: 'wait', seconds });
		expect(await guard.signIn('mei.chen', 'three green apples', '10.0.0.2')).toEqual(waiting(1));
		advance(999);
		expect(await guard.signIn('mei.chen', 'three green apples', '10.0.0.2')).toEqual(waiting(1));
		advance(1);
		expect(await guard.signIn('mei.chen', 'wrong', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'wrong'
		});
		expect(await guard.signIn('mei.chen', 'wrong', '10.0.0.1')).toEqual(waiting(2));
		advance(2000);
		await guard.signIn('mei.chen', 'wrong', '10.0.0.1');
		expect(await guard.signIn('mei.chen', 'wrong', '10.0.0.1')).toEqual(waiting(4));
		advance(4000);
		expect((await guard.signIn('mei.chen', 'three green apples', '10.0.0.1')).ok).toBe(true);
	});

	it('counts tries sent all at once before any is checked, the right password included', async () => {
		const { guard } = await setup();
		const tries = Array.from({ length: 10 }, (_, i) =>
			guard.signIn('mei.chen', i === 7 ? 'three green apples' : `guess ${i}`, '10.0.0.1')
		);

		const answers = (await Promise.all(tries)).map((answer) => answer.ok || answer.reason);
		expect(answers).toEqual(['wrong', 'wrong', 'wrong', ...Array(7).fill('wait')]);
	});

	it('slows guesses at the current password of a signed-in person the same way', async () => {
		const accounts = accountsIn(freshStore(), CHEAP);
		const created = await accounts.createUser(MEI);
		if (!created.ok) throw new Error('not created');
		const guard = new SignInGuard(accounts.findUser, () => 0, CHEAP);
		for (let i = 0; i < 3; i += 1) await guard.checkPassword(created.user, 'wrong', '10.0.0.1');

		expect(await guard.checkPassword(created.user, 'three green apples', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'wait',
			seconds: 1
		});
		// The same count as signing in: the account's name is what is guessed at.
		expect((await guard.signIn('mei.chen', 'three green apples', '10.0.0.2')).ok).toBe(false);
	});

	it('caps the wait at five minutes', async () => {
		const { guard, advance } = await setup();
		for (let i = 0; i < 12; i += 1) {
			await guard.signIn('mei.chen', 'wrong', '10.0.0.1');
			advance(5 * 60 * 1000);
		}
		await guard.signIn('mei.chen', 'wrong', '10.0.0.1');

		expect(await guard.signIn('mei.chen', 'wrong', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'wait',
			seconds: 300
		});
	});

	it('slows one address trying many usernames after twenty failures', async () => {
		const { guard } = await setup();
		for (let i = 0; i < 20; i += 1) await guard.signIn(`user${i}`, 'wrong', '10.0.0.9');

		expect(await guard.signIn('mei.chen', 'three green apples', '10.0.0.9')).toEqual({
			ok: false,
			reason: 'wait',
			seconds: 1
		});
		expect((await guard.signIn('mei.chen', 'three green apples', '10.0.0.8')).ok).toBe(true);
	});

	it('forgets failures an hour after the last one', async () => {
		const { guard, advance } = await setup();
		for (let i = 0; i < 10; i += 1) {
			await guard.signIn('mei.chen', 'wrong', '10.0.0.1');
			advance(60_000);
		}
		advance(60 * 60 * 1000 + 1);

		expect((await guard.signIn('mei.chen', 'three green apples', '10.0.0.1')).ok).toBe(true);
	});
});
