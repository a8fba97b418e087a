import { error, fail, redirect } from '@sveltejs/kit';
import { signedIn } from '$lib/server/guards';
import { loadPlay } from '$lib/server/pages';
import { readForm, textField } from '$lib/server/forms';
import { playMove } from '$lib/server/play';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const play = await loadPlay(params.id, signedIn(event));
	if (!play) error(404, 'There is no such attempt of yours. Start a new one from the scenarios.');
	if (play.isFinished) redirect(303, `/attempts/${params.id}/debrief`);

	return { play: play.view };
};

export const actions: Actions = {
	move: async (event) => {
		const { params } = event;
		const player = signedIn(event);
		const form = await readForm(event.request);
		// An unreadable form is refused by playMove, in the words of the attempt's scenario.
		const posted = form && {
			moveId: textField(form, 'moveId'),
			seq: Number(textField(form, 'seq') || NaN)
		};

		const result = await playMove(params.id, player, posted);
		if (result.kind === 'missing') error(404, 'There is no such attempt of yours.');
		if (result.kind === 'refused') return fail(result.status, { message: result.reason });
		// Post/redirect/get: a reload after a plain form post shows the deal, not the post again.
		redirect(303, `/attempts/${params.id}${result.isFinished ? '/debrief' : ''}`);
	}
};
