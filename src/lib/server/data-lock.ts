/**
 * One process per data directory: the store's per-file write queues only serialise writes
 * inside one process, so a second server on the same directory could interleave writes.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from './store-file';

export const LOCK_FILE = '.lock';

/** Another live process holds the data directory. */
export class DataLockError extends Error {
	constructor(
		readonly dir: string,
		readonly pid: number
	) {
		super(
			`The data directory ${displayPath(dir)} is in use by process ${pid}. ` +
				`Stop that process, or set FIVE_LINES_DATA to another directory for this one.`
		);
		this.name = 'DataLockError';
	}
}

export interface DataLock {
	readonly dir: string;
	/** Removes the lock file if it is still ours. */
	release(): void;
}

/**
 * Writes `<dir>/.lock` holding this process's id. Refuses when another live process holds it;
 * takes over a lock left by a process that is gone. The same process may take it again, since
 * a dev server re-evaluates modules in place.
 */
export function acquireDataLock(dir: string): DataLock {
	const file = path.join(dir, LOCK_FILE);
	if (!tryCreate(file)) {
		const holder = readHolder(file);
		if (holder !== null && holder !== process.pid && isAlive(holder)) {
			throw new DataLockError(dir, holder);
		}
		// Stale (or ours, or unreadable): replace it. Another process taking over the same stale
		// lock at this very moment could race us; starting two servers at once is not supported.
		rmSync(file, { force: true });
		if (!tryCreate(file)) throw new DataLockError(dir, readHolder(file) ?? 0);
	}

	return { dir, release: () => releaseLock(file) };
}

function tryCreate(file: string): boolean {
	try {
		// `wx` fails when the file exists, so two processes cannot both create it.
		writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

function readHolder(file: string): number | null {
	try {
		const pid = Number(readFileSync(file, 'utf8').trim());
		return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

function isAlive(pid: number): boolean {
	try {
		// Signal 0 checks existence without touching the process.
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to another user, which still counts as a holder.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function releaseLock(file: string): void {
	if (readHolder(file) === process.pid) rmSync(file, { force: true });
}
