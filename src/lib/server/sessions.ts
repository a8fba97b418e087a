/**
 * Sign-in sessions. The browser holds a random token in an httpOnly cookie; the store keeps
 * only the token's SHA-256, so a copy of the data directory signs nobody in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { arrayOf, isoTime, object, string, type Check } from './schema';
import { getStore, type Store } from './store';

export const SESSION_COOKIE = 'five_lines_session';
/** A session lasts two weeks from sign-in; signing out or changing password ends it sooner. */
const SESSION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Session {
	/** SHA-256 of the token, hex. */
	id: string;
	userId: string;
	createdAt: string;
	expiresAt: string;
}

const sessionCheck: Check<Session> = object<Session>({
	id: string,
	userId: string,
	createdAt: isoTime,
	expiresAt: isoTime
});

const SESSIONS = {
	file: 'accounts/sessions.json',
	check: object<{ sessions: Session[] }>({ sessions: arrayOf(sessionCheck) }),
	// Read by every request: its stamp is looked at once a second, not on every read.
	recheckMs: 1000
};

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function digest(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export interface SessionRepository {
	/** Starts a session and returns its token, for the cookie only. */
	startSession(userId: string): Promise<string>;
	/** The user id of a live session, or null. */
	sessionUser(token: string): Promise<string | null>;
	endSession(token: string): Promise<void>;
	/** Ends every session of the user but the one with this token (null: all of them). */
	endOtherSessions(userId: string, keepToken: string | null): Promise<void>;
}

export function sessionsIn(store: Store): SessionRepository {
	const isLive = (session: Session) => Date.parse(session.expiresAt) > store.now().getTime();

	/** Rewrites the list without expired sessions and those `drop` names. */
	async function prune(drop: (session: Session) => boolean, add?: Session): Promise<void> {
		await store.update(SESSIONS, (current) => {
			const kept = (current?.sessions ?? []).filter((s) => isLive(s) && !drop(s));

			return { next: { sessions: add ? [...kept, add] : kept }, result: undefined };
		});
	}

	async function startSession(userId: string): Promise<string> {
		const token = randomBytes(32).toString('base64url');
		const now = store.now();
		const session: Session = {
			id: digest(token),
			userId,
			createdAt: now.toISOString(),
			expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString()
		};
		await prune(() => false, session);

		return token;
	}

	async function sessionUser(token: string): Promise<string | null> {
		if (!TOKEN.test(token)) return null;
		const id = digest(token);
		const session = (await store.read(SESSIONS))?.sessions.find((s) => s.id === id);

		return session && isLive(session) ? session.userId : null;
	}

	return {
		startSession,
		sessionUser,
		endSession: (token) => prune((s) => s.id === digest(token)),
		endOtherSessions: (userId, keepToken) => {
			const keep = keepToken === null ? null : digest(keepToken);
			return prune((s) => s.userId === userId && s.id !== keep);
		}
	};
}

const app = (): SessionRepository => sessionsIn(getStore());

export const startSession = (userId: string) => app().startSession(userId);
export const sessionUser = (token: string) => app().sessionUser(token);
export const endSession = (token: string) => app().endSession(token);
export const endOtherSessions = (userId: string, keepToken: string | null) =>
	app().endOtherSessions(userId, keepToken);

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure over HTTPS, two weeks. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: SESSION_DAYS * 24 * 60 * 60
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
