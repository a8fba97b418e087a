import {
	LINES,
	type Clause,
	type Condition,
	type Effect,
	type Line,
	type Move,
	type Party,
	type Person,
	type Rule,
	type RuleCheck,
	type RuleGroup,
	type Scenario,
	type Stage,
	type Stance
} from '../../../src/lib/scenario/types';

/*
 * Hand-built scenarios for the deal and scoring tests, so they do not depend on the parser.
 * `clinic()` is the README's county clinic example; every helper takes overrides.
 */

function party(id: string): Party {
	return (LINES as readonly string[]).includes(id)
		? { kind: 'line', line: id as Line }
		: { kind: 'person', id };
}

export const clause = {
	in: (stage: Stage): Clause => ({ kind: 'stage', relation: 'in', stage }),
	before: (stage: Stage): Clause => ({ kind: 'stage', relation: 'before', stage }),
	from: (stage: Stage): Clause => ({ kind: 'stage', relation: 'from', stage }),
	atLeast: (who: string, stance: Stance): Clause => ({
		kind: 'stance',
		party: party(who),
		relation: 'at least',
		stance
	}),
	atMost: (who: string, stance: Stance): Clause => ({
		kind: 'stance',
		party: party(who),
		relation: 'at most',
		stance
	}),
	played: (move: string, negated = false): Clause => ({ kind: 'played', move, negated }),
	knows: (intel: string, negated = false): Clause => ({ kind: 'knows', intel, negated })
};

/** A condition whose `source` mirrors the clauses, as the parser would keep them. */
export function when(...clauses: Clause[]): Condition {
	return { clauses, source: clauses.map(describeClause) };
}

function describeClause(c: Clause): string {
	switch (c.kind) {
		case 'stage':
			return `${c.relation} ${c.stage}`;
		case 'stance':
			return `${c.party.kind === 'line' ? c.party.line : c.party.id} ${c.relation} ${c.stance}`;
		case 'played':
			return `${c.negated ? 'not ' : ''}played ${c.move}`;
		case 'knows':
			return `${c.negated ? 'not ' : ''}knows ${c.intel}`;
	}
}

export const effect = {
	shift: (who: string, delta: number): Effect => ({ kind: 'stance', party: party(who), delta }),
	reveal: (intel: string): Effect => ({ kind: 'reveal', intel }),
	stage: (stage: Stage): Effect => ({ kind: 'stage', stage })
};

export function person(
	id: string,
	line: Line,
	stance: Stance,
	influence: number,
	intel: Record<string, string> = {}
): Person {
	return {
		id,
		name: id,
		line,
		role: `${line} role`,
		stance,
		influence,
		cares: 'Results.',
		intel: Object.entries(intel).map(([intelId, text]) => ({ id: intelId, text, holder: id }))
	};
}

export function move(id: string, line: Line, fields: Partial<Move> = {}): Move {
	return {
		id,
		line,
		label: id,
		with: null,
		cost: 1,
		when: when(),
		refusal: null,
		effects: [],
		repeatable: false,
		narrative: '',
		...fields
	};
}

export function rule(
	id: string,
	group: RuleGroup,
	check: RuleCheck,
	weight = 10,
	blocker = false
): Rule {
	return { id, group, title: id, check, weight, blocker, explanation: '', isDefault: false };
}

/** The README's county clinic, plus a repeatable three-week `wait` and a `rival-push`. */
export function clinic(overrides: Partial<Scenario> = {}): Scenario {
	return {
		id: 'county-clinic',
		version: 'test',
		title: 'County clinic scheduling system',
		language: 'en',
		summary: 'A clinic replaces paper rosters.',
		size: 'mid',
		weeks: 10,
		stageStarts: { discovery: 0, specification: 3, tender: 6, decision: 9 },
		competitor: 'RosterPro.',
		competitorHolds: null,
		passMark: 70,
		briefing: '',
		people: clinicPeople(),
		moves: clinicMoves(),
		decision: {
			winWhen: when(clause.atLeast('management', 'supportive'), clause.knows('ref-rule')),
			won: 'The director signs with you.',
			lost: 'The director renews RosterPro.'
		},
		losses: [
			{
				id: 'disqualified',
				title: 'Disqualified for references',
				when: when(clause.from('tender'), clause.knows('ref-rule', true)),
				narrative: 'Your bid lacked the references.'
			}
		],
		rules: [],
		debrief: '',
		...overrides
	};
}

function clinicPeople(): Person[] {
	return [
		{
			...person('nurse-lee', 'user', 'neutral', 2, { 'roster-pain': 'Four hours a week.' }),
			name: 'Lee Min'
		},
		{
			...person('it-chen', 'technical', 'sceptical', 3, { 'sso-need': 'Single sign-on.' }),
			name: 'Chen Hao'
		},
		{ ...person('director-park', 'management', 'sceptical', 5), name: 'Dr. Park' },
		{
			...person('buyer-ng', 'procurement', 'neutral', 3, { 'ref-rule': 'Two references.' }),
			name: 'Ng Wai'
		}
	];
}

function clinicMoves(): Move[] {
	return [
		move('shadow-shift', 'user', {
			label: 'Shadow a shift change',
			with: 'nurse-lee',
			when: when(clause.in('discovery')),
			effects: [effect.shift('nurse-lee', 1), effect.reveal('roster-pain')]
		}),
		move('sso-workshop', 'technical', {
			label: 'Run a single sign-on workshop',
			with: 'it-chen',
			when: when(clause.atLeast('user', 'supportive')),
			refusal: 'The IT lead will not meet a vendor the nurses have not asked for.',
			effects: [effect.shift('it-chen', 2), effect.reveal('sso-need')]
		}),
		move('director-lunch', 'management', {
			label: 'Lunch with the director',
			with: 'director-park',
			when: when(clause.atLeast('user', 'supportive'), clause.atLeast('technical', 'supportive')),
			effects: [effect.shift('director-park', 2)]
		}),
		move('meet-buyer', 'procurement', {
			label: 'Ask purchasing how the tender will be run',
			with: 'buyer-ng',
			when: when(clause.before('tender')),
			effects: [effect.reveal('ref-rule')]
		}),
		move('wait', 'user', { label: 'Wait', cost: 3, repeatable: true }),
		move('rival-push', 'management', {
			label: 'Rival push',
			cost: 0,
			effects: [effect.stage('tender')]
		})
	];
}

const ZH_NAMES: Record<string, string> = {
	'nurse-lee': '李敏',
	'it-chen': '陈浩',
	'director-park': '朴院长',
	'buyer-ng': '吴伟',
	'shadow-shift': '观摩交接班'
};

/** The clinic in Chinese: the same ids, Chinese names and labels. */
export function clinicZh(overrides: Partial<Scenario> = {}): Scenario {
	const base = clinic();

	return {
		...base,
		language: 'zh',
		people: base.people.map((p) => ({ ...p, name: ZH_NAMES[p.id] ?? p.name })),
		moves: base.moves.map((m) => ({ ...m, label: ZH_NAMES[m.id] ?? m.label })),
		...overrides
	};
}
