/**
 * Fault drills on the move action: the same move posted twice at once, and moves that must be
 * refused (unknown, someone else's, after the end, malformed) without touching the disk.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	playedAnswer,
	attemptPath,
	expectedLog,
	freshDataDir,
	isPlayed,
	logOf,
	LOSS_TRIGGER,
	postAction,
	postMove,
	snapshotDir,
	startServer,
	traineeWithAttempt,
	WIN,
	type ActionAnswer,
	type ServerProcess
} from './support';

describe('the same move posted twice at once', () => {
	it('is applied once and both posts are answered as played', async () => {
		const dataDir = freshDataDir();
		const server = await startServer(dataDir);
		const { cookie, attemptId } = await traineeWithAttempt(server, 'Double Dana');

		for (let seq = 1; seq <= 4; seq += 1) {
			const post = () => postMove(server, cookie, attemptId, WIN[seq - 1], seq);
			const answers = await Promise.all([post(), post()]);

			expect(answers).toEqual([playedAnswer(attemptId), playedAnswer(attemptId)]);
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
	/** The exact answer, or how to make it from the attempt's id. */
	answer: ActionAnswer | ((attemptId: string) => ActionAnswer);
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
			status: 400,
			data: { message: 'There is no move "no-such-move" in this deal.' }
		}
	},
	{
		name: "another trainee's attempt",
		before: [],
		post: (server, _cookie, id, other) => postMove(server, other, id, WIN[0], 1),
		answer: { http: 404, type: 'error', error: { message: 'There is no such attempt of yours.' } }
	},
	{
		name: 'no session cookie',
		before: [],
		post: (server, _cookie, id) => postMove(server, undefined, id, WIN[0], 1),
		// Signed out: sent to sign in, and brought back to the attempt afterwards.
		answer: (id) => ({
			http: 200,
			type: 'redirect',
			status: 303,
			location: `/signin?next=${encodeURIComponent(moveUrl(id))}`
		})
	},
	{
		name: 'a move after the deal has ended',
		before: LOSS_TRIGGER,
		post: (server, cookie, id) => postMove(server, cookie, id, WIN[1], 3),
		answer: {
			http: 200,
			type: 'failure',
			status: 409,
			data: { message: 'The deal is over.' }
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
			data: { message: 'The move has no valid turn number.' }
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
			data: { message: 'The move has no valid turn number.' }
		}
	},
	{
		name: 'a missing moveId',
		before: [],
		post: (server, cookie, id) => postAction(server, moveUrl(id), 'seq=1', { cookie }),
		answer: {
			http: 200,
			type: 'failure',
			status: 400,
			data: { message: 'The form names no move.' }
		}
	},
	{
		name: 'a garbled multipart body',
		before: [],
		post: (server, cookie, id) =>
			postAction(server, moveUrl(id), '--x\r\ngarbage', {
				cookie,
				contentType: 'multipart/form-data; boundary=x'
			}),
		answer: {
			http: 200,
			type: 'failure',
			status: 400,
			data: { message: 'The form could not be read. Reload the page and try again.' }
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
		answer: {
			http: 415,
			type: 'error',
			error: {
				message: 'Form actions expect form-encoded data — received application/json',
				errorId: expect.stringMatching(/^[0-9a-f]{8}$/) as string
			}
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

			expect(answer).toEqual(typeof bad.answer === 'function' ? bad.answer(attemptId) : bad.answer);
			expect(readFileSync(file).equals(attemptBytes)).toBe(true);
			expect(snapshotDir(dataDir)).toEqual(dirBefore);
			expect(logOf(dataDir, attemptId)).toEqual(expectedLog(bad.before));
		}
	);
});
