/**
 * Seeds a data directory with finished attempts, written through the attempt repository the
 * app uses: each attempt is created, played move by move (one write per move, as in play) and
 * finished by its last move, so files, trainee indexes and timestamps look like real history.
 *
 * `tsx bench/seed.ts <dir> <count>` seeds from the command line; the bench imports `seedData`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { replayDeal } from '../src/lib/deal/replay';
import { parseScenario } from '../src/lib/scenario/parse';
import type { Scenario } from '../src/lib/scenario/types';
import { attemptFacts } from '../src/lib/scoring/facts';
import { scoreAttempt } from '../src/lib/scoring';
import { attemptsIn, type Finish } from '../src/lib/server/attempts';
import { openStore, scenarioVersionFile, type Store } from '../src/lib/server/store';

const CONTENT_DIR = 'content/scenarios';
const PATHS_FILE = 'tests/fixtures/shipped-paths.json';
const TRAINEES = 500;
const CONCURRENCY = Number(process.env.BENCH_SEED_CONCURRENCY ?? 64);
/** History spans a year of play, ending on the bench date. */
const HISTORY_END = Date.parse('2026-12-04T00:00:00.000Z');
const HISTORY_MS = 365 * 24 * 3600 * 1000;
/** About how many store writes one attempt costs: create, index, moves, index. */
const WRITES_PER_ATTEMPT = 16;

export interface SeedTrainee {
	key: string;
	name: string;
}

interface Play {
	scenario: Scenario;
	source: string;
	moves: string[];
	/** How many attempts in a hundred play this path. */
	share: number;
}

export interface SeedResult {
	attempts: number;
	trainees: SeedTrainee[];
	ms: number;
}

/** The same 500 trainees for every seeded directory, so the bench can act as one of them. */
export function seedTrainees(): SeedTrainee[] {
	return Array.from({ length: TRAINEES }, (_, index) => ({
		key: uuidFor(index),
		name: `Trainee ${String(index + 1).padStart(3, '0')}`
	}));
}

/** A fixed UUID-shaped key per trainee: the app's cookie accepts 36 hex characters and dashes. */
function uuidFor(index: number): string {
	const hex = (index + 1).toString(16).padStart(12, '0');

	return `5eed0000-0000-4000-8000-${hex}`;
}

/** Every shipped scenario with its three fixture paths: wins, early losses, late losses. */
export function shippedPlays(): Play[] {
	const paths = JSON.parse(readFileSync(PATHS_FILE, 'utf8')) as Record<
		string,
		Record<string, string[]>
	>;
	const shares: Record<string, number> = { win: 50, lossTrigger: 20, lossDecision: 30 };

	return readdirSync(CONTENT_DIR)
		.filter((name) => name.endsWith('.md'))
		.flatMap((name) => {
			const file = path.join(CONTENT_DIR, name);
			const source = readFileSync(file, 'utf8');
			const parsed = parseScenario(source, file);
			if (!parsed.ok) throw new Error(`${file} does not parse; run npm run scenarios:check.`);
			const scenario = parsed.scenario;

			return Object.entries(paths[scenario.id] ?? {}).map(([kind, moves]) => ({
				scenario,
				source,
				moves,
				share: shares[kind] ?? 10
			}));
		});
}

/** The play for the n-th attempt, following the shares (deterministic, so runs compare). */
function playFor(plays: Play[], n: number): Play {
	const total = plays.reduce((sum, play) => sum + play.share, 0);
	let slot = (n * 37) % total;
	for (const play of plays) {
		if (slot < play.share) return play;
		slot -= play.share;
	}

	return plays[0];
}

/** Scores the deal when the appended move was the path's last; cached, as paths repeat. */
function finisher(play: Play, cache: Map<Play, Finish>) {
	return (attempt: { log: { seq: number; moveId: string; at: string }[] }): Finish | null => {
		if (attempt.log.length < play.moves.length) return null;
		const known = cache.get(play);
		if (known) return known;

		const deal = replayDeal(play.scenario, attempt.log);
		if (!deal.ok || !deal.outcome) throw new Error(`Seed path of ${play.scenario.id} is stale.`);
		const report = scoreAttempt(play.scenario, attempt.log, deal.context);
		const finish = {
			outcome: deal.outcome,
			report,
			facts: attemptFacts(play.scenario, report, deal.context)
		};
		cache.set(play, finish);

		return finish;
	};
}

async function seedOne(
	store: Store,
	plays: Play[],
	n: number,
	trainees: SeedTrainee[],
	cache: Map<Play, Finish>
) {
	const repository = attemptsIn(store);
	const play = playFor(plays, n);
	const trainee = trainees[(n * 7919) % trainees.length];
	const attempt = await repository.createAttempt({
		scenarioId: play.scenario.id,
		scenarioVersion: play.scenario.version,
		scenarioTitle: play.scenario.title,
		trainee: trainee.key,
		traineeName: trainee.name,
		seed: (n * 2654435761) % 2 ** 31
	});
	const finish = finisher(play, cache);
	for (const [index, moveId] of play.moves.entries()) {
		const result = await repository.appendMove(attempt.id, index + 1, { moveId }, finish);
		if (!result.applied) throw new Error(`Seeding ${attempt.id} was refused: ${result.reason}.`);
	}
}

/** A clock that walks through the year of history: each store write is a little later. */
function historyClock(count: number): () => Date {
	const step = Math.max(1, Math.floor(HISTORY_MS / (count * WRITES_PER_ATTEMPT)));
	let tick = 0;

	return () => new Date(HISTORY_END - HISTORY_MS + step * tick++);
}

/** Adds `count` finished attempts to `dir` (created if needed); `from` numbers them on. */
export async function seedData(dir: string, count: number, from = 0): Promise<SeedResult> {
	const started = performance.now();
	const store = openStore(dir, { now: historyClock(count) });
	const trainees = seedTrainees();
	const cache = new Map<Play, Finish>();
	try {
		const plays = shippedPlays();
		for (const play of plays) {
			await store.writeTextOnce(
				scenarioVersionFile(play.scenario.id, play.scenario.version),
				play.source
			);
		}
		let next = from;
		const end = from + count;
		const worker = async () => {
			while (next < end) await seedOne(store, plays, next++, trainees, cache);
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	} finally {
		store.close();
	}

	return { attempts: count, trainees, ms: performance.now() - started };
}

async function main(): Promise<void> {
	const [dir, count] = process.argv.slice(2);
	if (!dir || !Number.isSafeInteger(Number(count))) {
		console.error('Usage: tsx bench/seed.ts <data-dir> <attempt-count>');
		process.exitCode = 2;
		return;
	}
	const result = await seedData(dir, Number(count));
	console.log(
		`seeded ${result.attempts} attempts into ${dir} in ${(result.ms / 1000).toFixed(1)} s`
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
