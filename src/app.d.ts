// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Viewer } from '$lib/server/access';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted to the user so a log line can be found from a report. */
			errorId?: string;
		}
		interface Locals {
			/** The signed-in person, or null. */
			viewer: Viewer | null;
			/** The session token, kept so changing the password can keep this session. */
			sessionToken: string | null;
		}
	}
}

export {};
