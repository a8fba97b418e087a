import { describe, expect, it } from 'vitest';
import { describeDeal } from '../../../src/lib/deal/view';
import { play } from '../support/deal';
import { clinicZh } from '../support/scenario-builder';

describe('describeDeal', () => {
	it('lists people, lines with people, and learned intel in the scenario language', () => {
		const scenario = clinicZh();
		const view = describeDeal(scenario, play(scenario, 'shadow-shift', 'meet-buyer'));

		expect(view.people[0]).toEqual({
			id: 'nurse-lee',
			name: '李敏',
			line: 'user',
			role: 'user role',
			stance: 'supportive',
			stanceName: '支持'
		});
		expect(view.lines.map((line) => [line.line, line.name, line.stanceName])).toEqual([
			['user', '用户线', '支持'],
			['technical', '技术线', '怀疑'],
			['management', '管理线', '怀疑'],
			['procurement', '采购线', '中立']
		]);
		expect(view.intel).toEqual([
			{ id: 'roster-pain', text: 'Four hours a week.', holder: 'nurse-lee', holderName: '李敏' },
			{ id: 'ref-rule', text: 'Two references.', holder: 'buyer-ng', holderName: '吴伟' }
		]);
	});
});
