/**
 * Fault drills against the built server: a crash in the middle of a burst of moves, corrupt
 * data files, a second server on the same data directory, duplicate and malformed moves.
 * Run after `npm run build` with `vitest run --config tests/drills/vitest.config.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	attemptPath,
	crashServer,
	freshDataDir,
	getPage,
	isPlayed,
	listFiles,
	postAction,
	postMove,
	shownPath,
	readAttemptFile,
	shippedPath,
	snapshotDir,
	spawnServer,
	startServer,
	stopServer,
	STORE_FILE_FIX,
	traineeFiles,
	traineeWithAttempt,
	waitForStderr,
	withTimeout,
	type ActionAnswer,
	type Exit,
	type ServerProcess
} from './support';

const WIN = shippedPath('city-hospital', 'win');
const LOSS_TRIGGER = shippedPath('city-hospital', 'lossTrigger');
const GENERIC_ERROR = 'Something went wrong on our side.';

function expectedLog(moves: string[]) {
	return moves.map((moveId, index) => ({ seq: index + 1, moveId }));
}

function logOf(dataDir: string, attemptId: string) {
	return readAttemptFile(dataDir, attemptId).log.map(({ seq, moveId }) => ({ seq, moveId }));
}

async function healthz(server: ServerProcess) {
	const page = await getPage(server, '/healthz');

	return { status: page.status, body: JSON.parse(page.text) as unknown };
}

describe('a crash in the middle of a burst of moves', () => {
	const TRAINEES = 6;
	const KILL_AFTER_ANSWERS = 30;

	it('keeps every answered move, leaves parseable JSON and serves again on restart', async () => {
		const dataDir = freshDataDir();
		const server = await startServer(dataDir);
		const trainees = await Promise.all(
			Array.from({ length: TRAINEES }, (_, index) => traineeWithAttempt(server, `Rep ${index}`))
		);
		const answered = trainees.map(() => 0);
		let answers = 0;
		const kill: { crash?: Promise<Exit> } = {};

		// Each trainee plays the winning path as fast as answers come; the server is killed
		// once 30 of the 84 moves have been answered, with the others' posts in flight.
		async function play(trainee: (typeof trainees)[number], index: number) {
			for (let seq = 1; seq <= WIN.length; seq += 1) {
				let answer: ActionAnswer;
				try {
					answer = await postMove(server, trainee.cookie, trainee.attemptId, WIN[seq - 1], seq);
				} catch {
					return;
				}
				expect(isPlayed(answer, trainee.attemptId), JSON.stringify(answer)).toBe(true);
				answered[index] = seq;
				answers += 1;
				if (answers === KILL_AFTER_ANSWERS) kill.crash = crashServer(server);
			}
		}
		await Promise.all(trainees.map(play));

		expect(kill.crash).toBeDefined();
		expect(await kill.crash).toEqual({ code: null, signal: 'SIGKILL' });
		expect(answers).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);
		expect(answers).toBeLessThan(TRAINEES * WIN.length);

		const jsonFiles = listFiles(dataDir).filter((file) => file.endsWith('.json'));
		const unreadable = jsonFiles.filter((file) => {
			try {
				JSON.parse(readFileSync(path.join(dataDir, file), 'utf8'));
				return false;
			} catch {
				return true;
			}
		});
		expect(unreadable).toEqual([]);
		expect(jsonFiles.filter((file) => file.startsWith('attempts'))).toHaveLength(TRAINEES);
		expect(traineeFiles(dataDir)).toHaveLength(TRAINEES);

		const stored = trainees.map(({ attemptId }) => logOf(dataDir, attemptId));
		stored.forEach((log, index) => {
			// Every answered move is there, in order; at most the one in flight was added.
			expect(log).toEqual(expectedLog(WIN.slice(0, log.length)));
			expect(log.length).toBeGreaterThanOrEqual(answered[index]);
			expect(log.length).toBeLessThanOrEqual(answered[index] + 1);
		});

		const again = await startServer(dataDir);
		expect(await healthz(again)).toEqual({
			status: 200,
			body: { ok: true, dataDirWritable: true }
		});
		expect(readFileSync(path.join(dataDir, '.lock'), 'utf8')).toBe(`${again.pid}\n`);
		for (const [index, { cookie, attemptId }] of trainees.entries()) {
			const next = stored[index].length + 1;
			const page = await getPage(again, `/attempts/${attemptId}`, cookie);
			expect(page.status).toBe(200);
			expect(page.text).toContain(`name="seq" value="${next}"`);

			const answer = await postMove(again, cookie, attemptId, WIN[next - 1], next);
			expect(answer).toEqual({
				http: 200,
				type: 'success',
				status: 200,
				data: { played: WIN[next - 1] }
			});
			expect(logOf(dataDir, attemptId)).toEqual(expectedLog(WIN.slice(0, next)));
		}
		expect(await stopServer(again)).toEqual({ code: 0, signal: null });
	});
});

interface Position {
	line: number;
	column: number;
}

/** How a file is damaged, and the position and problem the app must report for it. */
interface Corruption {
	name: string;
	damage: (bytes: Buffer, cutAfter: string) => Buffer;
	problem: string;
	/** Where the error sits in the damaged file. */
	position: (target: DamagedFile) => Position;
}

