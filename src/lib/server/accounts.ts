/**
 * The account repository: who may sign in, with which role. All accounts live in one small
 * file (`accounts/users.json`); an organisation has hundreds of people, not millions.
 */
import { randomUUID } from 'node:crypto';
import { arrayOf, isoTime, literal, nullable, object, string, type Check } from './schema';
import { getStore, type Store } from './store';
import { nameCharacterProblem } from './name-text';
import { checkNewPassword, hashPassword, type HashOptions } from './passwords';

export const ROLES = ['trainee', 'coach', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
	/** `u-` and a UUID: never a display name, so it can key files and attempts. */
	id: string;
	/** Lower case, unique, what the person types to sign in. */
	username: string;
	/** How the person is shown on pages. */
	name: string;
	role: Role;
	passwordHash: string;
	createdAt: string;
	/** Who made the account; null for a manager made with the command line. */
	createdById: string | null;
	passwordChangedAt: string;
}

/** What pages may know of a user: never the password hash. */
export type Person = Pick<User, 'id' | 'username' | 'name' | 'role'>;

interface UsersFile {
	users: User[];
}

const userCheck: Check<User> = object<User>({
	id: string,
	username: string,
	name: string,
	role: literal(...ROLES),
	passwordHash: string,
	createdAt: isoTime,
	createdById: nullable(string),
	passwordChangedAt: isoTime
});

const USERS = {
	file: 'accounts/users.json',
	check: object<UsersFile>({ users: arrayOf(userCheck) }),
	// Read by every request: its stamp is looked at once a second, not on every read.
	recheckMs: 1000
};

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
const MAX_NAME_LENGTH = 60;

export interface NewUser {
	username: string;
	name: string;
	role: Role;
	password: string;
	createdById: string | null;
}

export type Fields = Partial<Record<'username' | 'name' | 'role' | 'password', string>>;
export type CreateResult = { ok: true; user: User } | { ok: false; errors: Fields };

/** Usernames are compared and stored in lower case, without surrounding spaces. */
export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

/** What is wrong with a display name, or null. */
export function checkDisplayName(name: string): string | null {
	const trimmed = name.trim();
	if (trimmed.length === 0) return 'Enter the name to show, for example "Mei Chen".';
	if ([...trimmed].length > MAX_NAME_LENGTH) {
		return `Keep the name to ${MAX_NAME_LENGTH} characters or fewer.`;
	}

	return nameCharacterProblem(trimmed, 'name');
}

function checkNewUser(input: NewUser): Fields {
	const errors: Fields = {};
	const username = normaliseUsername(input.username);
	if (!USERNAME.test(username)) {
		errors.username =
			'Choose a username of 2 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit; it is kept in lower case.';
	}
	const nameProblem = checkDisplayName(input.name);
	if (nameProblem) errors.name = nameProblem;
	if (!ROLES.includes(input.role)) errors.role = 'Choose trainee, coach or manager.';
	const passwordProblem = checkNewPassword(input.password, username);
	if (passwordProblem) errors.password = passwordProblem;

	return errors;
}

export function publicPerson(user: User): Person {
	return { id: user.id, username: user.username, name: user.name, role: user.role };
}

export interface AccountRepository {
	createUser(input: NewUser): Promise<CreateResult>;
	readUser(id: string): Promise<User | null>;
	findUser(username: string): Promise<User | null>;
	listUsers(): Promise<User[]>;
	/** Replaces the password hash; false when there is no such user. */
	setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
}

/** The verbs bound to one store; `hashing` lets tests use a cheaper hash. */
export function accountsIn(store: Store, hashing: HashOptions = {}): AccountRepository {
	async function listUsers(): Promise<User[]> {
		return (await store.read(USERS))?.users ?? [];
	}

	async function createUser(input: NewUser): Promise<CreateResult> {
		const errors = checkNewUser(input);
		if (Object.keys(errors).length > 0) return { ok: false, errors };

		// Hashing is slow on purpose: do it before taking the file's queue.
		const passwordHash = await hashPassword(input.password, hashing);
		const now = store.now().toISOString();
		const user: User = {
			id: `u-${randomUUID()}`,
			username: normaliseUsername(input.username),
			name: input.name.trim(),
			role: input.role,
			passwordHash,
			createdAt: now,
			createdById: input.createdById,
			passwordChangedAt: now
		};

		return store.update<UsersFile, CreateResult>(USERS, (current) => {
			const users = current?.users ?? [];
			if (users.some((other) => other.username === user.username)) {
				const taken = `The username "${user.username}" is taken; choose another.`;
				return { next: null, result: { ok: false, errors: { username: taken } } };
			}

			return { next: { users: [...users, user] }, result: { ok: true, user } };
		});
	}

	async function setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
		const at = store.now().toISOString();

		return store.update(USERS, (current) => {
			const users = current?.users ?? [];
			if (!users.some((user) => user.id === id)) return { next: null, result: false };
			const next = users.map((user) =>
				user.id === id ? { ...user, passwordHash, passwordChangedAt: at } : user
			);

			return { next: { users: next }, result: true };
		});
	}

	return {
		createUser,
		listUsers,
		setPasswordHash,
		readUser: async (id) => (await listUsers()).find((user) => user.id === id) ?? null,
		findUser: async (username) => {
			const wanted = normaliseUsername(username);
			return (await listUsers()).find((user) => user.username === wanted) ?? null;
		}
	};
}

const app = (): AccountRepository => accountsIn(getStore());

export const createUser = (input: NewUser) => app().createUser(input);
export const readUser = (id: string) => app().readUser(id);
export const findUser = (username: string) => app().findUser(username);
export const listUsers = () => app().listUsers();
export const setPasswordHash = (id: string, hash: string) => app().setPasswordHash(id, hash);
