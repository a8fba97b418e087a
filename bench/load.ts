/**
 * Figure 1: a move under load. Fifty trainees, one connection each, play the winning path of
 * city-hospital move by move exactly as the enhanced page posts them; the baseline is GET
 * /healthz through the same fifty connections, in the same run. The trainees sign in before
 * any run, so the cost of checking a password never falls inside a measured one.
 */
import autocannon, { type Instance, type Request } from 'autocannon';
import { actionHeaders, isPlayed, signIn, startAttempt, type ActionAnswer } from './server';
import { mapLimited, median, quantile } from './stats';

const SCENARIO = 'city-hospital';
const TRAINEES = 50;
/** Whole attempts each trainee plays per measured run. */
const LAPS = 3;
const RUN_LIMIT_MS = 120_000;

export interface LoadRun {
	movesPerSec: number;
	healthzPerSec: number;
	moveP50: number;
	moveP99: number;
	healthzP50: number;
	healthzP99: number;
	/** Answers that were not what the page expects (an error, a refusal, a timeout). */
	failures: number;
}

interface Blast {
	perSec: number;
	latencies: number[];
	failures: number;
}

/** Runs one autocannon instance per request list (one connection each) and pools the results. */
function blast(origin: string, plans: Request[][], amountEach: number): Promise<Blast> {
	const latencies: number[] = [];
	let failures = 0;
	const instances: Instance[] = [];
	const started = performance.now();
	// autocannon reports the end of a run on its one-second tick: the last answer is the end.
	let lastAnswer = started;
	const runs = plans.map(
		(requests) =>
			new Promise<void>((resolve, reject) => {
				const instance = autocannon(
					{ url: origin, connections: 1, amount: amountEach, timeout: 10, requests },
					(error, result) => {
						if (error) return reject(error);
						failures += result.errors + result.timeouts + result.non2xx;
						resolve();
					}
				);
				instance.on('response', (_client, _status, _bytes, ms: number) => {
					latencies.push(ms);
					lastAnswer = performance.now();
				});
				instances.push(instance);
			})
	);
	const guard = setTimeout(() => instances.forEach((instance) => instance.stop()), RUN_LIMIT_MS);

	return Promise.all(runs)
		.then(() => {
			const seconds = (lastAnswer - started) / 1000;
			const invalid = plans.reduce((sum, plan) => sum + countInvalid(plan), 0);

			return { perSec: latencies.length / seconds, latencies, failures: failures + invalid };
		})
		.finally(() => clearTimeout(guard));
}

const invalidAnswers = new WeakMap<Request[], number>();

function countInvalid(plan: Request[]): number {
	return invalidAnswers.get(plan) ?? 0;
}

/** One trainee's plan: each lap takes the next fresh attempt and plays the path through. */
function movePlan(origin: string, cookie: string, attempts: string[], path: string[]): Request[] {
	const queue = [...attempts];
	let last = queue[0];
	const plan: Request[] = path.map((moveId, index) => ({
		method: 'POST',
		setupRequest: (request, context) => {
			if (index === 0) context.attempt = last = queue.shift() ?? last;
			const body = `moveId=${moveId}&seq=${index + 1}`;

			return {
				...request,
				path: `/attempts/${String(context.attempt)}?/move`,
				headers: actionHeaders(origin, cookie),
				body
			};
		},
		// A played move redirects to the play page, the last one to the debrief.
		onResponse: (_status, body, context) => {
			if (!isPlayed(parseAnswer(body), String(context.attempt))) {
				invalidAnswers.set(plan, countInvalid(plan) + 1);
			}
		}
	}));

	return plan;
}

function parseAnswer(body: string): ActionAnswer {
	try {
		return JSON.parse(body) as ActionAnswer;
	} catch {
		return { type: 'unreadable', status: 0 };
	}
}

function healthzPlan(): Request[] {
	return [{ method: 'GET', path: '/healthz' }];
}

export interface LoadRig {
	cookies: string[];
	path: string[];
}

/** Signs in the first fifty of the trainee accounts once; each run starts fresh attempts. */
export async function prepareLoad(
	origin: string,
	path: string[],
	accounts: { username: string; password: string }[]
): Promise<LoadRig> {
	if (accounts.length < TRAINEES) {
		throw new Error(`The load needs ${TRAINEES} trainee accounts; ${accounts.length} were given.`);
	}
	const cookies = await mapLimited(accounts.slice(0, TRAINEES), 10, (account) =>
		signIn(origin, account)
	);

	return { cookies, path };
}

async function freshAttempts(origin: string, rig: LoadRig, laps: number): Promise<string[][]> {
	return mapLimited(rig.cookies, 10, (cookie) =>
		Promise.all(Array.from({ length: laps }, () => startAttempt(origin, cookie, SCENARIO)))
	);
}

async function playMoves(origin: string, rig: LoadRig, laps: number): Promise<Blast> {
	const attempts = await freshAttempts(origin, rig, laps);
	const plans = rig.cookies.map((cookie, i) => movePlan(origin, cookie, attempts[i], rig.path));

	return blast(origin, plans, laps * rig.path.length);
}

/** One measured run; `movesFirst` alternates the order so drift does not favour either side. */
export async function measureLoad(origin: string, rig: LoadRig, movesFirst: boolean) {
	const amount = LAPS * rig.path.length;
	const healthzRun = () => blast(origin, rig.cookies.map(healthzPlan), amount);
	let moves: Blast;
	let healthz: Blast;
	if (movesFirst) {
		moves = await playMoves(origin, rig, LAPS);
		healthz = await healthzRun();
	} else {
		healthz = await healthzRun();
		moves = await playMoves(origin, rig, LAPS);
	}

	return summarise(moves, healthz);
}

/** A short unmeasured run so the server's code is warm before the first measured one. */
export async function warmUp(origin: string, rig: LoadRig): Promise<void> {
	await playMoves(origin, rig, 1);
	await blast(origin, rig.cookies.map(healthzPlan), rig.path.length);
}

function summarise(moves: Blast, healthz: Blast): LoadRun {
	return {
		movesPerSec: moves.perSec,
		healthzPerSec: healthz.perSec,
		moveP50: median(moves.latencies),
		moveP99: quantile(moves.latencies, 0.99),
		healthzP50: median(healthz.latencies),
		healthzP99: quantile(healthz.latencies, 0.99),
		failures: moves.failures + healthz.failures
	};
}
