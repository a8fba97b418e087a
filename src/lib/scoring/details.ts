import type { Language } from '../scenario/types';

/*
 * The one-sentence "why" of each verdict, in the scenario's language. Arguments arrive already
 * named for the trainee (acts, parties, stages, stances); `at` is a moment such as "at turn 4".
 */

export interface DetailTexts {
	/** Names an act: work with a line, a move by label, learning a holder's intel. */
	lineAct: (line: string) => string;
	moveAct: (label: string) => string;
	intelAct: (holder: string) => string;
	list: (items: string[]) => string;
	turn: (seq: number) => string;
	start: string;
	stageBegan: (stage: string, seq: number) => string;
	end: (seq: number) => string;
	never: (act: string) => string;
	beforeVacuous: (then: string) => string;
	beforePassed: (firsts: string, then: string, seq: number) => string;
	beforeFailed: (then: string, seq: number, missing: string) => string;
	stageNeverBegan: (stage: string) => string;
	beforeStagePassed: (firsts: string, seq: number, stage: string) => string;
	beforeStageFailed: (stage: string, at: string, missing: string) => string;
	inPassed: (act: string, seq: number, stage: string) => string;
	inFailed: (act: string, seq: number, actual: string, stage: string) => string;
	withinJudged: (act: string, seq: number, week: number, range: string, inside: boolean) => string;
	onlyWhenVacuous: (act: string) => string;
	onlyWhenPassed: (act: string, seq: number) => string;
	/** `reason` is a whole sentence: why the first unmet clause did not hold. */
	onlyWhenFailed: (act: string, seq: number, reason: string) => string;
	stancePassed: (party: string, at: string, stance: string, needed: string) => string;
	stanceFailed: (party: string, at: string, stance: string, needed: string) => string;
	workedJudged: (line: string, at: string, count: number, needed: number, ok: boolean) => string;
	won: (seq: number) => string;
	lost: (seq: number) => string;
	undecided: string;
	/** A rule never put to the test because a loss ended the deal early. */
	notReached: (seq: number) => string;
	/** Efficiency counts only for a deal that was won. */
	lostNotEfficient: (seq: number) => string;
	movesPassed: (count: number, limit: number) => string;
	movesFailed: (seq: number, limit: number) => string;
	weeksPassed: (week: number, limit: number) => string;
	weeksFailed: (seq: number, week: number, limit: number) => string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Capitalises the first letter, for names that begin an English sentence. */
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const EN: DetailTexts = {
	lineAct: (line) => `work with ${line}`,
	moveAct: (label) => `"${label}"`,
	intelAct: (holder) => `learning what ${holder} knows`,
	list: (items) =>
		items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`,
	turn: (seq) => `at turn ${seq}`,
	start: 'at the start',
	stageBegan: (stage, seq) => `when the ${stage} stage began (turn ${seq})`,
	end: (seq) => `at the end (turn ${seq})`,
	never: (act) => `${cap(act)} never happened.`,
	beforeVacuous: (then) => `${cap(then)} never happened, so nothing came too late.`,
	beforePassed: (firsts, then, seq) => `${cap(firsts)} came before ${then} at turn ${seq}.`,
	beforeFailed: (then, seq, missing) => `${cap(then)} came at turn ${seq}, before ${missing}.`,
	stageNeverBegan: (stage) => `The ${stage} stage never began.`,
	beforeStagePassed: (firsts, seq, stage) =>
		`${cap(firsts)} came by turn ${seq}, in time for the ${stage} stage.`,
	beforeStageFailed: (stage, at, missing) => `The ${stage} stage began ${at}, before ${missing}.`,
	inPassed: (act, seq, stage) => `${cap(act)} first came at turn ${seq}, in the ${stage} stage.`,
	inFailed: (act, seq, actual, stage) =>
		`${cap(act)} first came at turn ${seq}, in the ${actual} stage, not the ${stage} stage.`,
	withinJudged: (act, seq, week, range, inside) =>
		`${cap(act)} first came at turn ${seq}, starting in week ${week}, ${inside ? 'within' : 'outside'} weeks ${range}.`,
	onlyWhenVacuous: (act) => `${cap(act)} never happened, so the condition never mattered.`,
	onlyWhenPassed: (act, seq) => `${cap(act)} first came at turn ${seq}, when the condition held.`,
	onlyWhenFailed: (act, seq, reason) =>
		`${cap(act)} first came at turn ${seq}, too soon: ${reason}`,
	stancePassed: (party, at, stance, needed) =>
		`${cap(party)} was ${stance} ${at}, at least ${needed}.`,
	stanceFailed: (party, at, stance, needed) =>
		`${cap(party)} was ${stance} ${at}, short of ${needed}.`,
	workedJudged: (line, at, count, needed, ok) =>
		`${cap(line)} had ${plural(count, 'move')} ${at}, ${ok ? 'meeting' : 'short of'} the ${needed} needed.`,
	won: (seq) => `The deal was won at turn ${seq}.`,
	lost: (seq) => `The deal was lost at turn ${seq}.`,
	undecided: 'The deal has not been decided yet.',
	notReached: (seq) => `Never put to the test: the deal was lost early, at turn ${seq}.`,
	lostNotEfficient: (seq) =>
		`The deal was lost at turn ${seq}; a lost deal earns no efficiency points.`,
	movesPassed: (count, limit) => `${plural(count, 'move')} used, within the limit of ${limit}.`,
	movesFailed: (seq, limit) => `Turn ${seq} was move ${limit + 1}, past the limit of ${limit}.`,
	weeksPassed: (week, limit) => `The deal ended in week ${week}, within ${limit} weeks.`,
	weeksFailed: (seq, week, limit) =>
		`Turn ${seq} took the clock to week ${week}, past week ${limit}.`
};

const ZH: DetailTexts = {
	lineAct: (line) => `接触${line}`,
	moveAct: (label) => `“${label}”`,
	intelAct: (holder) => `了解${holder}掌握的情报`,
	list: (items) => items.join('、'),
	turn: (seq) => `在第${seq}步`,
	start: '在开局时',
	stageBegan: (stage, seq) => `在${stage}阶段开始时（第${seq}步）`,
	end: (seq) => `在结束时（第${seq}步）`,
	never: (act) => `${act}从未发生。`,
	beforeVacuous: (then) => `${then}从未发生，顺序没有问题。`,
	beforePassed: (firsts, then, seq) => `${firsts}都在第${seq}步的${then}之前完成。`,
	beforeFailed: (then, seq, missing) => `${then}在第${seq}步发生，早于${missing}。`,
	stageNeverBegan: (stage) => `${stage}阶段从未开始。`,
	beforeStagePassed: (firsts, seq, stage) => `${firsts}在第${seq}步前完成，赶在${stage}阶段之前。`,
	beforeStageFailed: (stage, at, missing) => `${stage}阶段${at}开始，早于${missing}。`,
	inPassed: (act, seq, stage) => `${act}首次发生在第${seq}步，处于${stage}阶段。`,
	inFailed: (act, seq, actual, stage) =>
		`${act}首次发生在第${seq}步，处于${actual}阶段而不是${stage}阶段。`,
	withinJudged: (act, seq, week, range, inside) =>
		`${act}首次发生在第${seq}步，始于第${week}周，${inside ? '在' : '不在'}第${range}周之内。`,
	onlyWhenVacuous: (act) => `${act}从未发生，条件无关紧要。`,
	onlyWhenPassed: (act, seq) => `${act}首次发生在第${seq}步，当时条件成立。`,
	onlyWhenFailed: (act, seq, reason) => `${act}首次发生在第${seq}步，时机过早：${reason}`,
	stancePassed: (party, at, stance, needed) => `${party}${at}为${stance}，达到${needed}。`,
	stanceFailed: (party, at, stance, needed) => `${party}${at}仅为${stance}，未达到${needed}。`,
	workedJudged: (line, at, count, needed, ok) =>
		`${line}${at}共有${count}次行动，${ok ? '达到' : '不足'}所需的${needed}次。`,
	won: (seq) => `这单在第${seq}步赢下。`,
	lost: (seq) => `这单在第${seq}步丢了。`,
	undecided: '这单尚未定局。',
	notReached: (seq) => `这条规则没有经受考验：这单在第${seq}步提前丢了。`,
	lostNotEfficient: (seq) => `这单在第${seq}步丢了；丢单不计效率分。`,
	movesPassed: (count, limit) => `共用了${count}步，未超过${limit}步的上限。`,
	movesFailed: (seq, limit) => `第${seq}步是第${limit + 1}个行动，超过了${limit}步的上限。`,
	weeksPassed: (week, limit) => `这单在第${week}周结束，未超过${limit}周。`,
	weeksFailed: (seq, week, limit) => `第${seq}步把时间推到第${week}周，超过了第${limit}周。`
};

export function detailTexts(language: Language): DetailTexts {
	return language === 'zh' ? ZH : EN;
}
