import { describe, expect, it } from 'vitest';
import { buildPlayView } from '../../../src/lib/views/play-view';
import { play } from '../support/deal';
import { clinic, clinicZh } from '../support/scenario-builder';

describe('buildPlayView', () => {
	it('spells out what each turn changed, newest first', () => {
		const scenario = clinic();
		const view = buildPlayView('a1', scenario, play(scenario, 'shadow-shift', 'sso-workshop'));

		expect(view.story.map((entry) => [entry.seq, entry.changes])).toEqual([
			[2, ['Chen Hao: sceptical → supportive', 'You learned: Single sign-on.']],
			[1, ['Lee Min: neutral → supportive', 'You learned: Four hours a week.']]
		]);
	});

	it('says it in Chinese for a Chinese scenario', () => {
		const scenario = clinicZh();
		const view = buildPlayView('a1', scenario, play(scenario, 'shadow-shift'));

		expect(view.story[0].changes).toEqual([
			`${scenario.people[0].name}：中立 → 支持`,
			`获悉：${scenario.people[0].intel[0].text}`
		]);
	});

	it('lists nothing for a turn that changed nothing', () => {
		const scenario = clinic({ losses: [] });
		const view = buildPlayView('a1', scenario, play(scenario, 'wait'));

		expect(view.story[0].changes).toEqual([]);
	});
});
