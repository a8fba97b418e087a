/**
 * `npm run manager:create -- --username NAME --name "Full Name"`: creates a manager account in
 * the data directory (FIVE_LINES_DATA, or ./data). The password is asked for twice on a
 * terminal, or read from the first line of standard input when piped. `--reset` sets a new
 * password for an existing manager instead. Run it while the app is stopped: one process at a
 * time owns the data directory.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { accountsIn, normaliseUsername } from '../src/lib/server/accounts';
import { checkNewPassword, hashPassword } from '../src/lib/server/passwords';
import { sessionsIn } from '../src/lib/server/sessions';
import { dataDirFromEnv, DataLockError, openStore, StoreFileError } from '../src/lib/server/store';

const USAGE = 'Usage: npm run manager:create -- --username NAME --name "Full Name" [--reset]';

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

	return new Promise((resolve) => {
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

function openDataDir() {
	const dir = dataDirFromEnv();
	try {
		return openStore(dir);
	} catch (error) {
		if (error instanceof DataLockError) {
			fail(`${error.message}\nStop the app, run this command, then start the app again.`);
		}
		throw error;
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: { username: { type: 'string' }, name: { type: 'string' }, reset: { type: 'boolean' } }
	});
	if (!values.username || (!values.name && !values.reset)) fail(USAGE);
	const username = normaliseUsername(values.username);
	const password = await readPassword(username);

	const store = openDataDir();
	try {
		const accounts = accountsIn(store);
		const existing = await accounts.findUser(username);
		if (values.reset) {
			if (!existing || existing.role !== 'manager') fail(`There is no manager "${username}".`);
			const problem = checkNewPassword(password, username);
			if (problem) fail(problem);
			await accounts.setPasswordHash(existing.id, await hashPassword(password));
			await sessionsIn(store).endOtherSessions(existing.id, null);
			console.log(`New password set for manager "${username}"; their sessions are ended.`);
			return;
		}
		if (existing) fail(`The username "${username}" is taken. Add --reset to set a new password.`);

		const name = values.name ?? '';
		const created = await accounts.createUser({
			username,
			name,
			role: 'manager',
			password,
			createdById: null
		});
		if (!created.ok) fail(Object.values(created.errors).join('\n'));
		console.log(`Manager "${created.user.username}" created in ${store.dir}. Sign in at /signin.`);
	} catch (error) {
		if (error instanceof StoreFileError) fail(`A stored file is damaged: ${error.message}`);
		throw error;
	} finally {
		store.close();
	}
}

await main();
