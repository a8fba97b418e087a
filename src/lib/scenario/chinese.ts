/**
 * The Chinese names of the format's fixed words: the one list that the parser reads aliases
 * from and that the engine, the scoring and the pages show for a Chinese scenario.
 */
import type { Line, RuleGroup, Stage, Stance } from './types';

export const CHINESE_LINE_NAMES: Record<Line, string> = {
	user: '用户线',
	technical: '技术线',
	management: '管理线',
	procurement: '采购线',
	finance: '财务线'
};

export const CHINESE_STANCE_NAMES: Record<Stance, string> = {
	opposed: '反对',
	sceptical: '怀疑',
	neutral: '中立',
	supportive: '支持',
	champion: '拥护'
};

export const CHINESE_STAGE_NAMES: Record<Stage, string> = {
	discovery: '调研',
	specification: '规格',
	tender: '招标',
	decision: '决策'
};

export const CHINESE_GROUP_NAMES: Record<RuleGroup, string> = {
	sequencing: '顺序',
	coverage: '覆盖',
	outcome: '结果',
	efficiency: '效率'
};

/** Name → canonical word, for reading a scenario. */
export function invert<K extends string>(names: Record<K, string>): Record<string, K> {
	return Object.fromEntries(Object.entries(names).map(([word, name]) => [name, word])) as Record<
		string,
		K
	>;
}
