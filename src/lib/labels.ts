import { CHINESE_GROUP_NAMES, CHINESE_LINE_NAMES } from '$lib/scenario/chinese';
import type { DealSize, Language, Line, RuleGroup } from '$lib/scenario/types';

/**
 * Headings the UI shows for the fixed vocabulary, in a scenario's language. Mid-sentence names
 * (stances, stages, lines in messages) come from the deal module's words.
 */
interface Vocabulary {
	lines: Record<Line, string>;
	groups: Record<RuleGroup, string>;
	sizes: Record<DealSize, string>;
}

const VOCABULARIES: Record<Language, Vocabulary> = {
	en: {
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
	zh: {
		lines: CHINESE_LINE_NAMES,
		groups: CHINESE_GROUP_NAMES,
		sizes: { small: '小型项目', mid: '中型项目', large: '大型项目' }
	}
};

export function vocabulary(language: Language): Vocabulary {
	return VOCABULARIES[language];
}
