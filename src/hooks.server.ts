import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { DataLockError, getStore, StoreFileError } from '$lib/server/store';
import { readTrainee } from '$lib/server/trainee';

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

export const handle: Handle = ({ event, resolve }) => {
	event.locals.trainee = readTrainee(event.cookies);

	return resolve(event);
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
