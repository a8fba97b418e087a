/**
 * Attempts made before accounts existed were kept under a display name and a browser key. A
 * manager gives them to an account: each attempt is moved to the account, then the account's
 * index gains their lines, and only then is the old index marked as given. Every step can be
 * repeated, so a claim cut short by a crash is finished by claiming again; nothing is deleted.
 */
import { traineeIndexCheck, attemptCheck, type TraineeIndex } from './records';
import { attemptFile, getStore, traineeFile, type Store } from './store';
import { TaskQueues } from './task-queues';

/** A display-name history not yet given to an account. */
export interface UnclaimedHistory {
	/** The browser key the attempts were kept under. */
	key: string;
	/** The display names its attempts were played under, newest first. */
	names: string[];
	attempts: number;
	lastStartedAt: string;
}

const isAccountKey = (key: string) => key.startsWith('u-');

export interface LegacyRepository {
	listUnclaimed(): Promise<UnclaimedHistory[]>;
	/** Gives every attempt of the key to the account; false when there is no such history. */
	claim(key: string, account: { id: string; name: string }): Promise<boolean>;
}

/** Claims run one at a time per data directory. */
const claims = new TaskQueues();

export function legacyIn(store: Store): LegacyRepository {
	const indexDoc = (trainee: string) => ({ file: traineeFile(trainee), check: traineeIndexCheck });

	async function namesOf(index: TraineeIndex): Promise<string[]> {
		const names: string[] = [];
		for (const line of [...index.attempts].reverse()) {
			const attempt = await store.read({ file: attemptFile(line.attemptId), check: attemptCheck });
			if (attempt && !names.includes(attempt.traineeName)) names.push(attempt.traineeName);
		}

		return names;
	}

	async function listUnclaimed(): Promise<UnclaimedHistory[]> {
		const found: UnclaimedHistory[] = [];
		for (const file of await store.list('trainees')) {
			const index = await store.read({ file, check: traineeIndexCheck });
			if (!index || isAccountKey(index.trainee) || index.claimedBy) continue;
			if (index.attempts.length === 0) continue;
			found.push({
				key: index.trainee,
				names: await namesOf(index),
				attempts: index.attempts.length,
				lastStartedAt: index.attempts[index.attempts.length - 1].startedAt
			});
		}

		return found.sort((a, b) => b.lastStartedAt.localeCompare(a.lastStartedAt));
	}

	async function moveAttempt(
		attemptId: string,
		from: string,
		account: { id: string; name: string }
	) {
		await store.update({ file: attemptFile(attemptId), check: attemptCheck }, (attempt) => {
			if (!attempt || attempt.trainee === account.id) return { next: null, result: undefined };
			if (attempt.trainee !== from) return { next: null, result: undefined };
			const next = {
				...attempt,
				trainee: account.id,
				traineeName: account.name,
				claimedFrom: from
			};

			return { next, result: undefined };
		});
	}

	async function claim(key: string, account: { id: string; name: string }): Promise<boolean> {
		// One claim at a time: two managers giving one history away at once would each move it.
		return claims.run(store.dir, () => claimNow(key, account));
	}

	async function claimNow(key: string, account: { id: string; name: string }): Promise<boolean> {
		if (isAccountKey(key)) return false;
		const index = await store.read(indexDoc(key));
		// The file is found by a normalised key: only the exact key it was kept under is one.
		if (!index || index.trainee !== key || index.claimedBy) return false;

		for (const line of index.attempts) await moveAttempt(line.attemptId, key, account);
		await store.update(indexDoc(account.id), (current) => {
			const own: TraineeIndex = current ?? { trainee: account.id, attempts: [] };
			const known = new Set(own.attempts.map((line) => line.attemptId));
			const attempts = [...own.attempts, ...index.attempts.filter((l) => !known.has(l.attemptId))];
			attempts.sort((a, b) => a.startedAt.localeCompare(b.startedAt));

			return { next: { ...own, attempts }, result: undefined };
		});
		await store.update(indexDoc(key), (current) => ({
			next: current ? { ...current, claimedBy: account.id } : null,
			result: undefined
		}));

		return true;
	}

	return { listUnclaimed, claim };
}

const app = (): LegacyRepository => legacyIn(getStore());

export const listUnclaimed = () => app().listUnclaimed();
export const claimHistory = (key: string, account: { id: string; name: string }) =>
	app().claim(key, account);
