/**
 * Helpers for the fault drills: they start the built server (`node scripts/start.js`, after
 * `npm run build`) on a fresh data directory, post moves the way the enhanced play page does,
 * and read the data directory back as another process would. Every server and directory a
 * test makes is stopped and removed after it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');

const HOST = '127.0.0.1';
const PORTS = { first: 43000, count: 1000 };
const REQUEST_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 8_000;

/** The storage verdict the app gives for a corrupt file, after `file:line:column: problem`. */
export const STORE_FILE_FIX =
	'repair it by hand or restore it from a backup; Five Lines will not write to this file ' +
	'until it reads cleanly.';

const cleanups: (() => void | Promise<unknown>)[] = [];

afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

/**
 * A fresh data directory holding only the drill manager's account, beside a copy of the
 * shipped scenarios, so edits to content/ during a run do not reach the test. Both are removed
 * after the test.
 */
export function freshDataDir(): string {
	const base = mkdtempSync(path.join(tmpdir(), 'five-lines-drill-'));
	cleanups.push(() => rmSync(base, { recursive: true, force: true }));
	cpSync(path.join(ROOT, 'content/scenarios'), contentDirFor(path.join(base, 'data')), {
		recursive: true
	});
	seedManager(path.join(base, 'data'));

	return path.join(base, 'data');
}

function contentDirFor(dataDir: string): string {
	return path.join(path.dirname(dataDir), 'scenarios');
}

const usedPorts = new Set<number>();

function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, HOST, () => probe.close(() => resolve(true)));
	});
}

/** A free port in 43000–43999 that this run has not handed out before. */
export async function freePort(): Promise<number> {
	for (let tries = 0; tries < 50; tries += 1) {
		const port = PORTS.first + Math.floor(Math.random() * PORTS.count);
		if (usedPorts.has(port)) continue;
		usedPorts.add(port);
		if (await isPortFree(port)) return port;
	}
	throw new Error('No free port in 43000–43999 after 50 tries.');
}

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

/** One `node scripts/start.js` process and what it has printed so far. */
export interface ServerProcess {
	readonly port: number;
	readonly origin: string;
	readonly pid: number;
	readonly dataDir: string;
	readonly child: ChildProcess;
	/** Settles when the process has exited. */
	readonly exited: Promise<Exit>;
	stdout(): string;
	stderr(): string;
}

