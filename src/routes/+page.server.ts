import { assignmentsForTrainee } from '$lib/server/assignment-pages';
import { signedIn } from '$lib/server/guards';
import { listCatalogue, listTraineeAttempts } from '$lib/server/pages';
import { viewerTimeZone } from '$lib/server/viewer-zone';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const viewer = signedIn(event);
	const timeZone = viewerTimeZone(event.url, event.cookies);

	return {
		// Only trainees are assigned scenarios; coaches and managers set them on /assignments.
		assignments: viewer.role === 'trainee' ? await assignmentsForTrainee(viewer, timeZone) : null,
		scenarios: await listCatalogue(),
		attempts: await listTraineeAttempts(viewer.id, timeZone),
		timeZone
	};
};
