import { fail } from '@sveltejs/kit';
import { listCatalogue, listTraineeAttempts } from '$lib/server/pages';
import { readForm, textField, UNREADABLE_FORM } from '$lib/server/forms';
import { checkName, writeTrainee } from '$lib/server/trainee';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const attempts = locals.trainee ? await listTraineeAttempts(locals.trainee) : [];

	return { scenarios: await listCatalogue(), attempts };
};

export const actions: Actions = {
	name: async ({ request, cookies, url, locals }) => {
		const form = await readForm(request);
		if (!form) return fail(400, { name: '', message: UNREADABLE_FORM });
		const name = textField(form, 'name');
		const problem = checkName(name);
		if (problem) return fail(400, { name, message: problem });

		locals.trainee = writeTrainee(cookies, url, name, locals.trainee);

		return { saved: true };
	}
};
