import { error, redirect } from '@sveltejs/kit';
import { loadDebrief } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const debrief = await loadDebrief(params.id, locals.trainee);
	if (!debrief) error(404, 'There is no such attempt of yours.');
	if (!debrief.view) redirect(303, `/attempts/${params.id}`);

	return { debrief: debrief.view, moveLabels: debrief.moveLabels };
};
