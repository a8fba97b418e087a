import { coachOverview } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { scenarios: await coachOverview() };
};
