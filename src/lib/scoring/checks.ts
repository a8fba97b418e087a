import { firstUnmetClause } from '../deal/conditions';
import { explainClause } from '../deal/explain';
import { partyStance, stanceValue } from '../deal/stances';
import type { DealContext, TurnRecord } from '../deal/types';
import { lineName, moveLabel, partyName, personName, stageName, stanceName } from '../deal/words';
import type { Act, RuleCheck, Scenario, Stage } from '../scenario/types';
import { CLOSE_MOVE_ID } from '../scenario/types';
import { detailTexts, type DetailTexts } from './details';
import {
	firstTurnOf,
	lastRecord,
	playedTurns,
	recordBy,
	stageBeginning,
	stateBefore
} from './history';

/** A rule judged: passed or not, the record of the move that decided it, and why. */
export interface Judgement {
	passed: boolean;
	decidedBy: TurnRecord | null;
	detail: string;
}

/** What every check needs: the scenario, the finished deal and the words to explain with. */
interface Judge {
	scenario: Scenario;
	context: DealContext;
	texts: DetailTexts;
}

type CheckOf<K extends RuleCheck['kind']> = Extract<RuleCheck, { kind: K }>;

export function judgeRule(scenario: Scenario, context: DealContext, check: RuleCheck): Judgement {
	const judge = { scenario, context, texts: detailTexts(scenario.language) };
	switch (check.kind) {
		case 'before':
			return check.then.kind === 'stage'
				? judgeBeforeStage(judge, check.first, check.then.stage)
				: judgeBeforeAct(judge, check.first, check.then);
		case 'in':
			return judgeIn(judge, check);
		case 'within':
			return judgeWithin(judge, check);
		case 'only-when':
			return judgeOnlyWhen(judge, check);
		case 'stance-by':
			return judgeStanceBy(judge, check);
		case 'worked-by':
			return judgeWorkedBy(judge, check);
		case 'won':
			return judgeWon(judge);
		case 'at-most':
			return check.unit === 'moves'
				? judgeMoves(judge, check.limit)
				: judgeWeeks(judge, check.limit);
	}
}

function actName({ scenario, texts }: Judge, act: Act): string {
	if (act.kind === 'line') return texts.lineAct(lineName(scenario.language, act.line));
	if (act.kind === 'move') return texts.moveAct(moveLabel(scenario, act.id));

	const holder = scenario.people.find((person) => person.intel.some((i) => i.id === act.id));

	return texts.intelAct(holder ? personName(scenario, holder.id) : act.id);
}

function actList(judge: Judge, acts: Act[]): string {
	return judge.texts.list(acts.map((act) => actName(judge, act)));
}

/** Passes when every first act happens strictly before the second act first happens. */
function judgeBeforeAct(judge: Judge, first: Act[], then: Act): Judgement {
	const { context, texts } = judge;
	const thenTurn = firstTurnOf(context, then);
	const thenName = actName(judge, then);
	if (!thenTurn) return { passed: true, decidedBy: null, detail: texts.beforeVacuous(thenName) };

	const late = first.filter((act) => (firstTurnOf(context, act)?.seq ?? Infinity) >= thenTurn.seq);
	const detail = late.length
		? texts.beforeFailed(thenName, thenTurn.seq, actList(judge, late))
		: texts.beforePassed(actList(judge, first), thenName, thenTurn.seq);

	return { passed: late.length === 0, decidedBy: thenTurn, detail };
}

/** Passes when every act happens no later than the move during which the stage begins. */
function judgeBeforeStage(judge: Judge, first: Act[], stage: Stage): Judgement {
	const { scenario, context, texts } = judge;
	const begun = stageBeginning(context, stage);
	const turns = first.map((act) => firstTurnOf(context, act));
	const limit = begun?.seq ?? Infinity;
	const late = first.filter((_, i) => (turns[i]?.seq ?? Infinity) > limit || turns[i] === null);
	const name = stageName(scenario.language, stage);
	if (late.length === 0) {
		const decidedBy = latest(turns.filter((turn) => turn !== null));
		const detail = texts.beforeStagePassed(actList(judge, first), decidedBy?.seq ?? 0, name);

		return { passed: true, decidedBy, detail };
	}
	if (!begun) return { passed: true, decidedBy: null, detail: texts.stageNeverBegan(name) };

	const at = begun.seq === 0 ? texts.start : texts.turn(begun.seq);
	const detail = texts.beforeStageFailed(name, at, actList(judge, late));

	return { passed: false, decidedBy: moveRecord(begun), detail };
}

function latest(turns: TurnRecord[]): TurnRecord | null {
	return turns.reduce<TurnRecord | null>((a, b) => (a && a.seq >= b.seq ? a : b), null);
}

/** The start record (seq 0) is no move, so it decides nothing by itself. */
function moveRecord(record: TurnRecord): TurnRecord | null {
	return record.seq === 0 ? null : record;
}

