/**
 * Figures 2 and 3: how a move's write and the server's start behave as stored history grows.
 * One data directory grows through the sizes by seeding; a second one keeps 100 attempts and
 * is measured alongside it, turn about, so drift of the shared machine cancels in the ratios.
 */
import { seedData, seedTrainees, type SeedTrainee } from './seed';
import { postMove, startAttempt, startServer, traineeCookie, type RunningServer } from './server';
import { median } from './stats';

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

async function timed(task: () => Promise<string>, expected: string): Promise<number> {
	const started = performance.now();
	const answer = await task();
	const ms = performance.now() - started;
	if (answer !== expected) throw new Error(`A timed move was answered "${answer}".`);

	return ms;
}

/** One fresh attempt by a seeded trainee: its first move, then the move that ends it. */
async function playOne(server: RunningServer, trainee: SeedTrainee, into: Samples) {
	const cookie = traineeCookie(trainee.key, trainee.name);
	const id = await startAttempt(server.origin, cookie, SCENARIO);
	const move = (seq: number) => () => postMove(server.origin, cookie, id, LOSS_PATH[seq - 1], seq);
	into.move.push(await timed(move(1), 'redirect'));
	into.finish.push(await timed(move(2), 'redirect'));
}

/** Rounds of single moves on both servers, one at a time, alternating between them. */
async function measureWrites(grown: RunningServer, reference: RunningServer) {
	const trainees = seedTrainees();
	const rounds = { grown: [] as Samples[], reference: [] as Samples[] };
	await playOne(grown, trainees[0], { move: [], finish: [] });
	await playOne(reference, trainees[0], { move: [], finish: [] });
	for (let round = 0; round < ROUNDS; round += 1) {
		const samples = { grown: { move: [], finish: [] }, reference: { move: [], finish: [] } };
		for (let i = 0; i < ATTEMPTS_PER_ROUND; i += 1) {
			const trainee = trainees[((round * ATTEMPTS_PER_ROUND + i) * 13) % trainees.length];
			await playOne(grown, trainee, samples.grown);
			await playOne(reference, trainee, samples.reference);
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
	ports: number[]
) {
	const grown = await startServer(dirs.grown, ports[0]);
	try {
		const reference = await startServer(dirs.reference, ports[1]);
		try {
			return { size, ...(await measureWrites(grown, reference)) };
		} finally {
			await reference.stop();
		}
	} finally {
		await grown.stop();
	}
}

/** Cold starts of the big directory and of the reference one, taking turns. */
async function measureStarts(dirs: { grown: string; reference: string }, port: number) {
	const samples = { grown: [] as RunningServer[], reference: [] as RunningServer[] };
	for (let run = 0; run < STARTS; run += 1) {
		for (const which of ['grown', 'reference'] as const) {
			const server = await startServer(dirs[which], port);
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
	let stored = 0;
	for (const size of sizes) {
		const seeded = await seedData(dirs.grown, size - stored, stored);
		stored = size;
		log(`seeded to ${size} attempts (+${seeded.attempts} in ${(seeded.ms / 1000).toFixed(0)} s)`);
		bySize.push(await measureSize(size, dirs, ports));
		log(`measured single moves at ${size} attempts`);
	}
	const starts: StartFigures = await measureStarts(dirs, ports[0]);

	return { bySize, starts };
}
