const FNV_OFFSET_BASIS = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/**
 * A scenario's version: 64-bit FNV-1a over the UTF-8 bytes of the normalised source, as 16 hex
 * digits. Deterministic and pure, so the browser preview and the server agree.
 */
export function contentHash(normalisedSource: string): string {
	let hash = FNV_OFFSET_BASIS;
	for (const byte of new TextEncoder().encode(normalisedSource)) {
		hash ^= BigInt(byte);
		hash = (hash * FNV_PRIME) & MASK_64;
	}

	return hash.toString(16).padStart(16, '0');
}
