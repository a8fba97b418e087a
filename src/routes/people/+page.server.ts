import { fail } from '@sveltejs/kit';
import { readForm, textField, UNREADABLE_FORM } from '$lib/server/forms';
import { withRole } from '$lib/server/guards';
import { createPerson, giveHistory, peopleOverview, resetPassword } from '$lib/server/people';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	withRole(event, 'manager');

	return peopleOverview();
};

export const actions: Actions = {
	create: async (event) => {
		const viewer = withRole(event, 'manager');
		const form = await readForm(event.request);
		if (!form) return fail(400, { action: 'create', message: UNREADABLE_FORM });

		const fields = {
			username: textField(form, 'username'),
			name: textField(form, 'name'),
			role: textField(form, 'role'),
			password: textField(form, 'password'),
			teamId: textField(form, 'teamId')
		};
		const result = await createPerson(viewer, fields);
		// The password is never sent back to the browser, not even to refill the form.
		const shown = { ...fields, password: '' };
		if (!result.ok) return fail(400, { action: 'create', errors: result.errors, fields: shown });

		return { action: 'create', created: result.username };
	},
	reset: async (event) => {
		withRole(event, 'manager');
		const form = await readForm(event.request);
		if (!form) return fail(400, { action: 'reset', message: UNREADABLE_FORM });

		const userId = textField(form, 'userId');
		const problem = await resetPassword(userId, textField(form, 'password'));
		if (problem) return fail(400, { action: 'reset', userId, message: problem });

		return { action: 'reset', userId, done: true };
	},
	give: async (event) => {
		withRole(event, 'manager');
		const form = await readForm(event.request);
		if (!form) return fail(400, { action: 'give', message: UNREADABLE_FORM });

		const key = textField(form, 'key');
		const problem = await giveHistory(key, textField(form, 'userId'));
		if (problem) return fail(400, { action: 'give', key, message: problem });

		return { action: 'give', key, done: true };
	}
};