const CORRUPTIONS: Corruption[] = [
	{
		name: 'empty',
		damage: () => Buffer.alloc(0),
		problem: 'the file is empty (zero bytes)',
		position: () => ({ line: 1, column: 1 })
	},
	{
		name: 'all zero bytes',
		damage: (bytes) => Buffer.alloc(bytes.length),
		problem: "invalid JSON: Unexpected token '\u0000'",
		position: () => ({ line: 1, column: 1 })
	},
	{
		name: 'cut in the middle of a string',
		damage: (bytes, cutAfter) => {
			const at = bytes.indexOf(cutAfter);
			if (at < 0) throw new Error(`"${cutAfter}" is not in the file to cut.`);
			return bytes.subarray(0, at + Buffer.byteLength(cutAfter));
		},
		problem: 'invalid JSON: Unterminated string',
		position: (target) => target.cutAt
	}
];

/** A trainee whose attempt has one move, so both their files hold text to cut. */
async function playedOneMove(server: ServerProcess) {
	const trainee = await traineeWithAttempt(server, 'Corrupt Carla');
	const answer = await postMove(server, trainee.cookie, trainee.attemptId, WIN[0], 1);
	expect(isPlayed(answer, trainee.attemptId)).toBe(true);

	return trainee;
}

type Trainee = Awaited<ReturnType<typeof playedOneMove>>;

interface DamagedFile {
	name: string;
	file: (dataDir: string, trainee: Trainee) => string;
	/** Text inside a string value, about halfway through the file, to cut the file after. */
	cutAfter: string;
	/** Line and column just past the cut: where the file now stops. */
	cutAt: Position;
	/** Requests that read the file: their answers, error ids and the method and path logged. */
	touch: (server: ServerProcess, trainee: Trainee) => Promise<Touched[]>;
}

interface Touched {
	status: number;
	message: string;
	errorId: string;
	logged: string;
}

const ERROR_ID = /quote error id ([0-9a-f]{8})\./;

async function getErrorPage(server: ServerProcess, pathname: string, cookie: string) {
	const page = await getPage(server, pathname, cookie);
	const errorId = ERROR_ID.exec(page.text)?.[1] ?? '';

	return {
		status: page.status,
		message: page.text.includes(`<p>${GENERIC_ERROR}</p>`) ? GENERIC_ERROR : page.text,
		errorId,
		logged: `GET ${pathname}`
	};
}

