import { signedIn } from '$lib/server/guards';
import { listCatalogue, listTraineeAttempts } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const viewer = signedIn(event);

	return {
		scenarios: await listCatalogue(),
		attempts: await listTraineeAttempts(viewer.id)
	};
};
