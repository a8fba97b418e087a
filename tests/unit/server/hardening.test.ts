import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountsIn, checkDisplayName, type Role } from '../../../src/lib/server/accounts';
import { checkNewPassword } from '../../../src/lib/server/passwords';
import { getStore, openStore } from '../../../src/lib/server/store';
import { teamPage, teamsOverview } from '../../../src/lib/server/team-pages';
import { checkTeamName, teamsIn } from '../../../src/lib/server/teams';
import { addPerson, freshDir } from './helpers';

const previousData = process.env.FIVE_LINES_DATA;
let dataDir = '';

beforeEach(() => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'five-lines-hardening-'));
	process.env.FIVE_LINES_DATA = dataDir;
});

afterEach(() => {
	getStore().close();
	process.env.FIVE_LINES_DATA = previousData;
	rmSync(dataDir, { recursive: true, force: true });
});

/** A manager, two coaches and three trainees: North (Ada: Mei), West (Bo: Wu), Lee in none. */
async function organisation() {
	const person = (username: string, name: string, role: Role) =>
		addPerson(getStore(), username, name, role);
	const manager = await person('max', 'Max Manager', 'manager');
	const ada = await person('ada', 'Ada Coach', 'coach');
	const bo = await person('bo', 'Bo Coach', 'coach');
	const mei = await person('mei', 'Mei Chen', 'trainee');
	const wu = await person('wu', 'Wu Fang', 'trainee');
	const lee = await person('lee', 'Lee Min', 'trainee');

	const teams = teamsIn(getStore());
	const team = async (name: string, coachId: string, memberId: string) => {
		const created = await teams.createTeam(name, coachId);
		if (!created.ok) throw new Error(created.error);
		const placed = await teams.placeTrainee(created.team.id, memberId);
		if (!placed.ok) throw new Error(placed.error);

		return placed.team;
	};
	const north = await team('North', ada.id, mei.id);
	const west = await team('West', bo.id, wu.id);

	return { manager, ada, bo, mei, wu, lee, north, west };
}

describe('team pages', () => {
	it("give a coach their team's members and no list of the company's coaches or trainees", async () => {
		const { ada, mei, north } = await organisation();
		const page = await teamPage(ada, north);

		expect(Object.keys(page).sort()).toEqual([
			'canManage',
			'isOverSpan',
			'members',
			'span',
			'team'
		]);
		expect(page.canManage).toBe(false);
		expect(page.members.map(({ id, name, username }) => ({ id, name, username }))).toEqual([
			{ id: mei.id, name: 'Mei Chen', username: 'mei' }
		]);
	});

	it('give a manager every coach and every trainee outside the team, with their team', async () => {
		const { manager, ada, bo, wu, lee, north } = await organisation();
		const page = await teamPage(manager, north);

		expect(page.canManage).toBe(true);
		expect('coaches' in page && page.coaches).toEqual([
			{ id: ada.id, name: 'Ada Coach', username: 'ada' },
			{ id: bo.id, name: 'Bo Coach', username: 'bo' }
		]);
		expect('candidates' in page && page.candidates).toEqual([
			{ id: wu.id, name: 'Wu Fang', username: 'wu', team: 'West' },
			{ id: lee.id, name: 'Lee Min', username: 'lee', team: null }
		]);
	});

	it("give a coach their own teams and no list of coaches on the teams' overview", async () => {
		const { ada, north } = await organisation();

		expect(await teamsOverview(ada)).toEqual({
			canManage: false,
			teams: [{ id: north.id, name: 'North', coach: 'Ada Coach', members: 1, isOverSpan: false }]
		});
	});

	it('give a manager every team and every coach on the overview', async () => {
		const { manager, ada, bo, north, west } = await organisation();
		const overview = await teamsOverview(manager);

		expect(overview.teams.map((team) => team.id)).toEqual([north.id, west.id]);
		expect('coaches' in overview && overview.coaches).toEqual([
			{ id: ada.id, name: 'Ada Coach', username: 'ada' },
			{ id: bo.id, name: 'Bo Coach', username: 'bo' }
		]);
	});
});

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs `scripts/create-manager.ts` on `dataDir`. With `input` null, standard input stays open
 * and unwritten, as a terminal waiting for a password would: a run that reads it never ends,
 * and is killed after 8 seconds with a null code.
 */
function createManager(dataDir: string, args: string[], input: string | null): Promise<Run> {
	const child = spawn('node_modules/.bin/tsx', ['scripts/create-manager.ts', ...args], {
		env: { ...process.env, FIVE_LINES_DATA: dataDir }
	});
	const run: Run = { code: null, stdout: '', stderr: '' };
	child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString('utf8')));
	if (input !== null) child.stdin.end(input);
	const timer = setTimeout(() => child.kill('SIGKILL'), 8000);

	return new Promise((resolve) => {
		child.once('close', (code) => {
			clearTimeout(timer);
			resolve({ ...run, code });
		});
	});
}

const USAGE = 'Usage: npm run manager:create -- --username NAME --name "Full Name" [--reset]\n';

