/**
 * Drills for the hardening a running server shows: the headers on every response.
 */
import { describe, expect, it } from 'vitest';
import { freshDataDir, getPage, managerCookie, startServer } from './support';

const SECURITY_HEADERS = {
	'x-frame-options': 'DENY',
	'content-security-policy': "frame-ancestors 'none'",
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin'
};

function securityHeadersOf(response: Response) {
	return Object.fromEntries(
		Object.keys(SECURITY_HEADERS).map((name) => [name, response.headers.get(name)])
	);
}

describe('security headers', () => {
	it('come with a page, a redirect and an export download, which stays a download', async () => {
		const server = await startServer(freshDataDir());
		const cookie = await managerCookie(server);

		const signin = await getPage(server, '/signin');
		expect(signin.status).toBe(200);
		expect(signin.text).toContain("'five_lines_tz=' +");
		expect(securityHeadersOf(signin.response)).toEqual(SECURITY_HEADERS);

		const redirect = await getPage(server, '/people');
		expect(redirect.status).toBe(303);
		expect(securityHeadersOf(redirect.response)).toEqual(SECURITY_HEADERS);

		const csv = await getPage(server, '/export/attempts.csv', cookie);
		expect(csv.status).toBe(200);
		expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="five-lines-attempts-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		expect(securityHeadersOf(csv.response)).toEqual(SECURITY_HEADERS);
	});
});
