import { withRole } from '$lib/server/guards';
import { attemptsCsv } from '$lib/server/export/csv';
import { exportRows } from '$lib/server/export/rows';
import { parseFilters } from '$lib/server/review-scope';
import { viewerTimeZone } from '$lib/server/viewer-zone';
import { dayInZone } from '$lib/time-zone';
import type { RequestHandler } from './$types';

/** The attempts the dashboard's filters keep, as CSV, named for today in the viewer's zone. */
export const GET: RequestHandler = async (event) => {
	const viewer = withRole(event, 'coach', 'manager');
	const timeZone = viewerTimeZone(event.url, event.cookies);
	const { filters } = await parseFilters(event.url, viewer, timeZone);

	const csv = attemptsCsv(await exportRows(viewer, filters));
	const name = `five-lines-attempts-${dayInZone(new Date(), timeZone)}.csv`;

	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
