// Starts the built app (`npm run build` first) for a local trial or a small team server.
//
// SvelteKit refuses form posts whose Origin differs from the origin it believes it serves.
// adapter-node learns that origin from ORIGIN, which would tie the app to one spelling of its
// address (localhost and 127.0.0.1 are different origins). When ORIGIN is not set, this script
// serves plain HTTP itself and tells the handler so on every request, so the app's origin is
// whatever host the browser used. Behind a TLS proxy, set ORIGIN (or PROTOCOL_HEADER) instead.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// The data directory holds password hashes and every trainee's work: what the app creates there
// (files 0600, folders 0700, written as temp files then renamed) is for this user alone.
process.umask(0o077);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const PROTOCOL_HEADER = 'x-five-lines-protocol';

if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
}

// The tests serve their own build (see FIVE_LINES_BUILD_DIR in svelte.config.js).
const buildDir = path.resolve(process.env.FIVE_LINES_BUILD_DIR || 'build');
const { handler } = await import(pathToFileURL(path.join(buildDir, 'handler.js')).href);

const server = http.createServer((req, res) => {
	if (process.env.PROTOCOL_HEADER === PROTOCOL_HEADER) req.headers[PROTOCOL_HEADER] = 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.on('error', (error) => {
	if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
	const why = error.code === 'EADDRINUSE' ? 'is in use' : 'may not be used by this user';
	console.error(
		`[five-lines] Cannot start: port ${port} on ${host} ${why}. ` +
			`Stop what holds it, or choose another port, for example: PORT=3400 npm start`
	);
	process.exit(1);
});

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(`Five Lines is running at http://${shown}:${port}`);
});

/** Stops taking requests, then lets the app release its data directory. */
function shutdown(reason) {
	server.closeIdleConnections();
	server.close(() => {
		process.emit('sveltekit:shutdown', reason);
		process.exit(0);
	});
	setTimeout(() => server.closeAllConnections(), 5000).unref();
}

process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
