/** The part of autocannon 9's untyped API the bench uses. */
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	export interface Request {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
		setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
		onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
	}

	export interface Options {
		url: string;
		connections?: number;
		amount?: number;
		timeout?: number;
		method?: string;
		headers?: Record<string, string>;
		requests?: Request[];
	}

	export interface Result {
		errors: number;
		timeouts: number;
		non2xx: number;
	}

	export interface Instance extends EventEmitter {
		stop(): void;
	}

	export default function autocannon(
		options: Options,
		done: (error: Error | null, result: Result) => void
	): Instance;
}
