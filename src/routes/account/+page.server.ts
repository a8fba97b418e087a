import { fail } from '@sveltejs/kit';
import { readForm, textField, UNREADABLE_FORM } from '$lib/server/forms';
import { signedIn } from '$lib/server/guards';
import { changePassword } from '$lib/server/passwords-change';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	return { viewer: signedIn(event) };
};

export const actions: Actions = {
	password: async (event) => {
		const viewer = signedIn(event);
		const form = await readForm(event.request);
		if (!form) return fail(400, { field: 'next' as const, message: UNREADABLE_FORM });

		const input = {
			current: textField(form, 'current'),
			next: textField(form, 'next'),
			confirm: textField(form, 'confirm')
		};
		const address = event.getClientAddress();
		const result = await changePassword(viewer.id, input, event.locals.sessionToken, address);
		if (!result.ok) return fail(result.status, { field: result.field, message: result.message });

		return { changed: true };
	}
};
