import { error, redirect } from '@sveltejs/kit';
import { signedIn } from '$lib/server/guards';
import { loadBriefing } from '$lib/server/pages';
import { startAttempt } from '$lib/server/play';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	signedIn(event);
	const briefing = await loadBriefing(event.params.id);
	if (!briefing) error(404, `There is no playable scenario "${event.params.id}".`);

	return { briefing };
};

export const actions: Actions = {
	start: async (event) => {
		const player = signedIn(event);
		const attemptId = await startAttempt(event.params.id, player);
		if (!attemptId) error(404, `There is no playable scenario "${event.params.id}".`);

		redirect(303, `/attempts/${attemptId}`);
	}
};
