/**
 * Signing in: checks a username and password and slows down guessing. Failures are counted per
 * username and per client address, in memory: after a few, each further try must wait, and the
 * wait doubles with every failure (a restart forgets the counts, which only helps a user).
 */
import { findUser, type User } from './accounts';
import { hashPassword, verifyPassword, type HashOptions } from './passwords';

/** Failures after which every further try must wait, per username and per address. */
const FREE_FAILURES = { username: 3, address: 20 };
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 5 * 60 * 1000;
/** Counts of a key that has not failed for this long are forgotten. */
const FORGET_AFTER_MS = 60 * 60 * 1000;

interface Failures {
	count: number;
	last: number;
	/** No try is checked before this time. */
	blockedUntil: number;
}

export type SignInResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'wait'; seconds: number };

/** The failure counts of one server; exported as a class so tests can use their own clock. */
export class SignInGuard {
	readonly #failures = new Map<string, Failures>();
	#dummyHash: Promise<string> | null = null;

	/** `hashing` must match the cost of the stored hashes, so an unknown name costs the same. */
	constructor(
		private readonly find: (username: string) => Promise<User | null> = findUser,
		private readonly now: () => number = Date.now,
		private readonly hashing: HashOptions = {}
	) {}

	async signIn(username: string, password: string, address: string): Promise<SignInResult> {
		return this.#guarded(username, address, async () => {
			const user = await this.find(username);
			// An unknown username costs as much as a wrong password, so timing reveals nothing.
			const hash = user?.passwordHash ?? (await this.#dummy());
			const isRight = (await verifyPassword(password, hash)) && user !== null;

			return isRight ? user : null;
		});
	}

	/** Checks a signed-in person's current password (to change it), slowed like signing in. */
	async checkPassword(user: User, password: string, address: string): Promise<SignInResult> {
		return this.#guarded(user.username, address, async () =>
			(await verifyPassword(password, user.passwordHash)) ? user : null
		);
	}

	/**
	 * Runs a password check under the failure counts. The try is counted as a failure before
	 * the slow hash and forgiven if it succeeds, so tries sent all at once are counted at once.
	 */
	async #guarded(
		username: string,
		address: string,
		check: () => Promise<User | null>
	): Promise<SignInResult> {
		// No username is longer than 32 characters: a longer one never grows the map.
		const keys = [`u:${username.trim().toLowerCase().slice(0, 40)}`, `a:${address}`];
		const wait = Math.max(...keys.map((key) => this.#waitFor(key)));
		if (wait > 0) return { ok: false, reason: 'wait', seconds: Math.ceil(wait / 1000) };

		this.#fail(keys[0], FREE_FAILURES.username);
		this.#fail(keys[1], FREE_FAILURES.address);
		const user = await check();
		if (!user) return { ok: false, reason: 'wrong' };

		this.#failures.delete(keys[0]);
		this.#forgive(keys[1], FREE_FAILURES.address);

		return { ok: true, user };
	}

	#dummy(): Promise<string> {
		return (this.#dummyHash ??= hashPassword('not a password', this.hashing));
	}

	#waitFor(key: string): number {
		const entry = this.#failures.get(key);
		if (!entry) return 0;
		if (this.now() - entry.last > FORGET_AFTER_MS) {
			this.#failures.delete(key);
			return 0;
		}

		return Math.max(0, entry.blockedUntil - this.now());
	}

	#fail(key: string, free: number): void {
		const now = this.now();
		const count = (this.#failures.get(key)?.count ?? 0) + 1;
		// From the `free`-th failure on, every further try waits: 1 s, then 2 s, 4 s …
		const over = count - free;
		const wait = over >= 0 ? Math.min(FIRST_WAIT_MS * 2 ** over, MAX_WAIT_MS) : 0;
		this.#failures.set(key, { count, last: now, blockedUntil: now + wait });
		if (this.#failures.size > 10_000) this.#forgetOld(now);
	}

	/** Takes back one counted failure: the try it stood for succeeded. */
	#forgive(key: string, free: number): void {
		const entry = this.#failures.get(key);
		if (!entry) return;
		const count = entry.count - 1;
		if (count <= 0) this.#failures.delete(key);
		else
			this.#failures.set(key, {
				...entry,
				count,
				blockedUntil: count < free ? 0 : entry.blockedUntil
			});
	}

	#forgetOld(now: number): void {
		for (const [key, entry] of this.#failures) {
			if (now - entry.last > FORGET_AFTER_MS) this.#failures.delete(key);
		}
	}
}

/** The app's guard: one per server process. */
export const signInGuard = new SignInGuard();
