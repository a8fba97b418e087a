import { error, redirect } from '@sveltejs/kit';
import { signedIn } from '$lib/server/guards';
import { loadDebrief } from '$lib/server/pages';
import { viewerTimeZone } from '$lib/server/viewer-zone';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const debrief = await loadDebrief(params.id, signedIn(event));
	if (!debrief) error(404, 'There is no such attempt, or it is not yours to see.');
	if (!debrief.view) {
		// Only its player may open the play page; a reviewer follows the deal on the review page.
		redirect(303, `/attempts/${params.id}${debrief.isReviewing ? '/review' : ''}`);
	}

	return {
		debrief: debrief.view,
		moveLabels: debrief.moveLabels,
		notes: debrief.notes,
		isReviewing: debrief.isReviewing,
		timeZone: viewerTimeZone(event.url, event.cookies)
	};
};
