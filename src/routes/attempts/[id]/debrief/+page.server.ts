import { error, redirect } from '@sveltejs/kit';
import { signedIn } from '$lib/server/guards';
import { loadDebrief } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const debrief = await loadDebrief(params.id, signedIn(event));
	if (!debrief) error(404, 'There is no such attempt, or it is not yours to see.');
	if (!debrief.view) redirect(303, `/attempts/${params.id}`);

	return { debrief: debrief.view, moveLabels: debrief.moveLabels };
};
