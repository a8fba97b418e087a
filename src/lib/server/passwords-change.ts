/**
 * Changing a password: the current one must be given, the new one must pass the checks, and
 * every other session of the person ends (a stolen session stops working).
 */
import { readUser, setPasswordHash } from './accounts';
import { checkNewPassword, hashPassword, verifyPassword } from './passwords';
import { endOtherSessions } from './sessions';

export type PasswordChange =
	{ ok: true } | { ok: false; field: 'current' | 'next'; message: string };

export async function changePassword(
	userId: string,
	input: { current: string; next: string; confirm: string },
	keepSession: string | null
): Promise<PasswordChange> {
	const user = await readUser(userId);
	if (!user || !(await verifyPassword(input.current, user.passwordHash))) {
		return {
			ok: false,
			field: 'current',
			message: 'Your current password is not right; type it again.'
		};
	}
	const problem = checkNewPassword(input.next, user.username);
	if (problem) return { ok: false, field: 'next', message: problem };
	if (input.next !== input.confirm) {
		return {
			ok: false,
			field: 'next',
			message: 'The two new passwords differ; type the same one twice.'
		};
	}

	await setPasswordHash(user.id, await hashPassword(input.next));
	await endOtherSessions(user.id, keepSession);

	return { ok: true };
}