const DAMAGED_FILES: DamagedFile[] = [
	{
		name: 'an attempt file, by a move and the play page',
		file: (dataDir, { attemptId }) => attemptPath(dataDir, attemptId),
		cutAfter: '"moveId": "nursing-',
		cutAt: { line: 11, column: 23 },
		touch: async (server, { cookie, attemptId }) => {
			const answer = await postMove(server, cookie, attemptId, WIN[1], 2);
			const move = {
				status: answer.http,
				message: answer.error?.message ?? JSON.stringify(answer),
				errorId: answer.error?.errorId ?? '',
				logged: `POST /attempts/${attemptId}`
			};

			return [move, await getErrorPage(server, `/attempts/${attemptId}`, cookie)];
		}
	},
	{
		name: 'a trainee index, by the home page',
		file: (dataDir) => path.join(dataDir, traineeFiles(dataDir)[0]),
		cutAfter: '"scenarioTitle": "Northbridge',
		cutAt: { line: 7, column: 33 },
		touch: async (server, { cookie }) => [await getErrorPage(server, '/', cookie)]
	}
];

/** Asserts each request failed with a logged StoreFileError naming the file and position. */
async function expectRefusals(
	server: ServerProcess,
	touched: Touched[],
	file: string,
	expected: Position & { problem: string }
) {
	const where = `${shownPath(file)}:${expected.line}:${expected.column}`;
	for (const answer of touched) {
		expect(answer.status).toBe(500);
		expect(answer.message).toBe(GENERIC_ERROR);
		expect(answer.errorId).toMatch(/^[0-9a-f]{8}$/);

		const logged =
			`[five-lines] error ${answer.errorId} on ${answer.logged}\n` +
			`StoreFileError: ${where}: ${expected.problem} — ${STORE_FILE_FIX}\n`;
		expect(await waitForStderr(server, logged)).toContain(logged);
	}
}

describe('a data file that cannot be parsed', () => {
	const cases = DAMAGED_FILES.flatMap((target) =>
		CORRUPTIONS.map((corruption) => ({ target, corruption }))
	);

	it.each(cases.map((entry) => [entry.target.name, entry.corruption.name, entry] as const))(
		'%s, %s: is refused with its file and position and left byte for byte',
		async (_target, _corruption, { target, corruption }) => {
			const dataDir = freshDataDir();
			const server = await startServer(dataDir);
			const trainee = await playedOneMove(server);
			const file = target.file(dataDir, trainee);
			const damaged = corruption.damage(readFileSync(file), target.cutAfter);
			writeFileSync(file, damaged);
			const expected = { problem: corruption.problem, ...corruption.position(target) };

			await expectRefusals(server, await target.touch(server, trainee), file, expected);
			expect(readFileSync(file).equals(damaged)).toBe(true);
			expect(await stopServer(server)).toEqual({ code: 0, signal: null });
			expect(readFileSync(file).equals(damaged)).toBe(true);

			// Start-up does not read attempt or trainee files, so the server starts and the
			// damage shows again on the first request that reads the file.
			const again = await startServer(dataDir);
			expect(await healthz(again)).toEqual({
				status: 200,
				body: { ok: true, dataDirWritable: true }
			});
			await expectRefusals(again, await target.touch(again, trainee), file, expected);
			expect(await stopServer(again)).toEqual({ code: 0, signal: null });
			expect(readFileSync(file).equals(damaged)).toBe(true);
		}
	);

	// Product bug: the trainee sees only "Something went wrong on our side." and an error id;
	// the file and position are written to the server's stderr alone. Remove `.fails` once the
	// page says which file is damaged and where.
	it.fails('names the damaged file and its position on the error the trainee sees', async () => {
		const dataDir = freshDataDir();
		const server = await startServer(dataDir);
		const trainee = await playedOneMove(server);
		const file = attemptPath(dataDir, trainee.attemptId);
		writeFileSync(file, Buffer.alloc(0));

		const answer = await postMove(server, trainee.cookie, trainee.attemptId, WIN[1], 2);

		expect(answer.http).toBe(500);
		expect(answer.error?.message).toContain(`attempts/${trainee.attemptId}.json:1:1`);
	});

	// Product bug: starting an attempt writes the attempt file before the (damaged) trainee
	// index is read, so the refused start leaves an attempt that no history will list. Remove
	// `.fails` once a start that cannot update the index writes nothing.
	it.fails('writes no attempt file when the trainee index is damaged', async () => {
		const dataDir = freshDataDir();
		const server = await startServer(dataDir);
		const trainee = await playedOneMove(server);
		writeFileSync(path.join(dataDir, traineeFiles(dataDir)[0]), Buffer.alloc(0));
		const before = listFiles(path.join(dataDir, 'attempts'));

		const answer = await postAction(server, '/scenarios/city-hospital?/start', '', {
			cookie: trainee.cookie
		});

		expect(answer.http).toBe(500);
		expect(listFiles(path.join(dataDir, 'attempts'))).toEqual(before);
	});
});

