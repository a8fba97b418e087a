/**
 * Figures 2 and 3: how a move's write and the server's start behave as stored history grows.
 * One data directory grows through the sizes by seeding; a second one keeps 100 attempts and
 * is measured alongside it, turn about, so drift of the shared machine cancels in the ratios.
 * Seeded accounts sign in once per directory, before anything is timed: their sessions are
 * stored there and outlive each server.
 */
import { SEED_MANAGER, seedData, seedTrainees, type SeedAccount } from './seed';
import {
	isPlayed,
	postMove,
	signIn,
	startAttempt,
	startServer,
	type ActionAnswer,
	type RunningServer
} from './server';
import { mapLimited, median } from './stats';

const SCENARIO = 'city-hospital';
/** The fixture path that ends the deal on its second move: a plain write, then a finish. */
const LOSS_PATH = ['nursing-director-interview', 'executive-wow-demo'];
const ROUNDS = 5;
const ATTEMPTS_PER_ROUND = 40;
const STARTS = 3;

export interface WriteFigures {
	/** Median, over rounds, of each round's median single-move time (ms). */
	move: number;
	/** The same for the move that ends the deal and rewrites the trainee's index. */
	finish: number;
}

export interface SizeFigures {
	size: number;
	grown: WriteFigures;
	reference: WriteFigures;
}

export interface StartFigures {
	firstPageMs: number;
	rssMb: number;
	referenceFirstPageMs: number;
	referenceRssMb: number;
}

interface Samples {
	move: number[];
	finish: number[];
}

/** Session cookies by data directory, then by username. */
type SessionBook = Map<string, Map<string, string>>;

/** The accounts' cookies on this server's directory; those not signed in there yet sign in. */
async function cookiesFor(book: SessionBook, server: RunningServer, accounts: SeedAccount[]) {
	const known = book.get(server.dataDir) ?? new Map<string, string>();
	book.set(server.dataDir, known);
	const missing = accounts.filter((account) => !known.has(account.username));
	const cookies = await mapLimited(missing, 10, (account) => signIn(server.origin, account));
	missing.forEach((account, index) => known.set(account.username, cookies[index]));

	return known;
}

async function timed(task: () => Promise<ActionAnswer>, attemptId: string): Promise<number> {
	const started = performance.now();
	const answer = await task();
	const ms = performance.now() - started;
	if (!isPlayed(answer, attemptId)) {
		throw new Error(`A timed move was answered ${JSON.stringify(answer)}.`);
	}

	return ms;
}

/** One fresh attempt by a signed-in trainee: its first move, then the move that ends it. */
async function playOne(server: RunningServer, cookie: string, into: Samples) {
	const id = await startAttempt(server.origin, cookie, SCENARIO);
	const move = (seq: number) => () => postMove(server.origin, cookie, id, LOSS_PATH[seq - 1], seq);
	into.move.push(await timed(move(1), id));
	into.finish.push(await timed(move(2), id));
}

/** Who plays: one trainee to warm up, then a spread of trainees, one per attempt of a round. */
function players(): { warmUp: SeedAccount; rounds: SeedAccount[][] } {
	const trainees = seedTrainees();
	const rounds = Array.from({ length: ROUNDS }, (_, round) =>
		Array.from(
			{ length: ATTEMPTS_PER_ROUND },
			(_, i) => trainees[((round * ATTEMPTS_PER_ROUND + i) * 13) % trainees.length]
		)
	);

	return { warmUp: trainees[0], rounds };
}

/** Rounds of single moves on both servers, one at a time, alternating between them. */
async function measureWrites(grown: RunningServer, reference: RunningServer, book: SessionBook) {
	const { warmUp, rounds: plan } = players();
	const accounts = [SEED_MANAGER, warmUp, ...plan.flat()];
	const cookies = {
		grown: await cookiesFor(book, grown, accounts),
		reference: await cookiesFor(book, reference, accounts)
	};
	const cookie = (which: 'grown' | 'reference', trainee: SeedAccount) =>
		cookies[which].get(trainee.username) ?? '';
	await playOne(grown, cookie('grown', warmUp), { move: [], finish: [] });
	await playOne(reference, cookie('reference', warmUp), { move: [], finish: [] });
	const rounds = { grown: [] as Samples[], reference: [] as Samples[] };
	for (const trainees of plan) {
		const samples = { grown: { move: [], finish: [] }, reference: { move: [], finish: [] } };
		for (const trainee of trainees) {
			await playOne(grown, cookie('grown', trainee), samples.grown);
			await playOne(reference, cookie('reference', trainee), samples.reference);
		}
		rounds.grown.push(samples.grown);
		rounds.reference.push(samples.reference);
	}

	return { grown: figures(rounds.grown), reference: figures(rounds.reference) };
}

function figures(rounds: Samples[]): WriteFigures {
	return {
		move: median(rounds.map((round) => median(round.move))),
		finish: median(rounds.map((round) => median(round.finish)))
	};
}

/** Starts a server on each directory and measures writes on both. */
async function measureSize(
	size: number,
	dirs: { grown: string; reference: string },
	ports: number[],
	book: SessionBook
) {
	const grown = await startServer(dirs.grown, ports[0]);
	try {
		const reference = await startServer(dirs.reference, ports[1]);
		try {
			return { size, ...(await measureWrites(grown, reference, book)) };
		} finally {
			await reference.stop();
		}
	} finally {
		await grown.stop();
	}
}

/**
 * Cold starts of the big directory and of the reference one, taking turns; each waits for the
 * home page of the manager, signed in there before, who has the catalogue and no attempts.
 */
async function measureStarts(
	dirs: { grown: string; reference: string },
	port: number,
	book: SessionBook
) {
	const samples = { grown: [] as RunningServer[], reference: [] as RunningServer[] };
	for (let run = 0; run < STARTS; run += 1) {
		for (const which of ['grown', 'reference'] as const) {
			const cookie = book.get(dirs[which])?.get(SEED_MANAGER.username);
			if (!cookie) throw new Error(`The manager never signed in on ${dirs[which]}.`);
			const server = await startServer(dirs[which], port, cookie);
			await server.stop();
			samples[which].push(server);
		}
	}
	const pick = (list: RunningServer[], key: 'firstPageMs' | 'rssMb') =>
		median(list.map((s) => s[key]));

	return {
		firstPageMs: pick(samples.grown, 'firstPageMs'),
		rssMb: pick(samples.grown, 'rssMb'),
		referenceFirstPageMs: pick(samples.reference, 'firstPageMs'),
		referenceRssMb: pick(samples.reference, 'rssMb')
	};
}

export interface HistoryOptions {
	sizes: number[];
	dirs: { grown: string; reference: string };
	ports: number[];
	log: (line: string) => void;
}

/** Seeds up through the sizes, measuring writes at each and starts at the largest. */
export async function measureHistory(options: HistoryOptions) {
	const { sizes, dirs, ports, log } = options;
	const reference = await seedData(dirs.reference, sizes[0]);
	log(`seeded the reference directory with ${reference.attempts} attempts`);
	const bySize: SizeFigures[] = [];
	const book: SessionBook = new Map();
	let stored = 0;
	for (const size of sizes) {
		const seeded = await seedData(dirs.grown, size - stored, stored);
		stored = size;
		log(`seeded to ${size} attempts (+${seeded.attempts} in ${(seeded.ms / 1000).toFixed(0)} s)`);
		bySize.push(await measureSize(size, dirs, ports, book));
		log(`measured single moves at ${size} attempts`);
	}
	const starts: StartFigures = await measureStarts(dirs, ports[0], book);

	return { bySize, starts };
}
