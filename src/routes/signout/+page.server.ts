import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, endSession } from '$lib/server/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.viewer) redirect(303, '/signin');

	return {};
};

export const actions: Actions = {
	default: async ({ cookies, locals }) => {
		if (locals.sessionToken) await endSession(locals.sessionToken);
		clearSessionCookie(cookies);
		// The sign-in page reads the flag and says the visitor is signed out.
		redirect(303, '/signin?signedout=1');
	}
};