/** Spawns the built server without waiting for it; killed after the test if still running. */
export async function spawnServer(dataDir: string): Promise<ServerProcess> {
	const port = await freePort();
	const child = spawn(process.execPath, ['scripts/start.js'], {
		cwd: ROOT,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST,
			FIVE_LINES_DATA: dataDir,
			FIVE_LINES_CONTENT: contentDirFor(dataDir)
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const out = { stdout: '', stderr: '' };
	child.stdout?.on('data', (chunk: Buffer) => (out.stdout += chunk.toString('utf8')));
	child.stderr?.on('data', (chunk: Buffer) => (out.stderr += chunk.toString('utf8')));
	const exited = new Promise<Exit>((resolve) => {
		child.once('exit', (code, signal) => resolve({ code, signal }));
	});
	// Servers go before directories: killed, and gone, before their data is removed.
	cleanups.unshift(() => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGKILL');
		return withTimeout(exited, STOP_TIMEOUT_MS, `Server ${child.pid} outlived SIGKILL.`);
	});
	if (child.pid === undefined) throw new Error('The server process did not start.');

	return {
		port,
		origin: `http://${HOST}:${port}`,
		pid: child.pid,
		dataDir,
		child,
		exited,
		stdout: () => out.stdout,
		stderr: () => out.stderr
	};
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls GET /healthz until it answers 200; throws after `timeoutMs` or if the server exits. */
export async function waitForHealth(server: ServerProcess, timeoutMs = START_TIMEOUT_MS) {
	const deadline = Date.now() + timeoutMs;
	let hasExited = false;
	void server.exited.then(() => (hasExited = true));

	while (Date.now() < deadline && !hasExited) {
		try {
			const response = await fetch(`${server.origin}/healthz`, {
				signal: AbortSignal.timeout(1000)
			});
			if (response.status === 200) return;
		} catch {
			// Not listening yet.
		}
		await delay(100);
	}
	throw new Error(
		`The server on ${server.origin} did not become healthy (exited: ${hasExited}).\n` +
			`stdout: ${server.stdout()}\nstderr: ${server.stderr()}`
	);
}

/** Starts the built server on `dataDir` and waits until it is healthy. */
export async function startServer(dataDir: string): Promise<ServerProcess> {
	const server = await spawnServer(dataDir);
	await waitForHealth(server);

	return server;
}

/** Stops a server the way a process manager does (SIGTERM) and waits for it to exit. */
export async function stopServer(server: ServerProcess): Promise<Exit> {
	server.child.kill('SIGTERM');

	return withTimeout(server.exited, STOP_TIMEOUT_MS, 'The server did not stop on SIGTERM.');
}

/** Kills a server with SIGKILL, as a crash would, and waits for it to be gone. */
export async function crashServer(server: ServerProcess): Promise<Exit> {
	server.child.kill('SIGKILL');

	return withTimeout(server.exited, STOP_TIMEOUT_MS, 'The server did not die on SIGKILL.');
}

/** Resolves as `promise`, or rejects with `message` after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string) {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(message)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/** Waits until the server's stderr contains `text`; returns all of stderr. */
export async function waitForStderr(server: ServerProcess, text: string, timeoutMs = 5000) {
	const deadline = Date.now() + timeoutMs;
	while (!server.stderr().includes(text) && Date.now() < deadline) await delay(20);

	return server.stderr();
}

/** What a form action answers to an enhanced post, with its devalue data decoded. */
export interface ActionAnswer {
	/** The HTTP status of the response (200 for `success`, `failure` and `redirect`). */
	http: number;
	type: 'success' | 'failure' | 'redirect' | 'error';
	/** The status SvelteKit reports inside the body. */
	status?: number;
	location?: string;
	data?: Record<string, unknown>;
	error?: { message: string; errorId?: string };
}

/** Decodes the flat devalue arrays actions return: `[{"key":1},"value"]` → `{ key: "value" }`. */
export function decodeFlat(serialised: string): Record<string, unknown> {
	const values = JSON.parse(serialised) as unknown[];
	const root = values[0] as Record<string, number>;

	return Object.fromEntries(Object.entries(root).map(([key, index]) => [key, values[index]]));
}

async function readAnswer(response: Response): Promise<ActionAnswer> {
	const body = (await response.json()) as Omit<ActionAnswer, 'http' | 'data'> & { data?: string };
	const { data, ...rest } = body;

	return { http: response.status, ...rest, ...(data ? { data: decodeFlat(data) } : {}) };
}

export interface PostOptions {
	cookie?: string;
	contentType?: string;
}

/** Posts a body to a form action as `use:enhance` does and reads the JSON answer. */
export async function postAction(
	server: ServerProcess,
	pathAndAction: string,
	body: string,
	{ cookie, contentType = 'application/x-www-form-urlencoded' }: PostOptions = {}
): Promise<ActionAnswer> {
	const response = await fetch(`${server.origin}${pathAndAction}`, {
		method: 'POST',
		headers: {
			Origin: server.origin,
			'x-sveltekit-action': 'true',
			Accept: 'application/json',
			'content-type': contentType,
			...(cookie ? { cookie } : {})
		},
		body,
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
	});

	return readAnswer(response);
}

/** The manager every drill's data directory starts with (the README's command makes one). */
export const MANAGER = { username: 'drill-manager', password: 'drill manager password' };

/**
 * Writes the manager's account into a data directory before its server starts, as
 * `npm run manager:create` would, with a cheaper scrypt cost (the hash names its cost).
 */
function seedManager(dataDir: string): void {
	const salt = randomBytes(16);
	const logN = 10;
	const key = scryptSync(MANAGER.password, salt, 32, { N: 2 ** logN, r: 8, p: 1 });
	const hash = ['scrypt', logN, 8, 1, salt.toString('base64url'), key.toString('base64url')];
	const at = new Date().toISOString();
	const manager = {
		id: `u-${randomUUID()}`,
		username: MANAGER.username,
		name: 'Drill Manager',
		role: 'manager',
		passwordHash: hash.join('$'),
		createdAt: at,
		createdById: null,
		passwordChangedAt: at
	};
	mkdirSync(path.join(dataDir, 'accounts'), { recursive: true });
	writeFileSync(path.join(dataDir, 'accounts/users.json'), JSON.stringify({ users: [manager] }));
}

/** Signs in through the sign-in form and returns the session cookie (`name=value`). */
export async function signIn(server: ServerProcess, username: string, password: string) {
	const response = await fetch(`${server.origin}/signin`, {
		method: 'POST',
		headers: {
			Origin: server.origin,
			'x-sveltekit-action': 'true',
			Accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username, password }).toString(),
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
	});
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('five_lines_session='));
	if (response.status !== 200 || !cookie) {
		throw new Error(`Signing in "${username}" answered ${response.status} with no session.`);
	}

	return cookie;
}

const managerCookies = new WeakMap<ServerProcess, Promise<string>>();

/** The drill manager's session on this server, signed in once. */
export function managerCookie(server: ServerProcess): Promise<string> {
	let cookie = managerCookies.get(server);
	if (!cookie) {
		cookie = signIn(server, MANAGER.username, MANAGER.password);
		managerCookies.set(server, cookie);
	}

	return cookie;
}

let accountCount = 0;

/**
 * Makes an account through the manager's people page and signs it in; returns its session
 * cookie. The username is derived from the name and made unique.
 */
export async function createAccount(
	server: ServerProcess,
	name: string,
	role: 'trainee' | 'coach' = 'trainee'
): Promise<string> {
	accountCount += 1;
	const slug = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	const username = `${slug.slice(0, 20) || 'rep'}-${accountCount}`;
	const password = `practice password ${accountCount}`;
	const body = new URLSearchParams({ username, name, role, password, teamId: '' }).toString();
	const answer = await postAction(server, '/people?/create', body, {
		cookie: await managerCookie(server)
	});
	if (answer.type !== 'success') {
		throw new Error(`Creating "${name}" answered ${JSON.stringify(answer)}.`);
	}

	return signIn(server, username, password);
}

