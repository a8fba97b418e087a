import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/lib/server/access';
import { addPerson } from './helpers';

/*
 * The review page's reads and actions over a real data directory: a coach leads a team with one
 * trainee, another coach leads an empty team, and a manager sees everyone. The trainee plays the
 * recorded win of city-hospital (14 moves, 170 of 175 points: 97.1, passed at a mark of 70),
 * two moves of city-hospital left unfinished, and the recorded win of zh-city-bureau; the coach
 * plays one move of city-hospital. The tests share one data directory and run in order: later
 * ones read what earlier ones stored.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'five-lines-review-'));
process.env.FIVE_LINES_DATA = dataDir;
process.env.FIVE_LINES_CONTENT = fileURLToPath(
	new URL('../../../content/scenarios', import.meta.url)
);

const { listAttemptsByTrainee } = await import('../../../src/lib/server/attempts');
const { loadDebrief } = await import('../../../src/lib/server/pages');
const { playMove, startAttempt } = await import('../../../src/lib/server/play');
const { commentOn, loadReview, NOT_FINISHED, overrideFor } =
	await import('../../../src/lib/server/review-pages');
const { readReview } = await import('../../../src/lib/server/reviews');
const { getStore } = await import('../../../src/lib/server/store');
const { createTeam, placeTrainee } = await import('../../../src/lib/server/teams');

const PATHS_FILE = fileURLToPath(new URL('../../fixtures/shipped-paths.json', import.meta.url));
const recorded = JSON.parse(readFileSync(PATHS_FILE, 'utf8')) as Record<
	string,
	Record<'win', string[]>
>;

const people = {} as Record<'trainee' | 'coach' | 'otherCoach' | 'manager', Viewer>;
const attempts = { won: '', open: '', zh: '', coachOwn: '' };

const person = (username: string, name: string, role: Viewer['role']) =>
	addPerson(getStore(), username, name, role);

async function play(scenarioId: string, moveIds: string[], player = people.trainee) {
	const id = await startAttempt(scenarioId, player);
	if (!id) throw new Error(`There is no scenario ${scenarioId}.`);
	for (const [index, moveId] of moveIds.entries()) {
		const result = await playMove(id, player, { moveId, seq: index + 1 });
		if (result.kind !== 'applied') throw new Error(`${moveId}: ${JSON.stringify(result)}`);
	}

	return id;
}

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);

	return data;
}

beforeAll(async () => {
	people.trainee = await person('tina', 'Tina Trainee', 'trainee');
	people.coach = await person('cora', 'Cora Coach', 'coach');
	people.otherCoach = await person('otto', 'Otto Coach', 'coach');
	people.manager = await person('mia', 'Mia Manager', 'manager');
	const team = await createTeam('East', people.coach.id);
	if (!team.ok) throw new Error(team.error);
	await placeTrainee(team.team.id, people.trainee.id);
	await createTeam('West', people.otherCoach.id);

	attempts.won = await play('city-hospital', recorded['city-hospital'].win);
	attempts.open = await play('city-hospital', recorded['city-hospital'].win.slice(0, 2));
	attempts.zh = await play('zh-city-bureau', recorded['zh-city-bureau'].win);
	attempts.coachOwn = await play('city-hospital', ['nursing-director-interview'], people.coach);
});

afterAll(() => {
	getStore().close();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('loadReview', () => {
	it.each([
		['the coach of the trainee’s team', 'coach', true],
		['a manager', 'manager', true],
		['the coach of another team', 'otherCoach', false],
		['the trainee who played it', 'trainee', false]
	] as const)('lets %s review the attempt: %s', async (_, who, mayReview) => {
		const review = await loadReview(attempts.won, people[who], null);

		expect(review !== null).toBe(mayReview);
	});

	it('lets nobody review an attempt of their own, not even a coach', async () => {
		expect(await loadReview(attempts.coachOwn, people.coach, null)).toBeNull();
		expect(await loadReview(attempts.coachOwn, people.manager, null)).not.toBeNull();
	});

	it('answers a missing attempt exactly as one the viewer may not review', async () => {
		expect(await loadReview('no-such-attempt', people.manager, 2)).toBeNull();
	});

	it('opens on the first move, with the trainee, the outcome and the computed score', async () => {
		const review = await loadReview(attempts.won, people.coach, null);

		expect(review?.view.step).toBe(1);
		expect(review?.view.totalSteps).toBe(14);
		expect(review?.view.move?.label).toBe('Interview the Director of Nursing about charting time');
		expect(review?.traineeName).toBe('Tina Trainee');
		expect(review?.outcome).toBe('won');
		expect(review?.score).toEqual({
			passMark: 70,
			original: { score: (170 / 175) * 100, display: '97.1', passed: true },
			inForce: { display: '97.1', passed: true, isOverridden: false },
			override: null,
			history: []
		});
	});

	it('shows the step asked for, and an unfinished attempt without a score', async () => {
		const review = await loadReview(attempts.open, people.coach, 2);

		expect(review?.view.step).toBe(2);
		expect(review?.view.move?.label).toBe('Shadow a night shift on cardiology');
		expect(review?.outcome).toBeNull();
		expect(review?.score).toBeNull();
	});
});

describe('commentOn', () => {
	it('stores a comment on a move with its author and step, and one on the whole attempt', async () => {
		const onMove = form({ seq: '3', text: 'Good: the nurses shaped it.' });
		expect(await commentOn(attempts.zh, people.coach, onMove)).toEqual({ ok: true });
		const onWhole = form({ seq: '0', text: 'A clean campaign.' });
		expect(await commentOn(attempts.zh, people.manager, onWhole)).toEqual({ ok: true });

		const stored = (await readReview(attempts.zh)).comments;
		expect(
			stored.map(({ authorId, authorName, seq, text }) => [authorId, authorName, seq, text])
		).toEqual([
			[people.coach.id, 'Cora Coach', 3, 'Good: the nurses shaped it.'],
			[people.manager.id, 'Mia Manager', null, 'A clean campaign.']
		]);
		const review = await loadReview(attempts.zh, people.coach, 3);
		expect(review?.comments.map((comment) => comment.moveLabel)).toEqual([
			'拜访采购代理机构，了解项目进度',
			''
		]);
	});

	it('refuses a step past the last move with the repository’s sentence', async () => {
		const result = await commentOn(attempts.open, people.coach, form({ seq: '3', text: 'Hm.' }));

		expect(result).toEqual({
			ok: false,
			message:
				'There is no step 3 in this attempt; choose a step from 1 to 2, or the whole attempt.'
		});
	});

	it('refuses a step that is not a number', async () => {
		const result = await commentOn(attempts.open, people.coach, form({ seq: 'two', text: 'Hm.' }));

		expect(result).toEqual({
			ok: false,
			message: 'There is no step "two" in this attempt; choose one from the step list.'
		});
	});

	it('stores nothing for a viewer who may not review the attempt', async () => {
		const posted = form({ seq: '1', text: 'Not my team.' });

		expect(await commentOn(attempts.open, people.otherCoach, posted)).toBeNull();
		expect(await commentOn(attempts.open, people.trainee, posted)).toBeNull();
		expect((await readReview(attempts.open)).comments).toEqual([]);
	});
});

describe('overrideFor', () => {
	it('puts the new score on the trainee’s index line and keeps the original', async () => {
		const first = form({ score: '65', reason: 'The President was never really won.' });
		expect(await overrideFor(attempts.won, people.coach, first)).toEqual({ ok: true });
		const second = form({ score: '88.5', reason: 'Judged again with the tape.' });
		expect(await overrideFor(attempts.won, people.manager, second)).toEqual({ ok: true });

		const line = (await listAttemptsByTrainee(people.trainee.id)).find(
			(summary) => summary.attemptId === attempts.won
		);
		expect(line?.override).toEqual({ score: 88.5, display: '88.5', passed: true });
		expect(line?.scoreDisplay).toBe('97.1');
		expect(line?.total).toBe((170 / 175) * 100);

		const score = (await loadReview(attempts.won, people.coach, null))?.score;
		expect(score?.original.display).toBe('97.1');
		expect(score?.inForce).toEqual({ display: '88.5', passed: true, isOverridden: true });
		expect(score?.override).toMatchObject({ score: 88.5, byName: 'Mia Manager' });
		expect(score?.history).toMatchObject([
			{ score: 65, byName: 'Cora Coach', reason: 'The President was never really won.' }
		]);
		expect(score?.history[0].originalDisplay).toBe('97.1');
	});

	it('refuses an unfinished attempt with a sentence and stores nothing', async () => {
		const posted = form({ score: '80', reason: 'Looks promising.' });

		expect(await overrideFor(attempts.open, people.coach, posted)).toEqual({
			ok: false,
			message:
				'This attempt is not finished, so it has no score to override yet; ' +
				'comment on it instead, or wait until the trainee ends the deal.'
		});
		expect(NOT_FINISHED).toMatch(/^This attempt is not finished/);
		expect((await readReview(attempts.open)).overrides).toEqual([]);
		const line = (await listAttemptsByTrainee(people.trainee.id)).find(
			(summary) => summary.attemptId === attempts.open
		);
		expect(line?.override).toBeUndefined();
	});

	it('passes on the repository’s refusal of a score out of range', async () => {
		const posted = form({ score: '101', reason: 'Beyond perfect.' });

		expect(await overrideFor(attempts.zh, people.coach, posted)).toEqual({
			ok: false,
			message: 'The score 101 is not between 0 and 100; enter one that is.'
		});
	});

	it('stores nothing for the other team’s coach', async () => {
		const posted = form({ score: '10', reason: 'Not my team.' });

		expect(await overrideFor(attempts.zh, people.otherCoach, posted)).toBeNull();
		expect((await readReview(attempts.zh)).overrides).toEqual([]);
	});
});

describe('loadDebrief with a review', () => {
	it('sends a reviewer of an unfinished attempt to review, and its player to play', async () => {
		expect((await loadDebrief(attempts.open, people.coach))?.isReviewing).toBe(true);
		expect((await loadDebrief(attempts.open, people.trainee))?.isReviewing).toBe(false);
		expect((await loadDebrief(attempts.open, people.coach))?.view).toBeNull();
	});

	it('shows the trainee the comments by turn, in the scenario’s language', async () => {
		const debrief = await loadDebrief(attempts.zh, people.trainee);

		expect(debrief?.notes?.whole.map((note) => [note.authorName, note.text])).toEqual([
			['Mia Manager', 'A clean campaign.']
		]);
		expect(debrief?.notes?.byMove.map((note) => note.turn)).toEqual([
			'第 3 步：拜访采购代理机构，了解项目进度'
		]);
		expect(debrief?.notes?.override).toBeNull();
	});

	it('shows the override in force with the original, who, when and why', async () => {
		const notes = (await loadDebrief(attempts.won, people.trainee))?.notes;

		expect(notes?.override).toEqual({
			display: '88.5',
			passed: true,
			originalDisplay: '97.1',
			byName: 'Mia Manager',
			at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			reason: 'Judged again with the tape.'
		});
	});
});
