// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Trainee } from '$lib/server/trainee';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted to the user so a log line can be found from a report. */
			errorId?: string;
		}
		interface Locals {
			trainee: Trainee | null;
		}
	}
}

export {};
