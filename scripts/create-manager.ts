/**
 * `npm run manager:create -- --username NAME --name "Full Name"`: creates a manager account in
 * the data directory (FIVE_LINES_DATA, or ./data). The password is asked for twice on a
 * terminal, or read from the first line of standard input when piped. `--reset` sets a new
 * password for an existing manager instead. Run it while the app is stopped: one process at a
 * time owns the data directory.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { accountsIn, checkDisplayName, normaliseUsername } from '../src/lib/server/accounts';
import { checkNewPassword, hashPassword } from '../src/lib/server/passwords';
import { sessionsIn } from '../src/lib/server/sessions';
import {
	dataDirFromEnv,
	DataLockError,
	openStore,
	StoreFileError,
	type Store
} from '../src/lib/server/store';

const USAGE = 'Usage: npm run manager:create -- --username NAME --name "Full Name" [--reset]';

/** A refusal to report in one sentence, after the data directory is released. */
class Refusal extends Error {}

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

/** One line from the terminal with the typed characters hidden. */
function askHidden(question: string): Promise<string> {
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
	const output = rl as unknown as { _writeToOutput: (text: string) => void };
	let isAsking = true;
	output._writeToOutput = (text) => {
		if (!isAsking || text.includes(question)) process.stdout.write(text);
	};

	return new Promise((resolve, reject) => {
		// Ctrl-C on a hidden prompt reaches readline, not the process: stop without a change.
		rl.once('SIGINT', () => {
			process.stdout.write('\n');
			rl.close();
			reject(new Refusal('Stopped: nothing was changed.'));
		});
		rl.question(question, (answer) => {
			isAsking = false;
			process.stdout.write('\n');
			rl.close();
			resolve(answer);
		});
	});
}

async function firstLineOfStdin(): Promise<string> {
	const rl = createInterface({ input: process.stdin });
	for await (const line of rl) {
		rl.close();
		return line;
	}

	return '';
}

async function readPassword(username: string): Promise<string> {
	if (!process.stdin.isTTY) return firstLineOfStdin();

	for (;;) {
		const password = await askHidden('Password (at least 10 characters): ');
		const problem = checkNewPassword(password, username);
		if (problem) {
			console.error(problem);
			continue;
		}
		if ((await askHidden('Password again: ')) === password) return password;
		console.error('The two passwords differ; try again.');
	}
}

/** The options, or the usage line for a missing value, an unknown option or a stray word. */
function readOptions() {
	try {
		const options = {
			username: { type: 'string' },
			name: { type: 'string' },
			reset: { type: 'boolean' }
		} as const;
		const { values } = parseArgs({ options });
		if (values.username && (values.name || values.reset)) {
			return { ...values, username: values.username };
		}
	} catch (error) {
		if (!String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) throw error;
	}

	return fail(USAGE);
}

function openDataDir() {
	try {
		return openStore(dataDirFromEnv());
	} catch (error) {
		if (error instanceof DataLockError) {
			fail(`${error.message}\nStop the app, run this command, then start the app again.`);
		}
		throw error;
	}
}

type Options = ReturnType<typeof readOptions>;

async function resetPassword(store: Store, username: string): Promise<string> {
	const accounts = accountsIn(store);
	const existing = await accounts.findUser(username);
	if (existing?.role !== 'manager') throw new Refusal(`There is no manager "${username}".`);
	const password = await readPassword(username);
	const problem = checkNewPassword(password, username);
	if (problem) throw new Refusal(problem);
	await accounts.setPasswordHash(existing.id, await hashPassword(password));
	await sessionsIn(store).endOtherSessions(existing.id, null);

	return `New password set for manager "${username}"; their sessions are ended.`;
}

async function createManager(store: Store, username: string, name: string): Promise<string> {
	const accounts = accountsIn(store);
	if (await accounts.findUser(username)) {
		throw new Refusal(`The username "${username}" is taken. Add --reset to set a new password.`);
	}
	const nameProblem = checkDisplayName(name);
	if (nameProblem) throw new Refusal(nameProblem);
	const password = await readPassword(username);
	const input = { username, name, role: 'manager' as const, password, createdById: null };
	const created = await accounts.createUser(input);
	if (!created.ok) throw new Refusal(Object.values(created.errors).join('\n'));

	return `Manager "${created.user.username}" created in ${store.dir}. Sign in at /signin.`;
}

/** Takes the data directory first, so a running app is reported before any password is typed. */
async function main(options: Options): Promise<void> {
	const username = normaliseUsername(options.username);
	const store = openDataDir();
	try {
		console.log(
			options.reset
				? await resetPassword(store, username)
				: await createManager(store, username, options.name ?? '')
		);
	} catch (error) {
		if (!(error instanceof StoreFileError)) throw error;
		throw new Refusal(`A stored file is damaged: ${error.message}`);
	} finally {
		store.close();
	}
}

// Like the server (scripts/start.js): what this creates in the data directory is its user's alone.
process.umask(0o077);
try {
	await main(readOptions());
} catch (error) {
	if (!(error instanceof Refusal)) throw error;
	console.error(error.message);
	process.exitCode = 1;
}