describe('scripts/create-manager', () => {
	it.each([
		[['--username']],
		[['--username', 'max', '--name']],
		[['--username', 'max', '--name', 'Max Manager', '--colour', 'blue']],
		[['--username', 'max', '--name', 'Max Manager', 'now']]
	])(
		'prints only the usage line for %j and exits 1',
		async (args) => {
			expect(await createManager(freshDir(), args, '')).toEqual({
				code: 1,
				stdout: '',
				stderr: USAGE
			});
		},
		20_000
	);

	it('says the app holds the data directory before asking for a password', async () => {
		const dir = freshDir();
		const store = openStore(dir);
		try {
			const run = await createManager(dir, ['--username', 'max', '--name', 'Max Manager'], null);

			expect(run).toEqual({
				code: 1,
				stdout: '',
				stderr:
					`The data directory ${dir} is in use by process ` +
					`${process.pid}. Stop that process, or set FIVE_LINES_DATA to another directory ` +
					'for this one.\nStop the app, run this command, then start the app again.\n'
			});
		} finally {
			store.close();
		}
	}, 20_000);

	it('says a username is taken, and that a manager to reset is missing, before asking for a password', async () => {
		const dir = freshDir();
		const store = openStore(dir);
		const input = { name: 'Mei Chen', role: 'trainee' as const, createdById: null };
		await accountsIn(store, { logN: 10 }).createUser({
			...input,
			username: 'mei',
			password: 'four words in a row'
		});
		store.close();

		expect(await createManager(dir, ['--username', 'Mei', '--name', 'Mei Again'], null)).toEqual({
			code: 1,
			stdout: '',
			stderr: 'The username "mei" is taken. Add --reset to set a new password.\n'
		});
		expect(await createManager(dir, ['--username', 'mei', '--reset'], null)).toEqual({
			code: 1,
			stdout: '',
			stderr: 'There is no manager "mei".\n'
		});
	}, 30_000);

	it('creates the manager with the piped password once the directory is free', async () => {
		const dir = freshDir();
		const run = await createManager(
			dir,
			['--username', 'max', '--name', 'Max Manager'],
			'max manager password\n'
		);

		expect(run).toEqual({
			code: 0,
			stdout: `Manager "max" created in ${dir}. Sign in at /signin.\n`,
			stderr: ''
		});
	}, 20_000);
});

const CONTROL_IN = (what: string) =>
	`Remove the control character (a tab, line break or other invisible code) from the ${what}; type it again rather than pasting it.`;
const BIDI_IN = (what: string) =>
	`Remove the invisible text-direction mark from the ${what}; type it again rather than pasting it.`;

/** Names holding each refused character, in the middle where trimming cannot take it away. */
const HOSTILE: [string, string, 'control' | 'bidi'][] = [
	['NUL', 'East\u0000region', 'control'],
	['a tab', 'East\tregion', 'control'],
	['a line feed', 'East\nregion', 'control'],
	['DEL', 'East\u007fregion', 'control'],
	['a C1 control (U+0085)', 'East\u0085region', 'control'],
	['a line separator (U+2028)', 'East\u2028region', 'control'],
	['a left-to-right embedding (U+202A)', 'East\u202aregion', 'bidi'],
	['a right-to-left override (U+202E)', 'East\u202eregion', 'bidi'],
	['a left-to-right isolate (U+2066)', 'East\u2066region', 'bidi'],
	['a pop directional isolate (U+2069)', 'East\u2069region', 'bidi'],
	['a left-to-right mark (U+200E)', 'East\u200eregion', 'bidi'],
	['a right-to-left mark (U+200F)', 'East\u200fregion', 'bidi']
];

describe('checkTeamName', () => {
	it.each(HOSTILE)('refuses a name holding %s', (_, name, kind) => {
		expect(checkTeamName(name)).toBe(
			kind === 'control' ? CONTROL_IN('team name') : BIDI_IN('team name')
		);
	});

	it.each([
		'East region',
		'Équipe Sud-Est (2026)',
		'华东区销售团队',
		'فريق الشرق',
		'🚀 Launch crew'
	])('accepts %j', (name) => {
		expect(checkTeamName(name)).toBeNull();
	});

	it('refuses a NUL when a team is created, and stores nothing', async () => {
		const teams = teamsIn(getStore());

		expect(await teams.createTeam('North\u0000', null)).toEqual({
			ok: false,
			error: CONTROL_IN('team name')
		});
		expect(await teams.listTeams()).toEqual([]);
	});
});

describe('checkDisplayName', () => {
	it.each(HOSTILE)('refuses a name holding %s', (_, name, kind) => {
		expect(checkDisplayName(name)).toBe(kind === 'control' ? CONTROL_IN('name') : BIDI_IN('name'));
	});

	it.each(['Mei Chen', "Seán O'Brien-Ruiz", '陈美', 'محمد علي'])('accepts %j', (name) => {
		expect(checkDisplayName(name)).toBeNull();
	});
});

describe('checkNewPassword', () => {
	const TOO_SHORT =
		'Choose a password of at least 10 characters; a few words in a row are easy to remember.';

	it.each([
		['5 emoji (10 UTF-16 units)', '🔑🔑🔑🔑🔑', TOO_SHORT],
		['9 emoji (18 UTF-16 units)', '🔑🔑🔑🔑🔑🔑🔑🔑🔑', TOO_SHORT],
		['10 emoji', '🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑', null],
		['9 letters', 'abcdefghi', TOO_SHORT],
		['10 letters', 'abcdefghij', null],
		['200 emoji (400 UTF-16 units)', '🔑'.repeat(200), null],
		['201 emoji', '🔑'.repeat(201), 'Keep the password to 200 characters or fewer.']
	])('counts %s as characters', (_, password, problem) => {
		expect(checkNewPassword(password, 'mei')).toBe(problem);
	});
});
