/**
 * Access gates for loads and actions. A page for another role answers 403 with a sentence
 * saying whose page it is; a signed-out visitor is sent to sign in and brought back after.
 */
import { error, redirect } from '@sveltejs/kit';
import type { Role } from './accounts';
import type { Viewer } from './access';

interface GateEvent {
	locals: App.Locals;
	url: URL;
}

const ROLE_WORDS: Record<Role, string> = {
	trainee: 'trainees',
	coach: 'coaches',
	manager: 'managers'
};

/** The signed-in viewer; a signed-out visitor is redirected to the sign-in page. */
export function signedIn({ locals, url }: GateEvent): Viewer {
	if (!locals.viewer) {
		const next = url.pathname + url.search;
		redirect(303, `/signin?next=${encodeURIComponent(next)}`);
	}

	return locals.viewer;
}

/** The viewer, who must have one of the roles. */
export function withRole(event: GateEvent, ...roles: Role[]): Viewer {
	const viewer = signedIn(event);
	if (!roles.includes(viewer.role)) {
		const whose = roles.map((role) => ROLE_WORDS[role]).join(' and ');
		error(403, `This page is for ${whose}. Ask a manager if you need access.`);
	}

	return viewer;
}

/** The characters a path and query of ours are made of (percent-encoded beyond these). */
const PATH_AND_QUERY = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

/**
 * Only a path on this site is followed after sign-in: never another host. Browsers drop tabs
 * and line breaks from URLs and read a backslash as a slash, so `/\t/evil.example` would be
 * `//evil.example` to them: anything but plain path characters is refused.
 */
export function safeNext(next: string | null): string {
	if (!next || !PATH_AND_QUERY.test(next) || next.startsWith('//')) return '/';

	return next;
}