/** The act counts as in the stage the deal was in when its move began. */
function judgeIn(judge: Judge, check: CheckOf<'in'>): Judgement {
	const { scenario, context, texts } = judge;
	const turn = firstTurnOf(context, check.act);
	const act = actName(judge, check.act);
	if (!turn) return { passed: false, decidedBy: null, detail: texts.never(act) };

	const passed = turn.stageBefore === check.stage;
	const wanted = stageName(scenario.language, check.stage);
	const detail = passed
		? texts.inPassed(act, turn.seq, wanted)
		: texts.inFailed(act, turn.seq, stageName(scenario.language, turn.stageBefore), wanted);

	return { passed, decidedBy: turn, detail };
}

function judgeWithin(judge: Judge, check: CheckOf<'within'>): Judgement {
	const { context, texts } = judge;
	const turn = firstTurnOf(context, check.act);
	const act = actName(judge, check.act);
	if (!turn) return { passed: false, decidedBy: null, detail: texts.never(act) };

	const passed = turn.weekBefore >= check.fromWeek && turn.weekBefore <= check.toWeek;
	const range = `${check.fromWeek}-${check.toWeek}`;

	return {
		passed,
		decidedBy: turn,
		detail: texts.withinJudged(act, turn.seq, turn.weekBefore, range, passed)
	};
}

/** The condition is judged on the deal as it stood when the act's move began. */
function judgeOnlyWhen(judge: Judge, check: CheckOf<'only-when'>): Judgement {
	const { scenario, context, texts } = judge;
	const turn = firstTurnOf(context, check.act);
	const act = actName(judge, check.act);
	if (!turn) return { passed: true, decidedBy: null, detail: texts.onlyWhenVacuous(act) };

	const before = stateBefore(context, turn);
	const unmet = firstUnmetClause(scenario, before, check.when);
	const detail =
		unmet === -1
			? texts.onlyWhenPassed(act, turn.seq)
			: texts.onlyWhenFailed(
					act,
					turn.seq,
					explainClause(scenario, before, check.when.clauses[unmet])
				);

	return { passed: unmet === -1, decidedBy: turn, detail };
}

/** "When the tender stage began (turn 4)", "at the end (turn 6)" or "at the start". */
function momentOf(judge: Judge, record: TurnRecord, by: Stage | 'end'): string {
	const { scenario, context, texts } = judge;
	if (record.seq === 0) return texts.start;
	if (by !== 'end' && stageBeginning(context, by)?.seq === record.seq) {
		return texts.stageBegan(stageName(scenario.language, by), record.seq);
	}

	return texts.end(record.seq);
}

function judgeStanceBy(judge: Judge, check: CheckOf<'stance-by'>): Judgement {
	const { scenario, context, texts } = judge;
	const record = recordBy(context, check.by);
	const value = partyStance(scenario, record.stances, check.party);
	const passed = value !== null && value >= stanceValue(check.stance);
	const words = [
		partyName(scenario, check.party),
		momentOf(judge, record, check.by),
		stanceName(scenario.language, value),
		stanceName(scenario.language, stanceValue(check.stance))
	] as const;
	const detail = passed ? texts.stancePassed(...words) : texts.stanceFailed(...words);

	return { passed, decidedBy: moveRecord(record), detail };
}

/** Passing is decided by the move that reached the count; failing by the moment judged. */
function judgeWorkedBy(judge: Judge, check: CheckOf<'worked-by'>): Judgement {
	const { scenario, context, texts } = judge;
	const record = recordBy(context, check.by);
	const worked = playedTurns(context).filter((t) => t.seq <= record.seq && t.line === check.line);
	const passed = worked.length >= check.times;
	const decidedBy = passed ? (worked[check.times - 1] ?? null) : moveRecord(record);
	const line = lineName(scenario.language, check.line);
	const at = momentOf(judge, record, check.by);

	return {
		passed,
		decidedBy,
		detail: texts.workedJudged(line, at, worked.length, check.times, passed)
	};
}

function judgeWon({ context, texts }: Judge): Judgement {
	const outcome = context.outcome;
	if (!outcome) return { passed: false, decidedBy: null, detail: texts.undecided };

	const passed = outcome.result === 'won';
	const detail = passed ? texts.won(outcome.turn) : texts.lost(outcome.turn);

	return { passed, decidedBy: context.timeline[outcome.turn] ?? null, detail };
}

/** The close move is not counted: submitting the bid is not a move of selling. */
function judgeMoves({ context, texts }: Judge, limit: number): Judgement {
	const moves = playedTurns(context).filter((turn) => turn.moveId !== CLOSE_MOVE_ID);
	if (moves.length > limit) {
		const over = moves[limit];

		return { passed: false, decidedBy: over, detail: texts.movesFailed(over.seq, limit) };
	}

	return {
		passed: true,
		decidedBy: moveRecord(lastRecord(context)),
		detail: texts.movesPassed(moves.length, limit)
	};
}

/** Fails at the move that took the clock past the limit; passes at the last move. */
function judgeWeeks({ context, texts }: Judge, limit: number): Judgement {
	const over = playedTurns(context).find((turn) => turn.week > limit);
	if (over) {
		return {
			passed: false,
			decidedBy: over,
			detail: texts.weeksFailed(over.seq, over.week, limit)
		};
	}
	const last = lastRecord(context);

	return { passed: true, decidedBy: moveRecord(last), detail: texts.weeksPassed(last.week, limit) };
}
