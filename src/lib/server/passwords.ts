/**
 * Password hashing with scrypt, a memory-hard function built into Node. A stored hash names its
 * own parameters, so the cost can be raised later without locking anyone out.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** 2^16 × 8 × 128 bytes: 64 MiB and about a quarter of a second per hash on our machine. */
const DEFAULT_LOG_N = 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it is never a burden. */
const MAX_PASSWORD_LENGTH = 200;

export interface HashOptions {
	/** log2 of scrypt's cost N; tests lower it to stay fast. */
	logN?: number;
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	const memory = 128 * (options.N ?? 0) * (options.r ?? BLOCK_SIZE) * 2;

	return new Promise((resolve, reject) => {
		scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: memory }, (e, key) =>
			e ? reject(e) : resolve(key)
		);
	});
}

/** A self-describing hash: `scrypt$<logN>$<r>$<p>$<salt>$<key>`, base64url parts. */
export async function hashPassword(password: string, options: HashOptions = {}): Promise<string> {
	const logN = options.logN ?? DEFAULT_LOG_N;
	const salt = randomBytes(SALT_LENGTH);
	const key = await derive(password, salt, { N: 2 ** logN, r: BLOCK_SIZE, p: PARALLELISM });

	return [
		'scrypt',
		logN,
		BLOCK_SIZE,
		PARALLELISM,
		salt.toString('base64url'),
		key.toString('base64url')
	].join('$');
}

/** Whether the password matches the stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, logN, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !key) return false;
	const cost = { N: 2 ** Number(logN), r: Number(r), p: Number(p) };
	if (![cost.N, cost.r, cost.p].every(Number.isSafeInteger)) return false;

	const expected = Buffer.from(key, 'base64url');
	const actual = await derive(password, Buffer.from(salt, 'base64url'), cost);

	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** What is wrong with a new password, as an instruction; null when it will do. */
export function checkNewPassword(password: string, username: string): string | null {
	// Characters as a person counts them: an emoji is one, not the two UTF-16 units it takes.
	const length = [...password].length;
	if (length < MIN_PASSWORD_LENGTH) {
		return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters; a few words in a row are easy to remember.`;
	}
	if (length > MAX_PASSWORD_LENGTH) {
		return `Keep the password to ${MAX_PASSWORD_LENGTH} characters or fewer.`;
	}
	// A short username ("li") is part of too many good passwords to forbid.
	if (username.length >= 4 && password.toLowerCase().includes(username.toLowerCase())) {
		return 'Choose a password that does not contain your username.';
	}

	return null;
}
