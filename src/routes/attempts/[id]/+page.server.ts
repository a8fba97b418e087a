import { error, fail, redirect } from '@sveltejs/kit';
import { loadPlay } from '$lib/server/pages';
import { readForm, textField } from '$lib/server/forms';
import { playMove } from '$lib/server/play';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const play = await loadPlay(params.id, locals.trainee);
	if (!play) error(404, 'There is no such attempt of yours. Start a new one from the scenarios.');
	if (play.isFinished) redirect(303, `/attempts/${params.id}/debrief`);

	return { play: play.view };
};

export const actions: Actions = {
	move: async ({ request, params, locals }) => {
		const form = await readForm(request);
		// An unreadable form is refused by playMove, in the words of the attempt's scenario.
		const posted = form && {
			moveId: textField(form, 'moveId'),
			seq: Number(textField(form, 'seq') || NaN)
		};

		const result = await playMove(params.id, locals.trainee, posted);
		if (result.kind === 'missing') error(404, 'There is no such attempt of yours.');
		if (result.kind === 'refused') return fail(result.status, { message: result.reason });
		// Post/redirect/get: a reload after a plain form post shows the deal, not the post again.
		redirect(303, `/attempts/${params.id}${result.isFinished ? '/debrief' : ''}`);
	}
};
