/**
 * Drills for the hardening a running server shows: the headers on every response, the answer
 * to a post naming the reserved action "default", and the modes of the files it writes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	createAccount,
	freshDataDir,
	getPage,
	managerCookie,
	MANAGER,
	playedAnswer,
	postAction,
	postMove,
	ROOT,
	spawnServer,
	startAttempt,
	startServer,
	stopServer,
	waitForHealth,
	WIN
} from './support';

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
		const body = new URLSearchParams({ username: 'x', password: 'y' }).toString();

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
			headers: { Origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
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

/** Every entry under `dir` (itself included, as '.') with its permission bits in octal. */
function modesUnder(dir: string): [string, string][] {
	const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).map((entry) =>
		path.relative(dir, path.join(entry.parentPath, entry.name))
	);

	return ['.', ...entries.sort()].map((entry) => [
		entry,
		(statSync(path.join(dir, entry)).mode & 0o777).toString(8)
	]);
}

describe('the data directory', () => {
	it('holds only files of mode 600 and folders of mode 700 after the first manager, a sign-in and a move', async () => {
		const dataDir = freshDataDir();
		// Made by the first-manager command instead, as the README says, not seeded by the test.
		rmSync(dataDir, { recursive: true });
		const args = ['scripts/create-manager.ts', '--username', MANAGER.username, '--name', 'Max'];
		const made = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), args, {
			cwd: ROOT,
			input: `${MANAGER.password}\n`,
			env: { ...process.env, FIVE_LINES_DATA: dataDir },
			encoding: 'utf8'
		});
		expect(made.stderr).toBe('');
		expect(made.status).toBe(0);

		const server = await spawnServer(dataDir);
		await waitForHealth(server);
		const trainee = await createAccount(server, 'Mode Mei');
		const attemptId = await startAttempt(server, trainee);
		expect(await postMove(server, trainee, attemptId, WIN[0], 1)).toEqual(playedAnswer(attemptId));

		const modes = modesUnder(dataDir);
		const expected = modes.map(([entry]) => {
			const isFolder = statSync(path.join(dataDir, entry)).isDirectory();
			return [entry, isFolder ? '700' : '600'];
		});
		expect(modes.map(([entry]) => entry)).toEqual(
			expect.arrayContaining(['.', '.lock', 'accounts', 'accounts/users.json', 'attempts'])
		);
		expect(modes).toEqual(expected);
		await stopServer(server);
	});
});
