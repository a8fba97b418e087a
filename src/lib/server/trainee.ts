import type { Cookies } from '@sveltejs/kit';

/**
 * Who is playing, before accounts exist: a display name the trainee chose and a random key that
 * keeps two trainees of the same name apart. Both live in one httpOnly cookie.
 */
export interface Trainee {
	key: string;
	name: string;
}

const COOKIE = 'five_lines_trainee';
const MAX_NAME_LENGTH = 60;
const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function readTrainee(cookies: Cookies): Trainee | null {
	const raw = cookies.get(COOKIE);
	if (!raw) return null;

	try {
		const value = JSON.parse(raw) as Partial<Trainee>;
		if (typeof value.key !== 'string' || !KEY_PATTERN.test(value.key)) return null;
		if (typeof value.name !== 'string' || checkName(value.name) !== null) return null;

		return { key: value.key, name: value.name };
	} catch {
		return null;
	}
}

/** Keeps the key of an existing trainee, so renaming does not lose their history. */
export function writeTrainee(
	cookies: Cookies,
	url: URL,
	name: string,
	current: Trainee | null
): Trainee {
	const trainee = { key: current?.key ?? crypto.randomUUID(), name: name.trim() };
	cookies.set(COOKIE, JSON.stringify(trainee), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});

	return trainee;
}

/** Returns what is wrong with a display name, or null when it is fine. */
export function checkName(name: string): string | null {
	const trimmed = name.trim();
	if (trimmed.length === 0) return 'Enter a display name, for example your first name.';
	if (trimmed.length > MAX_NAME_LENGTH) {
		return `Keep the display name to ${MAX_NAME_LENGTH} characters or fewer.`;
	}
	// Control characters would corrupt the cookie and the history page.
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'Use letters, digits and spaces in the name.';

	return null;
}
