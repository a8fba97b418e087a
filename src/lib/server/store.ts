/**
 * The one door to the disk. It owns every lowdb instance, every file path and the write
 * policy: small files (one per attempt, one index per trainee, one per scenario version) so a
 * write never costs more as history grows; writes to a file run one at a time in this process;
 * every write replaces the file atomically; a file that cannot be read is never written.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { acquireDataLock, type DataLock } from './data-lock';
import type { Check } from './schema';
import { ReadCache, stampOf } from './read-cache';
import { TaskQueues } from './task-queues';
import { CheckedJsonFile } from './store-file';

export { acquireDataLock, DataLockError, LOCK_FILE } from './data-lock';
export { StoreFileError } from './store-file';

/** A JSON file of the store: its path relative to the data directory and its shape. */
export interface StoredJson<T> {
	file: string;
	check: Check<T>;
	/**
	 * For a file every request reads (sessions, accounts): how long a checked read is trusted
	 * before the file's stamp is looked at again. This process is the only writer and keeps the
	 * cache in step with its own writes; only a hand edit can go unseen for this long.
	 */
	recheckMs?: number;
}

/** What an update decides: the new content (null leaves the file as it is) and a result. */
export interface Change<T, R> {
	next: T | null;
	result: R;
}

export interface Store {
	/** Absolute path of the data directory. */
	readonly dir: string;
	readonly now: () => Date;
	/** The checked content of a file, or null when it does not exist. */
	read<T>(doc: StoredJson<T>): Promise<T | null>;
	/** Reads, changes and writes one file with no other operation on it in between. */
	update<T, R>(doc: StoredJson<T>, change: (current: T | null) => Change<T, R>): Promise<R>;
	readText(file: string): Promise<string | null>;
	/** Writes a text file unless it exists already; true when this call wrote it. */
	writeTextOnce(file: string, text: string): Promise<boolean>;
	/** The JSON files in a folder of the store, as store paths, sorted; [] for no folder. */
	list(folder: string): Promise<string[]>;
	/** Releases the data directory lock. */
	close(): void;
}

export interface StoreOptions {
	now?: () => Date;
}

const SUBDIRS = ['attempts', 'trainees', 'scenario-versions', 'reviews'];
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Whether a name can be used as one path segment: no dots, slashes or other surprises. */
export function isSafeName(name: string): boolean {
	return SAFE_NAME.test(name);
}

function safeName(name: string, what: string): string {
	if (!isSafeName(name)) throw new Error(`The ${what} "${name}" cannot be used in a file name.`);

	return name;
}

export function attemptFile(id: string): string {
	return `attempts/${safeName(id, 'attempt id')}.json`;
}

/** A trainee's index file: a readable slug of the name plus a hash that keeps names apart. */
export function traineeFile(trainee: string): string {
	const name = trainee.trim().normalize('NFC');
	const slug = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40);
	const hash = createHash('sha256').update(name).digest('hex').slice(0, 16);

	return `trainees/${slug ? `${slug}-` : ''}${hash}.json`;
}

export function scenarioVersionFile(scenarioId: string, version: string): string {
	const id = safeName(scenarioId, 'scenario id');

	return `scenario-versions/${id}/${safeName(version, 'scenario version')}.md`;
}

/** Enough for every attempt being played at once by a large team, and their indexes. */
const CACHE_CAPACITY = 2000;

class FileStore implements Store {
	readonly #queues = new TaskQueues();
	readonly #cache = new ReadCache(CACHE_CAPACITY);

	constructor(
		readonly dir: string,
		readonly now: () => Date,
		private readonly lock: DataLock
	) {}

