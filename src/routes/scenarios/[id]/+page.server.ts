import { error, fail, redirect } from '@sveltejs/kit';
import { loadBriefing } from '$lib/server/pages';
import { startAttempt } from '$lib/server/play';
import { readForm, textField, UNREADABLE_FORM } from '$lib/server/forms';
import { checkName, writeTrainee } from '$lib/server/trainee';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const briefing = await loadBriefing(params.id);
	if (!briefing) error(404, `There is no playable scenario "${params.id}".`);

	return { briefing };
};

export const actions: Actions = {
	start: async ({ request, params, cookies, url, locals }) => {
		let trainee = locals.trainee;
		if (!trainee) {
			const form = await readForm(request);
			if (!form) return fail(400, { name: '', message: UNREADABLE_FORM });
			const name = textField(form, 'name');
			const problem = checkName(name);
			if (problem) return fail(400, { name, message: problem });
			trainee = writeTrainee(cookies, url, name, null);
		}

		const attemptId = await startAttempt(params.id, trainee);
		if (!attemptId) error(404, `There is no playable scenario "${params.id}".`);

		redirect(303, `/attempts/${attemptId}`);
	}
};
