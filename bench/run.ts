/**
 * `npm run bench`: measures the built app against its performance targets and prints one
 * table. It builds nothing (the npm script builds first); it starts `node scripts/start.js` on
 * 127.0.0.1 with fresh data directories, drives it, stops it and removes the directories.
 *
 * BENCH_SIZES=100,10000,100000 sets the history sizes (the first is the reference size).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureHistory } from './history';
import { measureLoad, prepareLoad, warmUp, type LoadRun } from './load';
import { measurePageWeight } from './page-weight';
import { GENERATED_MOVES, measureScenarios } from './scenarios';
import { seedAccounts, seedTrainees } from './seed';
import { assertBuilt, signIn, startAttempt, startServer } from './server';
import { median } from './stats';
import { formatTable, type Row } from './table';

const PORTS = { load: 44200, grown: 44201, reference: 44202 };
const LOAD_RUNS = 3;
const PATHS_FILE = 'tests/fixtures/shipped-paths.json';

function log(line: string): void {
	console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function winPath(): string[] {
	const paths = JSON.parse(readFileSync(PATHS_FILE, 'utf8')) as Record<string, { win: string[] }>;

	return paths['city-hospital'].win;
}

function sizesFromEnv(): number[] {
	const sizes = (process.env.BENCH_SIZES ?? '100,10000,100000').split(',').map(Number);
	if (sizes.length < 2 || sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) {
		throw new Error('BENCH_SIZES must list two or more attempt counts, e.g. 100,10000,100000.');
	}

	return sizes;
}

/** Figures 1 and 5 on a server with a fresh data directory: accounts only, no attempts. */
async function measureFreshServer(dir: string) {
	await seedAccounts(dir);
	const trainees = seedTrainees();
	const server = await startServer(dir, PORTS.load);
	try {
		const rig = await prepareLoad(server.origin, winPath(), trainees);
		await warmUp(server.origin, rig);
		const runs: LoadRun[] = [];
		for (let run = 0; run < LOAD_RUNS; run += 1) {
			runs.push(await measureLoad(server.origin, rig, run % 2 === 0));
			log(`load run ${run + 1}/${LOAD_RUNS}: ${JSON.stringify(roundAll(runs[run]))}`);
		}
		// A trainee who took no part in the load, with no attempt of their own yet.
		const cookie = await signIn(server.origin, trainees[trainees.length - 1]);
		const attemptId = await startAttempt(server.origin, cookie, 'city-hospital');
		const weight = await measurePageWeight(server.origin, attemptId, cookie);

		return { runs, weight };
	} finally {
		await server.stop();
	}
}

