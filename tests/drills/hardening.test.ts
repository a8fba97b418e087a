/**
 * Drills for the hardening a running server shows: the headers on every response and the
 * answer to a post naming the reserved action "default".
 */
import { describe, expect, it } from 'vitest';
import { freshDataDir, getPage, managerCookie, postAction, startServer } from './support';

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

const RESERVED_ACTION =
	'"default" is not an action name: post the form to the page\'s own address, or to "?/name" for one of its named actions.';

describe('a post to the reserved action "default"', () => {
	it('is refused with a 400 and a sentence on pages with named or default actions, logging nothing', async () => {
		const server = await startServer(freshDataDir());
		const cookie = await managerCookie(server);
		const body = new URLSearchParams({
			username: 'x',
			password: 'y'
		}).toString();

		expect(await postAction(server, '/people?/default', body, { cookie })).toEqual({
			http: 400,
			type: 'error',
			error: { message: RESERVED_ACTION }
		});
		expect(await postAction(server, '/signin?/default', body)).toEqual({
			http: 400,
			type: 'error',
			error: { message: RESERVED_ACTION }
		});

		const plain = await fetch(`${server.origin}/signin?/default`, {
			method: 'POST',
			headers: {
				Origin: server.origin,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body
		});
		expect(plain.status).toBe(400);
		expect(await plain.text()).toBe(RESERVED_ACTION);
		expect(securityHeadersOf(plain)).toEqual(SECURITY_HEADERS);
		expect(server.stderr()).toBe('');
	});

	it('leaves an unknown action name to SvelteKit, which answers 404', async () => {
		const server = await startServer(freshDataDir());
		const cookie = await managerCookie(server);

		expect(await postAction(server, '/people?/nosuch', '', { cookie })).toEqual({
			http: 404,
			type: 'error',
			error: {
				message: "No action with name 'nosuch' found",
				errorId: expect.stringMatching(/^[0-9a-f]{8}$/) as unknown
			}
		});
	});
});
