/**
 * Fault drill: a second server started on a data directory that a live server holds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	playedAnswer,
	expectedLog,
	freshDataDir,
	logOf,
	postMove,
	shownPath,
	spawnServer,
	startServer,
	traineeWithAttempt,
	WIN,
	withTimeout
} from './support';

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
		expect(await postMove(first, cookie, attemptId, WIN[0], 1)).toEqual(playedAnswer(attemptId));
		expect(logOf(dataDir, attemptId)).toEqual(expectedLog(WIN.slice(0, 1)));
	});
});
