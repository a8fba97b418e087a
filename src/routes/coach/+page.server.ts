import { coachOverview } from '$lib/server/play';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { scenarios: await coachOverview() };
};
