/**
 * Fault drill: an attempt file or a trainee index that is empty, all zero bytes or cut in the
 * middle. Start-up does not read these files, so the drill checks what requests that read them
 * answer and log, and that the file is left byte for byte, before and after a restart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	attemptPath,
	freshDataDir,
	getPage,
	healthz,
	isPlayed,
	listFiles,
	postAction,
	postMove,
	shownPath,
	startServer,
	stopServer,
	STORE_FILE_FIX,
	traineeFiles,
	traineeWithAttempt,
	waitForStderr,
	WIN,
	type ServerProcess
} from './support';

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
		// The NUL that JSON.parse quotes is escaped so it cannot garble a log line or a page.
		problem: "invalid JSON: Unexpected token '\\u0000'",
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
const ERROR_MESSAGE = /<h1>[^<]*<\/h1> <p>([^<]*)<\/p>/;

async function getErrorPage(server: ServerProcess, pathname: string, cookie: string) {
	const page = await getPage(server, pathname, cookie);
	const errorId = ERROR_ID.exec(page.text)?.[1] ?? '';

	return {
		status: page.status,
		message: ERROR_MESSAGE.exec(page.text)?.[1].replaceAll('&amp;', '&') ?? page.text,
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

/** Asserts each request failed, shown and logged, with the damaged file and position. */
async function expectRefusals(
	server: ServerProcess,
	touched: Touched[],
	file: string,
	expected: Position & { problem: string }
) {
	const where = `${shownPath(file)}:${expected.line}:${expected.column}`;
	for (const answer of touched) {
		expect(answer.status).toBe(500);
		expect(answer.message).toBe(
			`A stored file is damaged: ${where}: ${expected.problem} — ${STORE_FILE_FIX}`
		);
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

	it('names the damaged file and its position on the error the trainee sees', async () => {
		const dataDir = freshDataDir();
		const server = await startServer(dataDir);
		const trainee = await playedOneMove(server);
		const file = attemptPath(dataDir, trainee.attemptId);
		writeFileSync(file, Buffer.alloc(0));

		const answer = await postMove(server, trainee.cookie, trainee.attemptId, WIN[1], 2);

		expect(answer.http).toBe(500);
		expect(answer.error?.message).toContain(`attempts/${trainee.attemptId}.json:1:1`);
	});

	it('writes no attempt file when the trainee index is damaged', async () => {
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
