import { withRole } from '$lib/server/guards';
import { attemptsInScope, parseFilters } from '$lib/server/review-scope';
import { viewerTimeZone } from '$lib/server/viewer-zone';
import { dashboardPage } from './dashboard-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const viewer = withRole(event, 'coach', 'manager');
	const timeZone = viewerTimeZone(event.url, event.cookies);
	const parsed = await parseFilters(event.url, viewer, timeZone);

	const scoped = await attemptsInScope(viewer, parsed.filters);

	return dashboardPage(parsed, scoped, viewer.role === 'manager');
};
