/**
 * A scenario's version: 64-bit FNV-1a over the UTF-8 bytes of the normalised source, as 16 hex
 * digits. Deterministic and pure, so the browser preview and the server agree.
 *
 * The 64-bit state is kept in four 16-bit limbs of plain numbers: BigInt arithmetic allocated
 * on every byte and made hashing the slowest step of parsing a large scenario.
 */
export function contentHash(normalisedSource: string): string {
	// The FNV offset basis 0xcbf29ce484222325, low limb first.
	let h0 = 0x2325;
	let h1 = 0x8422;
	let h2 = 0x9ce4;
	let h3 = 0xcbf2;
	for (const byte of new TextEncoder().encode(normalisedSource)) {
		h0 ^= byte;
		// Multiply by the FNV prime 2^40 + 0x1b3, modulo 2^64, carrying limb by limb.
		const t0 = h0 * 0x1b3;
		const t1 = h1 * 0x1b3 + (t0 >>> 16);
		const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
		const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
		h0 = t0 & 0xffff;
		h1 = t1 & 0xffff;
		h2 = t2 & 0xffff;
		h3 = t3 & 0xffff;
	}

	return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}
