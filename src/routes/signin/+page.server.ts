import { fail, redirect } from '@sveltejs/kit';
import { listUsers } from '$lib/server/accounts';
import { readForm, textField, UNREADABLE_FORM } from '$lib/server/forms';
import { safeNext } from '$lib/server/guards';
import { setSessionCookie, startSession } from '$lib/server/sessions';
import { signInGuard } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.viewer) redirect(303, safeNext(url.searchParams.get('next')));

	// A fresh install has no account: the page says how to make the first manager.
	return { hasAccounts: (await listUsers()).length > 0 };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await readForm(request);
		if (!form) return fail(400, { username: '', message: UNREADABLE_FORM });
		const username = textField(form, 'username');
		const password = textField(form, 'password');
		if (!username.trim() || !password) {
			return fail(400, { username, message: 'Enter your username and your password.' });
		}

		const result = await signInGuard.signIn(username, password, getClientAddress());
		if (!result.ok && result.reason === 'wait') {
			const wait = result.seconds === 1 ? 'a second' : `${result.seconds} seconds`;
			const message = `Too many failed sign-ins. Wait ${wait}, then try again.`;
			return fail(429, { username, message });
		}
		if (!result.ok) {
			const message = 'That username and password do not match. Check both and try again.';
			return fail(400, { username, message });
		}

		setSessionCookie(cookies, url, await startSession(result.user.id));
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
