import { json, text, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { DataLockError, getStore, StoreFileError } from '$lib/server/store';
import { publicPerson, readUser } from '$lib/server/accounts';
import { SESSION_COOKIE, sessionUser } from '$lib/server/sessions';

/** Opens the data directory before the first request: a second server on it stops here. */
export const init: ServerInit = () => {
	try {
		getStore();
	} catch (error) {
		if (error instanceof DataLockError || error instanceof StoreFileError) {
			console.error(`[five-lines] Cannot start: ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
};

/**
 * Sent with every page and download: no other site may frame the app (clickjacking), browsers
 * take each response as the type it names, and addresses go to no other site as referrers.
 * Only `frame-ancestors` is set in the policy: the time-zone script in app.html is inline.
 */
const SECURITY_HEADERS: Record<string, string> = {
	'x-frame-options': 'DENY',
	'content-security-policy': "frame-ancestors 'none'",
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin'
};

const RESERVED_ACTION =
	'"default" is not an action name: post the form to the page\'s own address, or to "?/name" for one of its named actions.';

/**
 * Whether a post names the action "default", which SvelteKit reserves and answers with a bare
 * Error (a 500) instead of a refusal. Like SvelteKit, the first `/…` query key names the action.
 */
function isReservedActionPost(request: Request, url: URL): boolean {
	const action = [...url.searchParams.keys()].find((key) => key.startsWith('/'));

	return request.method === 'POST' && action === '/default';
}

/** A 400 in the form the poster reads: an action result for `use:enhance`, else plain text. */
function refuseReservedAction(request: Request): Response {
	const isEnhanced = request.headers.get('accept')?.includes('application/json') ?? false;

	return isEnhanced
		? json({ type: 'error', error: { message: RESERVED_ACTION } }, { status: 400 })
		: text(RESERVED_ACTION, { status: 400 });
}

/** Finds who is signed in: the session cookie's token names a live session and its user. */
const resolveSignedIn: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	const userId = token ? await sessionUser(token) : null;
	const user = userId ? await readUser(userId) : null;
	event.locals.viewer = user ? publicPerson(user) : null;
	event.locals.sessionToken = user ? token : null;

	return resolve(event);
};

/** Refuses a post to the action "default"; answers every request with the security headers. */
export const handle: Handle = async (input) => {
	const { request, url } = input.event;
	const response = isReservedActionPost(request, url)
		? refuseReservedAction(request)
		: await resolveSignedIn(input);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);

	return response;
};

/**
 * The one place unexpected errors are logged: once, with an id the user can quote. SvelteKit's
 * own 4xx messages and a damaged data file's location are safe and useful to show; anything
 * else is hidden behind a generic sentence.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = crypto.randomUUID().slice(0, 8);
	// SvelteKit's own answers to a bad request (404, 415 …) are the user's to read, not ours.
	if (status < 500) return { message: error instanceof Error ? error.message : message, errorId };

	console.error(`[five-lines] error ${errorId} on ${event.request.method} ${event.url.pathname}`);
	console.error(error);
	if (error instanceof StoreFileError) {
		return { message: `A stored file is damaged: ${error.message}`, errorId };
	}

	return { message: 'Something went wrong on our side.', errorId };
};
