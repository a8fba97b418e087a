import { json } from '@sveltejs/kit';
import { withRole } from '$lib/server/guards';
import { xapiStatements } from '$lib/server/export/xapi';
import { exportRows } from '$lib/server/export/rows';
import { parseFilters } from '$lib/server/review-scope';
import { viewerTimeZone } from '$lib/server/viewer-zone';
import { dayInZone } from '$lib/time-zone';
import type { RequestHandler } from './$types';

/** The attempts the dashboard's filters keep, as xAPI statements whose home page is this site. */
export const GET: RequestHandler = async (event) => {
	const viewer = withRole(event, 'coach', 'manager');
	const timeZone = viewerTimeZone(event.url, event.cookies);
	const { filters } = await parseFilters(event.url, viewer, timeZone);

	const rows = await exportRows(viewer, filters);
	const name = `five-lines-xapi-${dayInZone(new Date(), timeZone)}.json`;

	return json(xapiStatements(rows, { homePage: event.url.origin }), {
		headers: {
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
