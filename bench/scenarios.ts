/**
 * Figure 4: parse, validate and compile (createDealMachine) time per scenario: every shipped
 * one, and a generated one with 500 moves. Parsing reports every error, so a parse that comes
 * back ok has been validated; the compile turns the scenario into its XState machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createDealMachine } from '../src/lib/deal/machine';
import { formatScenarioError, parseScenario } from '../src/lib/scenario/parse';
import { generateScenario } from './generate-scenario';
import { median } from './stats';

const CONTENT_DIR = 'content/scenarios';
const RUNS = 15;
export const GENERATED_MOVES = 500;

export interface ScenarioTiming {
	name: string;
	moves: number;
	/** The very first parse and compile in this process, before the JIT has warmed up. */
	coldMs: number;
	/** Median of the following runs. */
	ms: number;
}

function parseAndCompile(source: string, file: string): number {
	const result = parseScenario(source, file);
	if (!result.ok) {
		throw new Error(`${file} does not parse: ${result.errors.map(formatScenarioError).join('; ')}`);
	}
	createDealMachine(result.scenario);

	return result.scenario.moves.length;
}

function time(source: string, file: string): ScenarioTiming {
	let started = performance.now();
	const moves = parseAndCompile(source, file);
	const coldMs = performance.now() - started;
	const samples: number[] = [];
	for (let run = 0; run < RUNS; run += 1) {
		started = performance.now();
		parseAndCompile(source, file);
		samples.push(performance.now() - started);
	}

	return { name: path.basename(file), moves, coldMs, ms: median(samples) };
}

/** Times the generated scenario first, so it does not profit from a JIT warmed by the others. */
export function measureScenarios(): ScenarioTiming[] {
	const generated = time(generateScenario(GENERATED_MOVES), `generated-${GENERATED_MOVES}.md`);
	const shipped = readdirSync(CONTENT_DIR)
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) => {
			const file = path.join(CONTENT_DIR, name);
			return time(readFileSync(file, 'utf8'), file);
		});

	return [...shipped, generated];
}
