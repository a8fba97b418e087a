import { withRole } from '$lib/server/guards';
import { coachOverview } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	withRole(event, 'coach', 'manager');

	return { scenarios: await coachOverview() };
};
