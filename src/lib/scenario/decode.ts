/**
 * Bytes to scenario text. A file saved as GBK, Latin-1 or UTF-16 would otherwise decode to
 * replacement characters and fail as a cascade of unknown sections; this names the real cause.
 */
import { createLocator, normaliseSource } from './positions';
import type { ScenarioError } from './types';

export type DecodeResult = { ok: true; text: string } | { ok: false; errors: ScenarioError[] };

/** Decodes a scenario file's bytes as UTF-8, or reports where the first byte that is not is. */
export function decodeScenarioBytes(bytes: Uint8Array, file: string): DecodeResult {
	// ignoreBOM keeps a UTF-8 byte-order mark in the text, where the parser expects and drops it.
	const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	try {
		const text = strict.decode(bytes);
		// UTF-16 without a byte-order mark is valid UTF-8 with a NUL after every ASCII letter.
		if (!text.includes('\0')) return { ok: true, text };

		return notUtf8(text, text.indexOf('\0'), file);
	} catch {
		const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

		return notUtf8(lenient, lenient.indexOf('\uFFFD'), file);
	}
}

function notUtf8(text: string, badIndex: number, file: string): DecodeResult {
	const normalised = normaliseSource(text.slice(0, Math.max(0, badIndex)));
	const position = createLocator(normalised).locate(normalised.length);
	const error = {
		file,
		...position,
		message: 'the file is not UTF-8 text',
		fix: 'save it as UTF-8'
	};

	return { ok: false, errors: [error] };
}
