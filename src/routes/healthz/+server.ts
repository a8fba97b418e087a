import { json } from '@sveltejs/kit';
import { isDataDirWritable } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** Liveness for a process manager: 503 when the data directory cannot be written. */
export const GET: RequestHandler = async () => {
	const isWritable = await isDataDirWritable();

	return json({ ok: isWritable, dataDirWritable: isWritable }, { status: isWritable ? 200 : 503 });
};
