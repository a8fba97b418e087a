/**
 * The access matrix: every role against every page and action, on the built server. A trainee
 * sees only their own attempts, a coach the attempts of their teams, a manager everything;
 * someone else's attempt answers 404, a page for another role 403, a signed-out visitor is sent
 * to sign in. One server for the whole table; the table is compared in one piece, so a failure
 * shows every cell that differs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	createAccount,
	freshDataDir,
	getPage,
	LOSS_TRIGGER,
	managerCookie,
	postAction,
	postMove,
	startAttempt,
	startServer,
	WIN,
	type ServerProcess
} from './support';

const ROLES = ['signed out', 'trainee A', 'trainee B', 'coach A', 'coach B', 'manager'] as const;
type Role = (typeof ROLES)[number];

interface World {
	server: ServerProcess;
	cookies: Record<Role, string | undefined>;
	/** Trainee A's finished attempt and their attempt still in play. */
	done: string;
	open: string;
	east: string;
	west: string;
	coachA: string;
}

function readJson<T>(dataDir: string, file: string): T {
	return JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as T;
}

/** Two teams, East (coach A, trainee A) and West (coach B, trainee B), built by the manager. */
async function buildWorld(): Promise<World> {
	const dataDir = freshDataDir();
	const server = await startServer(dataDir);
	const manager = await managerCookie(server);
	const cookies: Record<Role, string | undefined> = {
		'signed out': undefined,
		'trainee A': await createAccount(server, 'Trainee A'),
		'trainee B': await createAccount(server, 'Trainee B'),
		'coach A': await createAccount(server, 'Coach A', 'coach'),
		'coach B': await createAccount(server, 'Coach B', 'coach'),
		manager
	};
	const { users } = readJson<{ users: { id: string; name: string }[] }>(
		dataDir,
		'accounts/users.json'
	);
	const idOf = (name: string) => users.find((user) => user.name === name)?.id ?? '';
	for (const [team, coach] of [
		['East', 'Coach A'],
		['West', 'Coach B']
	]) {
		const body = new URLSearchParams({ name: team, coachId: idOf(coach) }).toString();
		await postAction(server, '/teams?/create', body, { cookie: manager });
	}
	const { teams } = readJson<{ teams: { id: string; name: string }[] }>(
		dataDir,
		'accounts/teams.json'
	);
	const [east, west] = ['East', 'West'].map((name) => teams.find((t) => t.name === name)?.id ?? '');
	for (const [team, trainee] of [
		[east, 'Trainee A'],
		[west, 'Trainee B']
	]) {
		const body = new URLSearchParams({ traineeId: idOf(trainee) }).toString();
		await postAction(server, `/teams/${team}?/add`, body, { cookie: manager });
	}

	const owner = cookies['trainee A'] ?? '';
	const done = await startAttempt(server, owner);
	for (const [index, moveId] of LOSS_TRIGGER.entries()) {
		await postMove(server, owner, done, moveId, index + 1);
	}
	const open = await startAttempt(server, owner);
	await postMove(server, owner, open, WIN[0], 1);

	return { server, cookies, done, open, east, west, coachA: idOf('Coach A') };
}

/** A GET as the role: its status, and where a redirect goes. */
async function visit(world: World, role: Role, pathname: string): Promise<string> {
	const page = await getPage(world.server, pathname, world.cookies[role]);
	const location = page.response.headers.get('location');

	return location ? `${page.status} ${location.split('?')[0]}` : String(page.status);
}

/** An enhanced form post as the role: the answer's type and status. */
async function act(world: World, role: Role, action: string, fields: Record<string, string>) {
	const body = new URLSearchParams(fields).toString();
	const answer = await postAction(world.server, action, body, { cookie: world.cookies[role] });
	const where = answer.type === 'redirect' ? ` ${(answer.location ?? '').split('?')[0]}` : '';

	return `${answer.type} ${answer.status ?? answer.http}${where}`;
}

const OUT = '303 /signin';
const SIGN_IN = 'redirect 303 /signin';

/** Expected answers per role, in ROLES order. */
type Row = [string, string, string, string, string, string];

