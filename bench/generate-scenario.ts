/**
 * Writes a valid scenario of any size for the parser benchmark: a large deal with all five
 * lines, `movesPerLine` moves on each, conditions and effects that refer across lines, losses
 * and scoring rules of every group. `tsx bench/generate-scenario.ts 500` prints one.
 */
import { pathToFileURL } from 'node:url';

const LINES = ['user', 'technical', 'management', 'procurement', 'finance'] as const;
const STANCES = ['sceptical', 'neutral', 'supportive'];
const STAGES = ['discovery', 'specification', 'tender'];

function frontMatter(moves: number): string {
	return [
		'---',
		`id: generated-${moves}`,
		`title: Generated deal with ${moves} moves`,
		'language: en',
		'summary: A generated large deal used to time the scenario parser and the deal compiler.',
		'size: large',
		'weeks: 52',
		'stages:',
		'  specification: 10',
		'  tender: 25',
		'  decision: 40',
		'competitor: A generated incumbent holds the management line.',
		'competitor_holds: management',
		'pass_mark: 70',
		'default_rules: yes',
		'---',
		''
	].join('\n');
}

function people(): string {
	const sections = LINES.map((line) => {
		const persons = [1, 2].map((n) =>
			[
				`### ${line}-person-${n}: ${line} person ${n}`,
				`- role: ${line} role ${n}`,
				`- stance: ${STANCES[n % STANCES.length]}`,
				`- influence: ${n + 2}`,
				`- cares: What the ${line} line cares about, number ${n}.`,
				`- knows ${line}-intel-${n}: A fact the ${line} line holds, number ${n}.`,
				''
			].join('\n')
		);

		return [`## ${line}`, '', ...persons].join('\n');
	});

	return ['# People', '', ...sections].join('\n');
}

/** A condition that varies with the move's place: stages, stances, earlier moves, intel. */
function condition(line: string, index: number): string | null {
	const other = LINES[(LINES.indexOf(line as (typeof LINES)[number]) + 1) % LINES.length];
	switch (index % 6) {
		case 0:
			return null;
		case 1:
			return `in ${STAGES[index % STAGES.length]}`;
		case 2:
			return `${other} at least ${STANCES[index % 2]}`;
		case 3:
			return `played ${line}-move-${index - 1}`;
		case 4:
			return `knows ${other}-intel-1; before tender`;
		default:
			return `not played ${line}-move-${index - 2}; from specification`;
	}
}

function effects(line: string, index: number): string {
	const person = `${line}-person-${(index % 2) + 1}`;
	const list = [`${person} ${index % 5 === 4 ? '-1' : '+1'}`];
	if (index % 7 === 0) list.push(`reveal ${line}-intel-${(index % 2) + 1}`);
	if (index % 50 === 49) list.push('stage specification');

	return list.join('; ');
}

function move(line: string, index: number): string {
	const when = condition(line, index);
	const rows = [
		`### ${line}-move-${index}: Generated ${line} move ${index}`,
		`- with: ${line}-person-${(index % 2) + 1}`,
		`- cost: ${index % 3}`,
		...(when ? [`- when: ${when}`, `- refused: Not yet: ${when}.`] : []),
		`- effects: ${effects(line, index)}`,
		...(index % 4 === 0 ? ['- repeatable: yes'] : []),
		'',
		`Narrative of ${line} move ${index}: what the rep sees happen after it.`,
		''
	];

	return rows.join('\n');
}

function moves(perLine: number): string {
	const sections = LINES.map((line) =>
		[`## ${line}`, '', ...Array.from({ length: perLine }, (_, i) => move(line, i))].join('\n')
	);

	return ['# Moves', '', ...sections].join('\n');
}

const REST = `# Outcome

## Decision
- win when: management at least supportive; knows procurement-intel-1; knows finance-intel-1
- won: The customer signs with you.
- lost: The customer signs with the incumbent.

## Losses

### spec-lockout: Written out of the spec
- when: from tender; technical at most sceptical

The specification now requires a feature only the incumbent has.

### budget-gone: The budget went elsewhere
- when: from decision; not knows finance-intel-2

Finance moved the money to another project.

# Scoring

## Sequencing

### users-then-tech: Users before the technical line
- rule: user before technical
- weight: 10

The users' needs make the technical conversation worth having.

## Coverage

### finance-covered: Finance worked before the decision
- rule: finance worked 2 times by decision
- weight: 10

## Outcome

### won-it: Won
- rule: won
- weight: 20

## Efficiency

### lean: Lean play
- rule: at most 40 moves
- weight: 5

# Debrief

Generated teaching notes.
`;

/** A complete scenario with `movesPerLine × 5` moves. */
export function generateScenario(totalMoves: number): string {
	const perLine = Math.ceil(totalMoves / LINES.length);
	const briefing = '# Briefing\n\nA generated deal for timing the parser.\n';

	return [frontMatter(perLine * LINES.length), briefing, people(), moves(perLine), REST].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	process.stdout.write(generateScenario(Number(process.argv[2] ?? 500)));
}
