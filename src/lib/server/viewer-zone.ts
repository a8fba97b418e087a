/**
 * The viewer's time zone: a `tz` query parameter (the dashboard's filter form, which works
 * without JavaScript), else the cookie the page's script sets from the browser, else UTC.
 */
import type { Cookies } from '@sveltejs/kit';
import { isValidTimeZone } from '$lib/time-zone';

export const TIME_ZONE_COOKIE = 'five_lines_tz';

export function viewerTimeZone(url: URL, cookies: Cookies): string {
	for (const candidate of [url.searchParams.get('tz'), cookies.get(TIME_ZONE_COOKIE)]) {
		if (candidate && candidate.length <= 64 && isValidTimeZone(candidate)) return candidate;
	}

	return 'UTC';
}
