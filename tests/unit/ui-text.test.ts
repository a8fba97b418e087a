import { describe, expect, it } from 'vitest';
import { uiText } from '../../src/lib/ui-text';
import { LANGUAGES } from '../../src/lib/scenario/types';

const en = uiText('en');
const zh = uiText('zh');

describe('uiText', () => {
	it.each([
		['the week line', en.play.weekOf(3, 16), 'Week 3 of 16'],
		['the week line', zh.play.weekOf(3, 16), '第 3 周 / 共 16 周'],
		['the weeks left', en.play.weeksLeft(13), '(13 left)'],
		['the weeks left', zh.play.weeksLeft(13), '（剩余 13 周）'],
		['a turn heading', en.play.turn(3, 'Meet the buyer'), 'Turn 3: Meet the buyer'],
		['a turn heading', zh.play.turn(3, '拜访采购'), '第 3 步：拜访采购'],
		['a turn place', en.play.turnPlace('User line', 2), 'User line · week 2'],
		['a turn place', zh.play.turnPlace('用户线', 2), '用户线 · 第 2 周'],
		['a stage start', zh.play.stageFrom(5), '第 5 周起'],
		['an influence', en.line.influence(3), 'influence 3/5'],
		['an influence', zh.line.influence(3), '影响力 3/5'],
		['what a person cares about', zh.line.cares('预算'), '关注：预算'],
		[
			'the end of the deal',
			en.debrief.endedAt(11, 11, 16),
			'The deal ended on turn 11, in week 11 of 16.'
		],
		[
			'the end of the deal',
			zh.debrief.endedAt(11, 11, 16),
			'这单在第 11 步结束，用时 11 周（共 16 周）。'
		],
		['the points', en.debrief.points(160, 165, 70), '160 of 165 points. Pass mark 70: '],
		['a group total', en.rules.groupPoints(40, 45), '40 of 45 points'],
		['a group total', zh.rules.groupPoints(40, 45), '40 / 45 分'],
		['an unknown move', en.refusals.unknownMove('demo'), 'There is no move "demo" in this deal.'],
		['an unknown move', zh.refusals.unknownMove('demo'), '这单里没有行动“demo”。']
	])('formats %s', (_, actual, expected) => {
		expect(actual).toBe(expected);
	});

	it.each([
		[en, 1, '1 week'],
		[en, 2, '2 weeks'],
		[zh, 1, '1 周'],
		[zh, 2, '2 周']
	])('words a move costing %#', (text, weeks, expected) => {
		expect(text.line.cost(weeks)).toBe(expected);
	});

	it.each([
		[en, 1, 'played'],
		[en, 3, 'played ×3'],
		[zh, 1, '已做过'],
		[zh, 3, '已做 3 次']
	])('words how often a move was played %#', (text, times, expected) => {
		expect(text.line.played(times)).toBe(expected);
	});

	it('gives every language a word for every heading', () => {
		for (const language of LANGUAGES) {
			const text = uiText(language);
			const words = [
				...Object.values(text.briefing),
				...Object.values(text.play),
				...Object.values(text.debrief),
				...Object.values(text.rules),
				...Object.values(text.refusals)
			].filter((word) => typeof word === 'string');

			expect(words.every((word) => word.trim() !== '')).toBe(true);
		}
	});
});
