/**
 * Starts and stops the built app (`node scripts/start.js`) for a benchmark, and speaks to it
 * the way the enhanced pages do. Every server listens on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 8_000;

export interface RunningServer {
	pid: number;
	port: number;
	origin: string;
	dataDir: string;
	/** From spawning the process to the first 200 answer to GET /. */
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

/** Starts the built server on a fresh port and waits for its first page. */
export async function startServer(dataDir: string, port: number): Promise<RunningServer> {
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
		await waitForPage(origin, child, () => errors);
	} catch (error) {
		await stop();
		throw error;
	}
	const firstPageMs = performance.now() - started;
	if (child.pid === undefined) throw new Error('The server process has no pid.');

	return { pid: child.pid, port, origin, dataDir, firstPageMs, rssMb: residentMb(child.pid), stop };
}

async function waitForPage(origin: string, child: ChildProcess, errors: () => string) {
	const deadline = performance.now() + START_TIMEOUT_MS;
	while (performance.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`The server exited with ${child.exitCode} before serving: ${errors()}`);
		}
		try {
			const answer = await fetch(`${origin}/`);
			await answer.arrayBuffer();
			if (answer.status === 200) return;
		} catch {
			// Not listening yet.
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

/** Posts a form action as the enhanced page does; returns its JSON answer and any cookie. */
export async function postAction(
	origin: string,
	target: string,
	body: string,
	cookie = ''
): Promise<{ answer: ActionAnswer; setCookie: string | null }> {
	const response = await fetch(`${origin}${target}`, {
		method: 'POST',
		headers: actionHeaders(origin, cookie),
		body
	});
	const answer = (await response.json()) as ActionAnswer;
	const setCookie = response.headers.get('set-cookie');

	return { answer, setCookie: setCookie ? setCookie.split(';')[0] : null };
}

/** A trainee cookie, the way the app writes it, for a trainee whose key the bench knows. */
export function traineeCookie(key: string, name: string): string {
	return `five_lines_trainee=${encodeURIComponent(JSON.stringify({ key, name }))}`;
}

/** Names a new trainee through the app; returns their cookie. */
export async function nameTrainee(origin: string, name: string): Promise<string> {
	const { answer, setCookie } = await postAction(
		origin,
		'/?/name',
		`name=${encodeURIComponent(name)}`
	);
	if (answer.type !== 'success' || !setCookie) {
		throw new Error(`Naming trainee "${name}" was answered ${JSON.stringify(answer)}.`);
	}

	return setCookie;
}

/** Starts an attempt on a scenario for the trainee with that cookie; returns its id. */
export async function startAttempt(origin: string, cookie: string, scenarioId: string) {
	const { answer } = await postAction(origin, `/scenarios/${scenarioId}?/start`, '', cookie);
	const id =
		answer.type === 'redirect' ? /^\/attempts\/([^/?]+)$/.exec(answer.location ?? '') : null;
	if (!id) throw new Error(`Starting ${scenarioId} was answered ${JSON.stringify(answer)}.`);

	return id[1];
}

/** Posts one move; returns the answer's type ('success', or 'redirect' when it ended the deal). */
export async function postMove(
	origin: string,
	cookie: string,
	attemptId: string,
	moveId: string,
	seq: number
): Promise<string> {
	const body = `moveId=${encodeURIComponent(moveId)}&seq=${seq}`;
	const { answer } = await postAction(origin, `/attempts/${attemptId}?/move`, body, cookie);

	return answer.type;
}
