import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataLock, DataLockError, openStore } from '../../../src/lib/server/store';
import { freshDir } from './helpers';

/** The id of a process that has exited: nothing can hold a lock with it. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', '']);
	if (!child.pid) throw new Error('Could not start a child process to get a dead pid.');

	return child.pid;
}

function lockOf(dir: string): string {
	return readFileSync(path.join(dir, '.lock'), 'utf8').trim();
}

describe('acquireDataLock', () => {
	it('writes the lock file with this process id and removes it on release', () => {
		const dir = freshDir();
		const lock = acquireDataLock(dir);

		expect(lockOf(dir)).toBe(String(process.pid));
		lock.release();
		expect(existsSync(path.join(dir, '.lock'))).toBe(false);
	});

	it('refuses a directory held by another live process, naming the dir and the pid', () => {
		const dir = freshDir();
		// The test runner's parent process is alive for as long as this test runs.
		writeFileSync(path.join(dir, '.lock'), `${process.ppid}\n`);

		expect(() => acquireDataLock(dir)).toThrow(DataLockError);
		expect(() => openStore(dir)).toThrow(
			`The data directory ${dir} is in use by process ${process.ppid}.`
		);
		expect(lockOf(dir)).toBe(String(process.ppid));
	});

	it('takes over a lock left by a process that is gone', () => {
		const dir = freshDir();
		writeFileSync(path.join(dir, '.lock'), `${deadPid()}\n`);
		const lock = acquireDataLock(dir);

		expect(lockOf(dir)).toBe(String(process.pid));
		lock.release();
	});

	it('takes over a lock file that holds no process id', () => {
		const dir = freshDir();
		writeFileSync(path.join(dir, '.lock'), 'garbage');
		const lock = acquireDataLock(dir);

		expect(lockOf(dir)).toBe(String(process.pid));
		lock.release();
	});

	it('does not remove a lock that another process has taken since', () => {
		const dir = freshDir();
		const lock = acquireDataLock(dir);
		writeFileSync(path.join(dir, '.lock'), `${process.ppid}\n`);
		lock.release();

		expect(lockOf(dir)).toBe(String(process.ppid));
	});
});
