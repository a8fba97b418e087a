/**
 * The scenario catalogue: every markdown file in the content folder, parsed. A broken file is
 * listed with its errors and never takes the app down. Files are re-read when they change, so
 * coaches see their edits without a restart, and the source of every version an attempt was
 * played on is kept in the store, so old attempts still replay after an edit.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Scenario } from '../scenario/types';
import {
	assemble,
	folderError,
	isUnchanged,
	reload,
	safeParse,
	type Catalogue,
	type CatalogueScenario,
	type LoadedFile
} from './scenario-files';
import { getStore, isSafeName, scenarioVersionFile, type Store } from './store';
import { displayPath } from './store-file';

export type { BrokenScenario, Catalogue, CatalogueScenario } from './scenario-files';

export interface CatalogueOptions {
	/** The folder of scenario files. */
	dir: string;
	store: () => Store;
	now?: () => Date;
}

export interface ScenarioCatalogue {
	/** Valid and broken scenarios, re-read if a file changed (checked at most once a second). */
	list(): Promise<Catalogue>;
	/** The current version of a valid scenario, or null. */
	getScenario(id: string): Promise<CatalogueScenario | null>;
	/** A scenario as it was at `version`: the current file or a remembered source; else null. */
	getScenarioVersion(id: string, version: string): Promise<Scenario | null>;
	/** Keeps the source of the current version so attempts on it replay after later edits. */
	rememberScenarioVersion(id: string, version: string): Promise<void>;
}

const RECHECK_MS = 1000;

/** Opens a catalogue over one content folder. */
export function openCatalogue(options: CatalogueOptions): ScenarioCatalogue {
	const dir = path.resolve(options.dir);
	const now = options.now ?? (() => new Date());
	let files = new Map<string, LoadedFile>();
	let current: Catalogue | null = null;
	let checkedAt = -Infinity;
	let refreshing: Promise<Catalogue> | null = null;
	// Stored versions never change, so a parsed one is kept for the life of the process.
	const versions = new Map<string, Scenario>();

	async function refresh(): Promise<Catalogue> {
		checkedAt = now().getTime();
		let names: string[];
		try {
			names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
		} catch (error) {
			files = new Map();
			current = folderError(dir, error);
			return current;
		}
		const next = await reload(dir, names, files);
		if (!current || !isUnchanged(files, next)) current = assemble([...next.values()]);
		files = next;

		return current;
	}

	async function list(): Promise<Catalogue> {
		if (current && now().getTime() - checkedAt < RECHECK_MS) return current;
		refreshing ??= refresh().finally(() => (refreshing = null));

		return refreshing;
	}

	async function getScenario(id: string): Promise<CatalogueScenario | null> {
		const { scenarios } = await list();

		return scenarios.find((entry) => entry.scenario.id === id) ?? null;
	}

	async function getScenarioVersion(id: string, version: string): Promise<Scenario | null> {
		const latest = await getScenario(id);
		if (latest?.scenario.version === version) return latest.scenario;
		if (!isSafeName(id) || !isSafeName(version)) return null;

		const key = `${id}@${version}`;
		const stored = versions.get(key) ?? (await readVersion(options.store(), id, version));
		if (stored) versions.set(key, stored);

		return stored;
	}

	async function rememberScenarioVersion(id: string, version: string): Promise<void> {
		const latest = await getScenario(id);
		if (latest?.scenario.version === version) {
			await options.store().writeTextOnce(scenarioVersionFile(id, version), latest.source);
			return;
		}
		// An edit landed between showing the scenario and starting the attempt: the version
		// can still be played only if it was remembered before.
		if ((await getScenarioVersion(id, version)) === null) {
			throw new Error(`Scenario "${id}" has no version "${version}" any more; reload the page.`);
		}
	}

	return { list, getScenario, getScenarioVersion, rememberScenarioVersion };
}

/** Parses a remembered version; a stored source that no longer parses is a fault to report. */
async function readVersion(store: Store, id: string, version: string): Promise<Scenario | null> {
	const relative = scenarioVersionFile(id, version);
	const source = await store.readText(relative);
	if (source === null) return null;

	const file = displayPath(path.join(store.dir, relative));
	const result = safeParse(source, file);
	if (!result.ok) {
		const first = result.errors[0];
		throw new Error(
			`The stored scenario ${file} no longer parses: ${first.file}:${first.line}:${first.column}: ${first.message}.`
		);
	}

	return result.scenario;
}

let app: ScenarioCatalogue | null = null;

/** The app's catalogue over FIVE_LINES_CONTENT (default ./content/scenarios). */
export function getCatalogue(): ScenarioCatalogue {
	app ??= openCatalogue({
		dir: process.env.FIVE_LINES_CONTENT || './content/scenarios',
		store: getStore
	});

	return app;
}

/** Valid and broken scenarios of the app's catalogue. */
export const listScenarios = () => getCatalogue().list();
/** The current version of a valid scenario, or null. */
export const getScenario = (id: string) => getCatalogue().getScenario(id);
/** A scenario as it was at `version`, for replaying an attempt made on it; else null. */
export const getScenarioVersion = (id: string, version: string) =>
	getCatalogue().getScenarioVersion(id, version);
/** Call before creating an attempt: keeps that version's source for later replays. */
export const rememberScenarioVersion = (id: string, version: string) =>
	getCatalogue().rememberScenarioVersion(id, version);