function roundAll(run: LoadRun): Record<string, number> {
	return Object.fromEntries(Object.entries(run).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

function loadRows(runs: LoadRun[]): Row[] {
	const pick = (key: keyof LoadRun) => median(runs.map((run) => run[key]));
	const ratio = median(runs.map((run) => run.movesPerSec / run.healthzPerSec));
	const failures = runs.reduce((sum, run) => sum + run.failures, 0);

	return [
		{
			figure: '1. moves/s ÷ GET /healthz/s, 50 trainees',
			measured: `${ratio.toFixed(2)} (${pick('movesPerSec').toFixed(0)} ÷ ${pick('healthzPerSec').toFixed(0)} req/s)`,
			target: '≥ 0.50',
			pass: ratio >= 0.5 && failures === 0
		},
		{
			figure: '1. move p50 / p99 under load',
			measured: `${pick('moveP50').toFixed(1)} / ${pick('moveP99').toFixed(1)} ms (healthz p99 ${pick('healthzP99').toFixed(1)})`,
			target: 'p99 < 50 ms',
			pass: pick('moveP99') < 50 && failures === 0
		},
		...(failures > 0
			? [{ figure: '1. unexpected answers', measured: String(failures), target: '0', pass: false }]
			: [])
	];
}

type History = Awaited<ReturnType<typeof measureHistory>>;

function historyRows(history: History): Row[] {
	const first = history.bySize[0];
	const last = history.bySize[history.bySize.length - 1];
	const perSize = history.bySize.map((s) => ({
		figure: `2. one move's write @ ${s.size.toLocaleString('en')} attempts`,
		measured: `${s.grown.move.toFixed(1)} ms (finishing move ${s.grown.finish.toFixed(1)} ms; reference ${s.reference.move.toFixed(1)} / ${s.reference.finish.toFixed(1)})`,
		target: '—',
		pass: null
	}));
	// Each size's time over the 100-attempt reference measured alongside it, then over the
	// same quotient at the smallest size: drift of the shared machine cancels out.
	const corrected = (key: 'move' | 'finish') =>
		last.grown[key] / last.reference[key] / (first.grown[key] / first.reference[key]);
	const label = `@ ${last.size.toLocaleString('en')} ÷ @ ${first.size.toLocaleString('en')}`;

	return [
		...perSize,
		{
			figure: `2. move write ${label} (drift-corrected)`,
			measured: `${corrected('move').toFixed(2)}× (raw ${(last.grown.move / first.grown.move).toFixed(2)}×)`,
			target: '≤ 1.5×',
			pass: corrected('move') <= 1.5
		},
		{
			figure: `2. finishing-move write ${label} (drift-corrected)`,
			measured: `${corrected('finish').toFixed(2)}× (raw ${(last.grown.finish / first.grown.finish).toFixed(2)}×)`,
			target: '≤ 1.5×',
			pass: corrected('finish') <= 1.5
		},
		{
			figure: `3. process start → first page @ ${last.size.toLocaleString('en')} attempts`,
			measured: `${history.starts.firstPageMs.toFixed(0)} ms (@ ${first.size}: ${history.starts.referenceFirstPageMs.toFixed(0)} ms)`,
			target: '< 2000 ms',
			pass: history.starts.firstPageMs < 2000
		},
		{
			figure: `3. VmRSS after first page @ ${last.size.toLocaleString('en')} attempts`,
			measured: `${history.starts.rssMb.toFixed(1)} MB (@ ${first.size}: ${history.starts.referenceRssMb.toFixed(1)} MB)`,
			target: '< 250 MB',
			pass: history.starts.rssMb < 250
		}
	];
}

function scenarioRows(): Row[] {
	return measureScenarios().map((timing) => {
		const isGenerated = timing.moves >= GENERATED_MOVES;
		return {
			figure: `4. parse + validate + compile ${timing.name} (${timing.moves} moves)`,
			measured: `${timing.ms.toFixed(1)} ms (first run ${timing.coldMs.toFixed(1)} ms)`,
			target: isGenerated ? '< 50 ms' : '—',
			pass: isGenerated ? timing.ms < 50 : null
		};
	});
}

async function main(): Promise<void> {
	assertBuilt();
	const sizes = sizesFromEnv();
	const root = mkdtempSync(path.join(tmpdir(), 'five-lines-bench-'));
	const dirs = {
		fresh: path.join(root, 'fresh'),
		grown: path.join(root, 'grown'),
		reference: path.join(root, 'reference')
	};
	try {
		log('4. scenarios');
		const scenarios = scenarioRows();
		log('1. load and 5. page weight on a fresh data directory');
		const fresh = await measureFreshServer(dirs.fresh);
		log(`2-3. history at ${sizes.join(', ')} attempts (seeding takes a while)`);
		const history = await measureHistory({
			sizes,
			dirs,
			ports: [PORTS.grown, PORTS.reference],
			log
		});
		const kb = fresh.weight.gzipBytes / 1024;
		const weightRow: Row = {
			figure: '5. gzipped JavaScript of the play page',
			measured: `${kb.toFixed(1)} KiB (${fresh.weight.files} files, ${(fresh.weight.rawBytes / 1024).toFixed(1)} KiB raw)`,
			target: '< 60 KiB',
			pass: kb < 60
		};
		const rows = [...loadRows(fresh.runs), ...historyRows(history), ...scenarios, weightRow];
		console.log(formatTable(rows));
		process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0;
	} finally {
		if (process.env.BENCH_KEEP) log(`kept the data directories in ${root}`);
		else rmSync(root, { recursive: true, force: true });
	}
}

await main();
