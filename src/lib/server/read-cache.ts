/**
 * Checked file contents kept in memory, keyed by path and valid only while the file's stamp
 * (inode, size, modification time) is unchanged. The data lock makes this process the only
 * writer, so a hit saves a read and a parse; a file changed behind our back (a hand repair, a
 * damage) has a new stamp and is read, and checked, again.
 */
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';

export type Stamp = string;

/** The stamp of a file, or null when it does not exist. */
export async function stampOf(file: string): Promise<Stamp | null> {
	let stats: Stats;
	try {
		stats = await stat(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}

	return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/** At most `capacity` entries; the least recently used goes first. */
export class ReadCache {
	readonly #entries = new Map<string, { stamp: Stamp; value: unknown; checkedAt: number }>();

	constructor(private readonly capacity: number) {}

	/** The cached value when the stamp still matches, else undefined. Values are read-only. */
	get<T>(file: string, stamp: Stamp, now: number): T | undefined {
		const entry = this.#entries.get(file);
		if (!entry || entry.stamp !== stamp) return undefined;

		this.#entries.delete(file);
		this.#entries.set(file, { ...entry, checkedAt: now });

		return entry.value as T;
	}

	/** The cached value if its stamp was checked less than `maxAgeMs` ago, else undefined. */
	recent<T>(file: string, maxAgeMs: number, now: number): T | undefined {
		const entry = this.#entries.get(file);

		return entry && now - entry.checkedAt < maxAgeMs ? (entry.value as T) : undefined;
	}

	set(file: string, stamp: Stamp, value: unknown, now: number): void {
		this.#entries.delete(file);
		this.#entries.set(file, { stamp, value, checkedAt: now });
		if (this.#entries.size > this.capacity) {
			const oldest = this.#entries.keys().next().value as string;
			this.#entries.delete(oldest);
		}
	}

	forget(file: string): void {
		this.#entries.delete(file);
	}
}
