/**
 * Changing a password: the current one must be given, the new one must pass the checks, and
 * every other session of the person ends (a stolen session stops working).
 */
import { readUser, setPasswordHash } from './accounts';
import { checkNewPassword, hashPassword } from './passwords';
import { endOtherSessions } from './sessions';
import { signInGuard } from './sign-in';

export type PasswordChange =
	{ ok: true } | { ok: false; field: 'current' | 'next'; message: string; status: 400 | 429 };

export async function changePassword(
	userId: string,
	input: { current: string; next: string; confirm: string },
	keepSession: string | null,
	address: string
): Promise<PasswordChange> {
	const user = await readUser(userId);
	if (!user) return refuse('current', 'Your account no longer exists; sign in again.');
	// Guesses at the current password are slowed as sign-ins are: a stolen session gains little.
	const check = await signInGuard.checkPassword(user, input.current, address);
	if (!check.ok && check.reason === 'wait') {
		const wait = check.seconds === 1 ? 'a second' : `${check.seconds} seconds`;
		return refuse('current', `Too many wrong passwords. Wait ${wait}, then try again.`, 429);
	}
	if (!check.ok) return refuse('current', 'Your current password is not right; type it again.');
	const problem = checkNewPassword(input.next, user.username);
	if (problem) return refuse('next', problem);
	if (input.next !== input.confirm) {
		return refuse('next', 'The two new passwords differ; type the same one twice.');
	}

	await setPasswordHash(user.id, await hashPassword(input.next));
	await endOtherSessions(user.id, keepSession);

	return { ok: true };
}

function refuse(
	field: 'current' | 'next',
	message: string,
	status: 400 | 429 = 400
): PasswordChange {
	return { ok: false, field, message, status };
}
