/**
 * Starts and stops the built app (`node scripts/start.js`) for a benchmark, and speaks to it
 * the way the enhanced pages do. Every server listens on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { SESSION_COOKIE } from '../src/lib/server/sessions';

export const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 8_000;

export interface RunningServer {
	pid: number;
	port: number;
	origin: string;
	dataDir: string;
	/** From spawning the process to the first page GET / leads to, answered 200. */
	firstPageMs: number;
	/** Resident memory right after the first page, in MB. */
	rssMb: number;
	stop(): Promise<void>;
}

/** The built app must exist: the bench measures it and never builds it. */
export function assertBuilt(): void {
	if (!existsSync('build/handler.js')) {
		throw new Error('build/handler.js is missing: run `npm run build` first (npm run bench does).');
	}
}

/** Resident set size of a process, in MB, from /proc/<pid>/status. */
export function residentMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const found = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
	if (!found) throw new Error(`No VmRSS line in /proc/${pid}/status.`);

	return Number(found[1]) / 1024;
}

/**
 * Starts the built server on a fresh port and waits for its first page. With a session cookie
 * that is the signed-in home page; without one, the sign-in page GET / redirects to.
 */
export async function startServer(
	dataDir: string,
	port: number,
	cookie = ''
): Promise<RunningServer> {
	const origin = `http://${HOST}:${port}`;
	const started = performance.now();
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST,
			FIVE_LINES_DATA: dataDir,
			FIVE_LINES_CONTENT: process.env.FIVE_LINES_CONTENT ?? 'content/scenarios',
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let errors = '';
	child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
	const stop = () => stopChild(child);
	try {
		await waitForPage(origin, cookie, child, () => errors);
	} catch (error) {
		await stop();
		throw error;
	}
	const firstPageMs = performance.now() - started;
	if (child.pid === undefined) throw new Error('The server process has no pid.');

	return { pid: child.pid, port, origin, dataDir, firstPageMs, rssMb: residentMb(child.pid), stop };
}

/** The status of a page, read to its end; null while the server is not listening. */
async function pageStatus(url: string, init: RequestInit): Promise<number | null> {
	try {
		const answer = await fetch(url, init);
		await answer.arrayBuffer();
		return answer.status;
	} catch {
		return null;
	}
}

/** Polls GET / until it answers 200; a signed-in poll must not be sent to sign in. */
async function waitForPage(
	origin: string,
	cookie: string,
	child: ChildProcess,
	errors: () => string
) {
	const deadline = performance.now() + START_TIMEOUT_MS;
	const init: RequestInit = cookie ? { headers: { cookie }, redirect: 'manual' } : {};
	while (performance.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`The server exited with ${child.exitCode} before serving: ${errors()}`);
		}
		const status = await pageStatus(`${origin}/`, init);
		if (status === 200) return;
		if (status !== null && cookie) {
			throw new Error(`GET / with a session answered ${status}: the session was not accepted.`);
		}
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	throw new Error(`The server on ${origin} served no page within ${START_TIMEOUT_MS} ms.`);
}

/** SIGTERM (the app releases its data lock), then SIGKILL if it lingers. */
function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();

	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/** The headers of a form post sent by `use:enhance`. */
export function actionHeaders(origin: string, cookie: string): Record<string, string> {
	return {
		origin,
		'x-sveltekit-action': 'true',
		accept: 'application/json',
		'content-type': 'application/x-www-form-urlencoded',
		cookie
	};
}

export interface ActionAnswer {
	type: string;
	status: number;
	location?: string;
}

/** Posts a form action as the enhanced page does; returns its JSON answer. */
export async function postAction(
	origin: string,
	target: string,
	body: string,
	cookie = ''
): Promise<ActionAnswer> {
	const response = await fetch(`${origin}${target}`, {
		method: 'POST',
		headers: actionHeaders(origin, cookie),
		body
	});

	return (await response.json()) as ActionAnswer;
}

/** Signs in through the sign-in form as the enhanced page does; returns the session cookie. */
export async function signIn(origin: string, account: { username: string; password: string }) {
	const body = new URLSearchParams({ username: account.username, password: account.password });
	const response = await fetch(`${origin}/signin`, {
		method: 'POST',
		headers: actionHeaders(origin, ''),
		body: body.toString()
	});
	const answer = (await response.json()) as ActionAnswer;
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
	if (answer.type !== 'redirect' || !cookie) {
		throw new Error(`Signing in "${account.username}" was answered ${JSON.stringify(answer)}.`);
	}

	return cookie;
}

/** Starts an attempt on a scenario for the trainee with that cookie; returns its id. */
export async function startAttempt(origin: string, cookie: string, scenarioId: string) {
	const answer = await postAction(origin, `/scenarios/${scenarioId}?/start`, '', cookie);
	const id =
		answer.type === 'redirect' ? /^\/attempts\/([^/?]+)$/.exec(answer.location ?? '') : null;
	if (!id) throw new Error(`Starting ${scenarioId} was answered ${JSON.stringify(answer)}.`);

	return id[1];
}

/** Whether a move was played: sent on to the play page, or to the debrief when it ended the deal. */
export function isPlayed(answer: ActionAnswer, attemptId: string): boolean {
	const pages = [`/attempts/${attemptId}`, `/attempts/${attemptId}/debrief`];

	return answer.type === 'redirect' && pages.includes(answer.location ?? '');
}

/** Posts one move as the play page's form does; returns the action's answer. */
export function postMove(
	origin: string,
	cookie: string,
	attemptId: string,
	moveId: string,
	seq: number
): Promise<ActionAnswer> {
	const body = `moveId=${encodeURIComponent(moveId)}&seq=${seq}`;

	return postAction(origin, `/attempts/${attemptId}?/move`, body, cookie);
}