describe('a second server on the same data directory', () => {
	it('is refused naming the directory and the holder, and the first keeps working', async () => {
		const dataDir = freshDataDir();
		const first = await startServer(dataDir);
		const { cookie, attemptId } = await traineeWithAttempt(first, 'Lock Lee');

		const second = await spawnServer(dataDir);
		const exit = await withTimeout(second.exited, 15_000, 'The second server did not exit.');

		expect(exit).toEqual({ code: 1, signal: null });
		expect(second.stderr()).toBe(
			`[five-lines] Cannot start: The data directory ${shownPath(dataDir)} is in use by process ` +
				`${first.pid}. Stop that process, or set FIVE_LINES_DATA to another directory ` +
				`for this one.\n`
		);
		expect(second.stdout()).toBe('');
		expect(readFileSync(path.join(dataDir, '.lock'), 'utf8')).toBe(`${first.pid}\n`);
		expect(await postMove(first, cookie, attemptId, WIN[0], 1)).toEqual({
			http: 200,
			type: 'success',
			status: 200,
			data: { played: WIN[0] }
		});
		expect(logOf(dataDir, attemptId)).toEqual(expectedLog(WIN.slice(0, 1)));
	});
});

describe('the same move posted twice at once', () => {
	it('is applied once and both posts are answered as played', async () => {
		const dataDir = freshDataDir();
		const server = await startServer(dataDir);
		const { cookie, attemptId } = await traineeWithAttempt(server, 'Double Dana');

		for (let seq = 1; seq <= 4; seq += 1) {
			const post = () => postMove(server, cookie, attemptId, WIN[seq - 1], seq);
			const answers = await Promise.all([post(), post()]);

			const played = { http: 200, type: 'success', status: 200, data: { played: WIN[seq - 1] } };
			expect(answers).toEqual([played, played]);
			expect(logOf(dataDir, attemptId)).toEqual(expectedLog(WIN.slice(0, seq)));
		}
	});
});

/** A refused move: the request to make, and the exact answer the app gives. */
interface BadMove {
	name: string;
	/** Moves played before the bad one, from the start of the attempt. */
	before: string[];
	post: (
		server: ServerProcess,
		cookie: string,
		attemptId: string,
		other: string
	) => Promise<ActionAnswer>;
	answer: ActionAnswer;
}

const moveUrl = (attemptId: string) => `/attempts/${attemptId}?/move`;