	/**
	 * Reads wait for the writes queued before them but not for each other: a file every request
	 * reads (the sessions) is not read one request at a time. A write replaces the file by a
	 * rename, so a read never sees half of one.
	 */
	read<T>(doc: StoredJson<T>): Promise<T | null> {
		const pending = this.#queues.pending(doc.file);

		return pending ? pending.then(() => this.#readChecked(doc)) : this.#readChecked(doc);
	}

	update<T, R>(doc: StoredJson<T>, change: (current: T | null) => Change<T, R>): Promise<R> {
		return this.#queues.run(doc.file, async () => {
			const current = await this.#readChecked(doc);
			const { next, result } = change(current);
			if (next !== null) {
				// The folders exist from the start; only a new file may need its parent made.
				if (current === null) await this.#makeParent(doc.file);
				const db = this.#low(doc);
				db.data = next;
				await db.write();
				await this.#remember(doc.file, next);
			}

			return result;
		});
	}

	readText(file: string): Promise<string | null> {
		return this.#queues.run(file, () => new TextFile(this.#path(file)).read());
	}

	writeTextOnce(file: string, text: string): Promise<boolean> {
		return this.#queues.run(file, async () => {
			const target = new TextFile(this.#path(file));
			if ((await target.read()) !== null) return false;
			await this.#makeParent(file);
			await target.write(text);

			return true;
		});
	}

	async list(folder: string): Promise<string[]> {
		const names = await readdir(this.#path(folder)).catch(() => [] as string[]);

		return names
			.filter((name) => name.endsWith('.json'))
			.sort()
			.map((name) => `${folder}/${name}`);
	}

	close(): void {
		this.lock.release();
	}

	/**
	 * A fresh lowdb instance per queued task: tasks on a file never overlap, so there is never
	 * more than one writer (and one steno temp file) per path, and nothing to evict later.
	 */
	#low<T>(doc: StoredJson<T>): Low<T | null> {
		return new Low<T | null>(new CheckedJsonFile<T | null>(this.#path(doc.file), doc.check), null);
	}

	/** The file's checked content, from memory while the file is as we last saw it. */
	async #readChecked<T>(doc: StoredJson<T>): Promise<T | null> {
		if (doc.recheckMs) {
			const recent = this.#cache.recent<T>(doc.file, doc.recheckMs, this.now().getTime());
			if (recent !== undefined) return recent;
		}
		const stamp = await stampOf(this.#path(doc.file));
		if (stamp === null) {
			this.#cache.forget(doc.file);
			return null;
		}
		const cached = this.#cache.get<T>(doc.file, stamp, this.now().getTime());
		if (cached !== undefined) return cached;

		const value = await this.#low(doc).adapter.read();
		if (value !== null) this.#cache.set(doc.file, stamp, value, this.now().getTime());

		return value;
	}

	async #remember(file: string, value: unknown): Promise<void> {
		const stamp = await stampOf(this.#path(file));
		if (stamp === null) this.#cache.forget(file);
		else this.#cache.set(file, stamp, value, this.now().getTime());
	}

	#path(file: string): string {
		return path.join(this.dir, file);
	}

	async #makeParent(file: string): Promise<void> {
		await mkdir(path.dirname(this.#path(file)), { recursive: true });
	}
}

/** Opens (creating if needed) a data directory and takes its lock; one per directory. */
export function openStore(dir: string, options: StoreOptions = {}): Store {
	const root = path.resolve(dir);
	for (const subdir of SUBDIRS) mkdirSync(path.join(root, subdir), { recursive: true });
	const lock = acquireDataLock(root);

	return new FileStore(root, options.now ?? (() => new Date()), lock);
}

/** The data directory the app uses: FIVE_LINES_DATA, or ./data. */
export function dataDirFromEnv(): string {
	return path.resolve(process.env.FIVE_LINES_DATA || './data');
}

// Kept on globalThis so a dev server that re-evaluates this module keeps one store (and so
// one writer per file) per directory.
const STORES = Symbol.for('five-lines.stores');
type StoreRegistry = Record<typeof STORES, Map<string, Store> | undefined>;

/** The app-wide store for the data directory named by the environment, opened on first use. */
export function getStore(): Store {
	const dir = dataDirFromEnv();
	const registry = globalThis as unknown as StoreRegistry;
	const stores = (registry[STORES] ??= new Map<string, Store>());
	const existing = stores.get(dir);
	if (existing) return existing;

	const store = openStore(dir);
	if (stores.size === 0) process.once('exit', () => stores.forEach((open) => open.close()));
	stores.set(dir, store);

	return store;
}

/** Whether the app's data directory can be opened and written: writes and removes a probe. */
export async function isDataDirWritable(): Promise<boolean> {
	try {
		const probe = path.join(getStore().dir, `.probe-${randomUUID()}`);
		await writeFile(probe, 'ok');
		await rm(probe);
		return true;
	} catch {
		return false;
	}
}