function pages(w: World): [string, Row][] {
	return [
		['/', [OUT, '200', '200', '200', '200', '200']],
		['/account', [OUT, '200', '200', '200', '200', '200']],
		['/scenarios/city-hospital', [OUT, '200', '200', '200', '200', '200']],
		[`/attempts/${w.open}`, [OUT, '200', '404', '404', '404', '404']],
		[`/attempts/${w.done}/debrief`, [OUT, '200', '404', '200', '404', '200']],
		[`/attempts/${w.done}/review`, [OUT, '404', '404', '200', '404', '200']],
		['/coach', [OUT, '403', '403', '200', '200', '200']],
		['/teams', [OUT, '403', '403', '200', '200', '200']],
		[`/teams/${w.east}`, [OUT, '403', '403', '200', '404', '200']],
		[`/teams/${w.west}`, [OUT, '403', '403', '404', '200', '200']],
		['/assignments', [OUT, '403', '403', '200', '200', '200']],
		['/dashboard', [OUT, '403', '403', '200', '200', '200']],
		['/people', [OUT, '403', '403', '403', '403', '200']],
		['/export/attempts.csv', [OUT, '403', '403', '200', '200', '200']],
		['/export/xapi.json', [OUT, '403', '403', '200', '200', '200']]
	];
}

type Action = [string, string, () => Record<string, string>, Row];

let made = 0;
const unique = (prefix: string) => `${prefix}-${(made += 1)}`;

function actions(w: World): Action[] {
	const review = `/attempts/${w.done}/review`;
	const ok = 'redirect 303 ' + review;

	return [
		// An unknown move id: the player reaches the move check (400); nobody else finds it.
		[
			'play a move',
			`/attempts/${w.open}?/move`,
			() => ({ moveId: 'no-such-move', seq: '2' }),
			[SIGN_IN, 'failure 400', 'error 404', 'error 404', 'error 404', 'error 404']
		],
		[
			'comment on a move',
			`${review}?/comment`,
			() => ({ seq: '1', text: 'Why the board first?' }),
			[SIGN_IN, 'error 404', 'error 404', ok, 'error 404', ok]
		],
		[
			'override the score',
			`${review}?/override`,
			() => ({ score: '42.5', reason: 'Checked with the customer.' }),
			[SIGN_IN, 'error 404', 'error 404', ok, 'error 404', ok]
		],
		[
			'create an account',
			'/people?/create',
			() => ({
				name: 'New Rep',
				username: unique('new-rep'),
				role: 'trainee',
				password: 'a long first password',
				teamId: ''
			}),
			[SIGN_IN, 'error 403', 'error 403', 'error 403', 'error 403', 'success 200']
		],
		[
			'create a team',
			'/teams?/create',
			() => ({ name: unique('Team'), coachId: '' }),
			[SIGN_IN, 'error 403', 'error 403', 'error 403', 'error 403', 'success 200']
		],
		[
			// Names the coach East has already, so the rest of the table still holds.
			'change a team',
			`/teams/${w.east}?/coach`,
			() => ({ coachId: w.coachA }),
			[SIGN_IN, 'error 403', 'error 403', 'error 403', 'error 403', `redirect 303 /teams/${w.east}`]
		],
		[
			'assign to team East',
			'/assignments?/create',
			() => ({
				scenarioId: 'city-hospital',
				target: `team:${w.east}`,
				dueDate: '2099-12-31',
				passMark: '70',
				policy: 'best'
			}),
			[SIGN_IN, 'error 403', 'error 403', 'success 200', 'failure 400', 'success 200']
		]
	];
}

describe('the access matrix', () => {
	it('answers each role on each page and action as the rules say', async () => {
		const world = await buildWorld();
		const actual: Record<string, string[]> = {};
		const expected: Record<string, string[]> = {};

		for (const [pathname, row] of pages(world)) {
			const key = `GET ${pathname}`;
			expected[key] = [...row];
			actual[key] = [];
			for (const role of ROLES) actual[key].push(await visit(world, role, pathname));
		}
		for (const [name, action, fields, row] of actions(world)) {
			const key = `POST ${name}`;
			expected[key] = [...row];
			actual[key] = [];
			for (const role of ROLES) actual[key].push(await act(world, role, action, fields()));
		}

		expect(actual).toEqual(expected);

		// What a page or export holds follows the same scope: coach B never sees trainee A.
		const read = async (role: Role, pathname: string) =>
			(await getPage(world.server, pathname, world.cookies[role])).text;
		expect(await read('coach A', '/export/attempts.csv')).toContain('Trainee A');
		expect(await read('manager', '/export/attempts.csv')).toContain('Trainee A');
		expect(await read('coach B', '/export/attempts.csv')).not.toContain('Trainee A');
		expect(await read('coach B', '/export/xapi.json')).not.toContain('Trainee A');
		expect(await read('coach B', '/dashboard')).not.toContain('Trainee A');
	});
});
