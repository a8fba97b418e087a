/**
 * Seeds a data directory with accounts and finished attempts. The accounts (a manager and 500
 * trainees, each with a known password) are written once; the attempts go through the attempt
 * repository the app uses: each is created, played move by move (one write per move, as in
 * play) and finished by its last move, so files, trainee indexes and timestamps look like real
 * history, keyed by the trainees' account ids.
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
import type { User } from '../src/lib/server/accounts';
import { attemptsIn, type Finish } from '../src/lib/server/attempts';
import { hashPassword } from '../src/lib/server/passwords';
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
const USERS_FILE = 'accounts/users.json';
/** The cost the drills use: a seeded hash takes milliseconds, not a quarter of a second. */
const SEED_LOG_N = 10;

/** An account the bench writes and can sign in as. */
export interface SeedAccount {
	/** `u-` and a fixed UUID, the same in every seeded directory. */
	id: string;
	username: string;
	name: string;
	password: string;
}

/** The manager of every seeded directory, for pages only a manager may open. */
export const SEED_MANAGER: SeedAccount = {
	id: accountIdFor(0),
	username: 'bench-manager',
	name: 'Bench Manager',
	password: 'bench manager password'
};

interface Play {
	scenario: Scenario;
	source: string;
	moves: string[];
	/** How many attempts in a hundred play this path. */
	share: number;
}

export interface SeedResult {
	attempts: number;
	trainees: SeedAccount[];
	ms: number;
}

/** The same 500 trainees for every seeded directory, so the bench can sign in as any of them. */
export function seedTrainees(): SeedAccount[] {
	return Array.from({ length: TRAINEES }, (_, index) => {
		const number = String(index + 1).padStart(3, '0');

		return {
			id: accountIdFor(index + 1),
			username: `trainee-${number}`,
			name: `Trainee ${number}`,
			password: `practice password ${number}`
		};
	});
}

/** A fixed account id per number, shaped as the app makes them: `u-` and a UUID. */
function accountIdFor(number: number): string {
	return `u-5eed0000-0000-4000-8000-${number.toString(16).padStart(12, '0')}`;
}

/** One seeded account as the accounts file keeps it, made at the start of the history. */
async function seededUser(account: SeedAccount, role: User['role']): Promise<User> {
	const createdAt = new Date(HISTORY_END - HISTORY_MS).toISOString();

	return {
		id: account.id,
		username: account.username,
		name: account.name,
		role,
		passwordHash: await hashPassword(account.password, { logN: SEED_LOG_N }),
		createdAt,
		createdById: role === 'manager' ? null : SEED_MANAGER.id,
		passwordChangedAt: createdAt
	};
}

let usersText: Promise<string> | null = null;

/** The accounts file: hashed once per process, as every seeded directory holds the same one. */
function seededUsersText(): Promise<string> {
	usersText ??= Promise.all([
		seededUser(SEED_MANAGER, 'manager'),
		...seedTrainees().map((trainee) => seededUser(trainee, 'trainee'))
	]).then((users) => JSON.stringify({ users }));

	return usersText;
}

/** Writes the seeded accounts unless the directory has them; other accounts are an error. */
async function writeAccounts(store: Store): Promise<void> {
	const existing = await store.readText(USERS_FILE);
	if (existing === null) {
		await store.writeTextOnce(USERS_FILE, await seededUsersText());
		return;
	}
	const ids = new Set((JSON.parse(existing) as { users: User[] }).users.map((user) => user.id));
	if (![SEED_MANAGER, ...seedTrainees()].every((account) => ids.has(account.id))) {
		throw new Error(`${store.dir} has accounts the bench did not seed; seed a fresh directory.`);
	}
}

/** Opens `dir` (created if needed) and writes only the seeded accounts into it. */
export async function seedAccounts(dir: string): Promise<void> {
	const store = openStore(dir);
	try {
		await writeAccounts(store);
	} finally {
		store.close();
	}
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
	trainees: SeedAccount[],
	cache: Map<Play, Finish>
) {
	const repository = attemptsIn(store);
	const play = playFor(plays, n);
	const trainee = trainees[(n * 7919) % trainees.length];
	const attempt = await repository.createAttempt({
		scenarioId: play.scenario.id,
		scenarioVersion: play.scenario.version,
		scenarioTitle: play.scenario.title,
		trainee: trainee.id,
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
		await writeAccounts(store);
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
	console.log(
		`sign in as ${SEED_MANAGER.username} / "${SEED_MANAGER.password}" (manager), or ` +
			`trainee-001 … trainee-${TRAINEES} / "practice password 001" … "practice password ${TRAINEES}"`
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