/** A new trainee account, signed in: their session cookie. */
export function nameTrainee(server: ServerProcess, name: string): Promise<string> {
	return createAccount(server, name);
}

/** Starts an attempt on a scenario for the trainee and returns its id. */
export async function startAttempt(
	server: ServerProcess,
	cookie: string,
	scenarioId = 'city-hospital'
): Promise<string> {
	const answer = await postAction(server, `/scenarios/${scenarioId}?/start`, '', { cookie });
	const id = /^\/attempts\/([0-9a-f-]{36})$/.exec(answer.location ?? '')?.[1];
	if (answer.type !== 'redirect' || !id) {
		throw new Error(`Starting an attempt answered ${JSON.stringify(answer)}.`);
	}

	return id;
}

/** A named trainee with one attempt started. */
export async function traineeWithAttempt(server: ServerProcess, name: string) {
	const cookie = await nameTrainee(server, name);
	const attemptId = await startAttempt(server, cookie);

	return { cookie, attemptId };
}

/** Posts one move as the play page's form does. */
export function postMove(
	server: ServerProcess,
	cookie: string | undefined,
	attemptId: string,
	moveId: string,
	seq: number
): Promise<ActionAnswer> {
	const body = new URLSearchParams({ moveId, seq: String(seq) }).toString();

	return postAction(server, `/attempts/${attemptId}?/move`, body, { cookie });
}

/** Whether an answer means the move was applied (or was the ending move, sent to the debrief). */
/** A played move redirects to the play page, or to the debrief when it ended the deal. */
export function isPlayed(answer: ActionAnswer, attemptId: string): boolean {
	const pages = [`/attempts/${attemptId}`, `/attempts/${attemptId}/debrief`];

	return answer.type === 'redirect' && pages.includes(answer.location ?? '');
}

/** The answer to a move that was played and left the deal open. */
export function playedAnswer(attemptId: string): ActionAnswer {
	return { http: 200, type: 'redirect', status: 303, location: `/attempts/${attemptId}` };
}

/** GET a page with the trainee's cookie, not following redirects. */
export async function getPage(server: ServerProcess, pathname: string, cookie?: string) {
	const response = await fetch(`${server.origin}${pathname}`, {
		headers: cookie ? { cookie } : {},
		redirect: 'manual',
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
	});

	return { status: response.status, text: await response.text(), response };
}

/** The shape of an attempt file this suite looks at. */
export interface StoredAttempt {
	id: string;
	trainee: string;
	log: { seq: number; moveId: string; at: string }[];
	outcome: unknown;
	finishedAt: string | null;
}

export function attemptPath(dataDir: string, attemptId: string): string {
	return path.join(dataDir, 'attempts', `${attemptId}.json`);
}

export function readAttemptFile(dataDir: string, attemptId: string): StoredAttempt {
	return JSON.parse(readFileSync(attemptPath(dataDir, attemptId), 'utf8')) as StoredAttempt;
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];

	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

/** Every file's bytes under `dir`, keyed by relative path: compare two to see any change. */
export function snapshotDir(dir: string): Map<string, Buffer> {
	return new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file))]));
}

/** A path as the server prints it: relative to its working directory (the repo) when inside. */
export function shownPath(file: string): string {
	const relative = path.relative(ROOT, file);
	const isInside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);

	return isInside ? relative : path.resolve(file);
}

/** The trainee index files, as paths relative to the data directory. */
export function traineeFiles(dataDir: string): string[] {
	return listFiles(dataDir).filter((file) => file.startsWith(`trainees${path.sep}`));
}

/** The moves of a path in tests/fixtures/shipped-paths.json, for the shipped scenarios. */
export function shippedPath(scenarioId: string, name: string): string[] {
	const file = path.join(ROOT, 'tests/fixtures/shipped-paths.json');
	const paths = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string[]>>;
	const moves = paths[scenarioId]?.[name];
	if (!moves) throw new Error(`No path "${name}" for "${scenarioId}" in shipped-paths.json.`);

	return moves;
}

/** The shipped hospital deal's winning path and its two-move loss. */
export const WIN = shippedPath('city-hospital', 'win');
export const LOSS_TRIGGER = shippedPath('city-hospital', 'lossTrigger');

/** What handleError shows for anything it did not expect. */

/** The log entries (without times) that playing `moves` from the start leaves. */
export function expectedLog(moves: string[]) {
	return moves.map((moveId, index) => ({ seq: index + 1, moveId }));
}

/** An attempt's stored log, without times. */
export function logOf(dataDir: string, attemptId: string) {
	return readAttemptFile(dataDir, attemptId).log.map(({ seq, moveId }) => ({ seq, moveId }));
}

/** GET /healthz: its status and parsed body. */
export async function healthz(server: ServerProcess) {
	const page = await getPage(server, '/healthz');

	return { status: page.status, body: JSON.parse(page.text) as unknown };
}
