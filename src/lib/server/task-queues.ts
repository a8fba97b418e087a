/**
 * Serial work per key: the store queues the operations on each file, and other multi-file
 * changes (giving an old history to an account) queue behind one another.
 */

/** Runs tasks on the same key one after another; keys with nothing queued are forgotten. */
export class TaskQueues {
	readonly #tails = new Map<string, Promise<void>>();

	run<R>(key: string, task: () => Promise<R>): Promise<R> {
		const result = (this.#tails.get(key) ?? Promise.resolve()).then(task);
		const tail = result.then(
			() => undefined,
			() => undefined
		);
		this.#tails.set(key, tail);
		void tail.then(() => {
			if (this.#tails.get(key) === tail) this.#tails.delete(key);
		});

		return result;
	}

	/** Settles when every task queued on the key so far has run; null when none is queued. */
	pending(key: string): Promise<void> | null {
		return this.#tails.get(key) ?? null;
	}
}
