/**
 * Figure 5: the gzipped JavaScript a play page loads. The entry points are read from the page
 * as served (module scripts, `import(...)` in the inline start script, modulepreload links in
 * the HTML and in the Link header); the static imports of each built chunk in build/client are
 * followed from there. Dynamic imports are not followed: they load other pages' code on demand.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

const CLIENT_DIR = 'build/client';

export interface PageWeight {
	files: number;
	rawBytes: number;
	gzipBytes: number;
}

/** Script URLs a page names, resolved against the page's URL to site paths. */
export function entryScripts(html: string, linkHeader: string | null, pageUrl: string): string[] {
	const found = [
		...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
		...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
		...[...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)].map((m) => m[1]),
		...[...html.matchAll(/\bimport\("([^"]+\.js)"\)/g)].map((m) => m[1]),
		...[...(linkHeader ?? '').matchAll(/<([^>]+)>;[^,]*rel="modulepreload"/g)].map((m) => m[1])
	];

	return [...new Set(found.map((href) => new URL(href, pageUrl).pathname))];
}

/** The site path of every static import of a built chunk. */
function staticImports(sitePath: string, code: string): string[] {
	const [imports] = parse(code);

	return imports
		.filter((entry) => entry.d === -1 && entry.n !== undefined)
		.map((entry) => path.posix.join(path.posix.dirname(sitePath), entry.n as string));
}

/** Follows static imports from the entries and sums each file's size, raw and gzipped. */
export async function weighScripts(entries: string[]): Promise<PageWeight> {
	await init;
	const seen = new Set<string>();
	const queue = [...entries];
	let rawBytes = 0;
	let gzipBytes = 0;
	while (queue.length > 0) {
		const sitePath = queue.shift() as string;
		if (seen.has(sitePath)) continue;
		seen.add(sitePath);
		const code = readFileSync(path.join(CLIENT_DIR, sitePath));
		rawBytes += code.length;
		gzipBytes += gzipSync(code, { level: 9 }).length;
		queue.push(...staticImports(sitePath, code.toString('utf8')));
	}

	return { files: seen.size, rawBytes, gzipBytes };
}

/** Fetches the play page of an attempt and weighs the JavaScript it loads. */
export async function measurePageWeight(origin: string, attemptId: string, cookie: string) {
	const pageUrl = `${origin}/attempts/${attemptId}`;
	const response = await fetch(pageUrl, { headers: { cookie } });
	const html = await response.text();
	if (response.status !== 200) throw new Error(`The play page answered ${response.status}.`);
	const entries = entryScripts(html, response.headers.get('link'), pageUrl);
	if (entries.length === 0) throw new Error('The play page names no scripts.');

	return weighScripts(entries);
}
