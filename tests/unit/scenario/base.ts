/** A small valid scenario, one string per line, for tests that break it one line at a time. */
export const BASE_LINES = [
	'---', // 1
	'id: test-deal',
	'title: Test deal',
	'language: en',
	'summary: A test.', // 5
	'size: mid',
	'weeks: 10',
	'stages:',
	'  specification: 3',
	'  tender: 6', // 10
	'  decision: 9',
	'competitor: A rival.',
	'---',
	'',
	'# Briefing', // 15
	'',
	'Brief.',
	'',
	'# People',
	'', // 20
	'## User line',
	'',
	'### nurse-lee: Lee Min',
	'- role: Nurse',
	'- stance: neutral', // 25
	'- influence: 2',
	'- cares: Shifts.',
	'- knows roster-pain: Four hours.',
	'',
	'## Technical line', // 30
	'',
	'### it-chen: Chen Hao',
	'- role: IT lead',
	'- stance: sceptical',
	'- influence: 3', // 35
	'- cares: One login.',
	'',
	'# Moves',
	'',
	'## User line', // 40
	'',
	'### shadow-shift: Shadow a shift',
	'- with: nurse-lee',
	'- cost: 1',
	'- when: in discovery', // 45
	'- effects: nurse-lee +1; reveal roster-pain',
	'',
	'A morning at the station.',
	'',
	'# Outcome', // 50
	'',
	'## Decision',
	'- win when: user at least supportive',
	'- won: Won.',
	'- lost: Lost.', // 55
	'',
	'# Scoring',
	'',
	'## Sequencing',
	'', // 60
	'### users-first: Users first',
	'- rule: user before technical',
	'- weight: 10',
	'',
	'# Debrief', // 65
	'',
	'Notes.',
	''
];

/** The base scenario with some 1-based lines replaced (a replacement may hold several lines). */
export function withLines(replacements: Record<number, string>): string {
	return BASE_LINES.map((line, index) => replacements[index + 1] ?? line).join('\n');
}