const BAD_MOVES: BadMove[] = [
	{
		name: 'a move id that does not exist',
		before: [],
		post: (server, cookie, id) => postMove(server, cookie, id, 'no-such-move', 1),
		answer: {
			http: 200,
			type: 'failure',
			status: 409,
			data: { moveId: 'no-such-move', message: 'There is no move "no-such-move" in this scenario.' }
		}
	},
	{
		name: "another trainee's attempt",
		before: [],
		post: (server, _cookie, id, other) => postMove(server, other, id, WIN[0], 1),
		answer: { http: 404, type: 'error', error: { message: 'There is no such attempt of yours.' } }
	},
	{
		name: 'no trainee cookie',
		before: [],
		post: (server, _cookie, id) => postMove(server, undefined, id, WIN[0], 1),
		answer: { http: 404, type: 'error', error: { message: 'There is no such attempt of yours.' } }
	},
	{
		name: 'a move after the deal has ended',
		before: LOSS_TRIGGER,
		post: (server, cookie, id) => postMove(server, cookie, id, WIN[1], 3),
		answer: {
			http: 200,
			type: 'failure',
			status: 409,
			data: { moveId: WIN[1], message: 'The deal is over.' }
		}
	},
	{
		name: 'a missing seq',
		before: [],
		post: (server, cookie, id) =>
			postAction(server, moveUrl(id), `moveId=${WIN[0]}`, { cookie: cookie }),
		answer: {
			http: 200,
			type: 'failure',
			status: 400,
			data: { moveId: WIN[0], message: 'The move has no valid turn number.' }
		}
	},
	{
		name: 'a non-numeric seq',
		before: [],
		post: (server, cookie, id) =>
			postAction(server, moveUrl(id), `moveId=${WIN[0]}&seq=one`, { cookie }),
		answer: {
			http: 200,
			type: 'failure',
			status: 400,
			data: { moveId: WIN[0], message: 'The move has no valid turn number.' }
		}
	},
	{
		name: 'a missing moveId',
		before: [],
		post: (server, cookie, id) => postAction(server, moveUrl(id), 'seq=1', { cookie }),
		answer: {
			http: 200,
			type: 'failure',
			status: 409,
			data: { moveId: '', message: 'There is no move "" in this scenario.' }
		}
	},
	{
		name: 'a JSON body',
		before: [],
		post: (server, cookie, id) =>
			postAction(server, moveUrl(id), JSON.stringify({ moveId: WIN[0], seq: 1 }), {
				cookie,
				contentType: 'application/json'
			}),
		// Which message it should carry is the `.fails` test below.
		answer: {
			http: 415,
			type: 'error',
			error: { message: expect.any(String) as string, errorId: expect.any(String) as string }
		}
	}
];

describe('a move that cannot be played', () => {
	it.each(BAD_MOVES.map((bad) => [bad.name, bad] as const))(
		'%s: gets its 4xx and changes nothing on disk',
		async (_name, bad) => {
			const dataDir = freshDataDir();
			const server = await startServer(dataDir);
			const { cookie, attemptId } = await traineeWithAttempt(server, 'Careful Cai');
			const other = await traineeWithAttempt(server, 'Other Olga');
			for (const [index, moveId] of bad.before.entries()) {
				const played = await postMove(server, cookie, attemptId, moveId, index + 1);
				expect(isPlayed(played, attemptId)).toBe(true);
			}
			const file = attemptPath(dataDir, attemptId);
			const attemptBytes = readFileSync(file);
			const dirBefore = snapshotDir(dataDir);

			const answer = await bad.post(server, cookie, attemptId, other.cookie);

			expect(answer).toEqual(bad.answer);
			expect(readFileSync(file).equals(attemptBytes)).toBe(true);
			expect(snapshotDir(dataDir)).toEqual(dirBefore);
			expect(logOf(dataDir, attemptId)).toEqual(expectedLog(bad.before));
		}
	);

	// Product bug: a 415 is the client's mistake, but handleError replaces every non-404
	// message with "Something went wrong on our side." and logs it as a server error. Remove
	// `.fails` once a 4xx keeps SvelteKit's own message.
	it.fails('answers a JSON body with a message saying forms must be form-encoded', async () => {
		const dataDir = freshDataDir();
		const server = await startServer(dataDir);
		const { cookie, attemptId } = await traineeWithAttempt(server, 'Json Jo');

		const answer = await postAction(server, moveUrl(attemptId), '{"moveId":"x","seq":1}', {
			cookie,
			contentType: 'application/json'
		});

		expect(answer.http).toBe(415);
		expect(answer.error?.message).toBe(
			'Form actions expect form-encoded data — received application/json'
		);
	});
});
