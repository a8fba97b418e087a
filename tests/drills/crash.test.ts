/**
 * Fault drill: the built server is killed with SIGKILL in the middle of a burst of moves from
 * several trainees, then restarted on the same data directory.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	playedAnswer,
	crashServer,
	expectedLog,
	freshDataDir,
	getPage,
	healthz,
	isPlayed,
	listFiles,
	logOf,
	postMove,
	startServer,
	stopServer,
	traineeFiles,
	traineeWithAttempt,
	WIN,
	type ActionAnswer,
	type Exit
} from './support';

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
			expect(answer).toEqual(playedAnswer(attemptId));
			expect(logOf(dataDir, attemptId)).toEqual(expectedLog(WIN.slice(0, next)));
		}
		expect(await stopServer(again)).toEqual({ code: 0, signal: null });
	});
});
