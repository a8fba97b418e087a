/** Name-based UUIDs (RFC 4122 version 5): the same name always gives the same id. */
import { createHash } from 'node:crypto';

/** The namespace of every statement id Five Lines derives; fixed, so ids survive re-exports. */
export const STATEMENT_NAMESPACE = '5d5a8718-b398-460d-95bc-489886c92fe5';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version 5 UUID of `name` in `namespace`: SHA-1 of both, version and variant bits set. */
export function nameUuid(namespace: string, name: string): string {
	if (!UUID.test(namespace)) {
		throw new Error(
			`The namespace "${namespace}" is not a UUID; pass one like ${STATEMENT_NAMESPACE}.`
		);
	}

	const space = Buffer.from(namespace.replaceAll('-', ''), 'hex');
	const bytes = createHash('sha1').update(space).update(name, 'utf8').digest();
	bytes[6] = (bytes[6] & 0x0f) | 0x50;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex', 0, 16);

	return [
		hex.slice(0, 8),
		hex.slice(8, 12),
		hex.slice(12, 16),
		hex.slice(16, 20),
		hex.slice(20)
	].join('-');
}
