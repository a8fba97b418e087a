import { withRole } from '$lib/server/guards';
import { attemptsOf, membersInScope, parseFilters } from '$lib/server/review-scope';
import { viewerTimeZone } from '$lib/server/viewer-zone';
import { dashboardPage } from './dashboard-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const viewer = withRole(event, 'coach', 'manager');
	const timeZone = viewerTimeZone(event.url, event.cookies);
	const parsed = await parseFilters(event.url, viewer, timeZone);

	const members = await membersInScope(viewer, parsed.filters);
	const scoped = await attemptsOf(members, parsed.filters);

	return dashboardPage(parsed, { members, scoped }, viewer.role === 'manager');
};
