import type { UiText } from './ui-text';

const weeks = (count: number) => (count === 1 ? '1 week' : `${count} weeks`);
const turn = (seq: number, label: string) => `Turn ${seq}: ${label}`;

/** The UI's words in English; tests assert several of them byte for byte. */
export const EN: UiText = {
	vocabulary: {
		lines: {
			user: 'User line',
			technical: 'Technical line',
			management: 'Management line',
			procurement: 'Procurement line',
			finance: 'Finance line'
		},
		groups: {
			sequencing: 'Sequencing',
			coverage: 'Coverage',
			outcome: 'Outcome',
			efficiency: 'Efficiency'
		},
		sizes: { small: 'small deal', mid: 'mid-size deal', large: 'large deal' }
	},
	briefing: {
		facts: (size, count, competitor) =>
			`${size} · ${count} weeks until the award · competitor: ${competitor}`,
		briefing: 'Briefing',
		whoIsWho: 'Who is who',
		start: 'Start the deal'
	},
	play: {
		pageTitle: (title, week) => `${title} — week ${week} — Five Lines`,
		weekOf: (week, count) => `Week ${week} of ${count}`,
		weeksLeft: (count) => `(${count} left)`,
		stages: 'Deal stages',
		stageFrom: (week) => `from week ${week}`,
		turn,
		turnPlace: (lineLabel, week) => `${lineLabel} · week ${week}`,
		firstMove: 'Your first move',
		firstMoveHint: 'Every line is waiting. Choose who you talk to first.',
		close: 'Close the deal',
		storySoFar: 'The story so far',
		stanceChange: (name, from, to) => `${name}: ${from} → ${to}`,
		learned: (intel) => `You learned: ${intel}`
	},
	line: {
		influence: (influence) => `influence ${influence}/5`,
		cares: (cares) => `Cares about: ${cares}`,
		intel: 'What you know',
		moves: 'Moves',
		cost: weeks,
		with: (name) => `with ${name}`,
		played: (times) => (times === 1 ? 'played' : `played ×${times}`)
	},
	debrief: {
		title: (title) => `Debrief: ${title}`,
		result: { won: 'Deal won', lost: 'Deal lost' },
		endedAt: (seq, week, count) => `The deal ended on turn ${seq}, in week ${week} of ${count}.`,
		score: 'Score',
		points: (earned, possible, passMark) =>
			`${earned} of ${possible} points. Pass mark ${passMark}: `,
		passed: 'passed',
		notPassed: 'not passed',
		blockersFailed: 'A failed blocker fails the attempt whatever the points:',
		ruleByRule: 'Rule by rule',
		lineByLine: 'Line by line',
		lineByLineHint:
			'Each row is one line of the customer; an empty stretch is time that line was left alone.',
		coachNotes: "Coach's notes",
		playAgain: 'Play this deal again',
		backToScenarios: 'Back to the scenarios'
	},
	rules: {
		groupPoints: (earned, possible) => `${earned} of ${possible} points`,
		rule: 'Rule',
		verdict: 'Verdict',
		points: 'Points',
		decidedBy: 'Decided by',
		judgedAt: 'Judged after',
		blocker: 'blocker',
		whyItMatters: 'Why this rule matters',
		passed: '✓ passed',
		failed: '✗ failed',
		untested: '– not tested',
		turn,
		noMove: 'no move'
	},
	timeline: {
		caption: 'Moves per line, by turn',
		line: 'Line',
		week: (week) => `Week ${week}`
	},
	refusals: {
		unreadableForm: 'The form could not be read. Reload the page and try again.',
		noTurnNumber: 'The move has no valid turn number.',
		noMove: 'The form names no move.',
		unknownMove: (id) => `There is no move "${id}" in this deal.`,
		outOfDate:
			'This page was out of date, so the move was not played. Here is the deal as it stands.'
	},
	replay: {
		title: (title) => `Replay: ${title}`,
		steps: 'Steps of the attempt',
		stepOf: (step, total) => `Step ${step} of ${total}`,
		start: 'Before the first move',
		first: 'First',
		previous: 'Previous',
		next: 'Next',
		last: 'Last',
		noMoveYet: 'No move has been played yet: this is the deal as the trainee found it.',
		nothingChanged: 'This move changed no stance and revealed nothing.',
		standing: 'Where the deal stands',
		stage: (stage) => `Stage: ${stage}`,
		line: 'Line',
		person: 'Person',
		wholeLine: 'The line as a whole',
		stance: 'Stance',
		intel: 'What the trainee knew',
		noIntel: 'Nothing yet.',
		rulesDecided: 'Rules this move decided',
		noRulesDecided: 'This move decided no rule.',
		rulesAtEnd: 'Rules decided by the end of the deal',
		notScored: 'The attempt is not finished, so no rule has been judged yet.'
	},
	reviewNotes: {
		heading: "Reviewers' comments",
		wholeAttempt: 'On the whole attempt',
		onMoves: 'On single moves',
		byLine: (name, time) => `${name}, ${time}`,
		overrideHeading: 'Score set by a reviewer',
		override: (score, original, name, time) =>
			`The score in force is ${score}, in place of the computed ${original}; set by ${name} on ${time}.`,
		reason: (reason) => `Why: ${reason}`,
		openReview: 'Open the review page',
		computed: (display, earned, possible) =>
			`The rules computed ${display} (${earned} of ${possible} points).`,
		overridePass: (passMark) => `Pass mark ${passMark}, judged on the reviewer's score: `,
		timesIn: (timeZone) => `Times in ${timeZone}.`,
		blockersOverridden:
			"A failed blocker would fail the attempt, but a reviewer's score is in force and the pass is judged on it alone. The blockers that failed:"
	}
};
