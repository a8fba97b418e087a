import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoreReport } from '../../../src/lib/scoring/types';
import {
	effectiveScore,
	reviewFile,
	reviewsIn,
	type NewComment,
	type NewOverride,
	type Review
} from '../../../src/lib/server/reviews';
import { StoreFileError } from '../../../src/lib/server/store';
import { freshStore, readBack, testClock } from './helpers';

const ID = '3f2b6c1e-8d4a-4b7e-9c2d-1a5e7f9b0c3d';

const REPORT = {
	total: 79.96,
	display: '79.9',
	passMark: 70,
	passed: true,
	earned: 40,
	possible: 50,
	groups: { sequencing: [], coverage: [], outcome: [], efficiency: [] },
	blockersFailed: []
} satisfies ScoreReport;

const COACH = { authorId: 'coach-1', authorName: 'Ana Coach' };
const comment = (text: string, seq: number | null = null): NewComment => ({ ...COACH, seq, text });
const override = (score: number | string, reason = 'Judged live.'): NewOverride => ({
	score,
	reason,
	byId: 'manager-1',
	byName: 'Max Manager',
	originalScore: REPORT.total,
	originalDisplay: REPORT.display
});

function setup() {
	const clock = testClock();
	const store = freshStore(clock);
	const file = path.join(store.dir, reviewFile(ID));

	return { clock, store, reviews: reviewsIn(store), file };
}

describe('review repository', () => {
	it('reads an attempt nobody has reviewed as an empty review, writing nothing', async () => {
		const { reviews, file } = setup();

		expect(await reviews.readReview(ID)).toEqual({ attemptId: ID, comments: [], overrides: [] });
		expect(existsSync(file)).toBe(false);
		expect(existsSync(path.dirname(file))).toBe(true); // the store makes reviews/ at start
	});

	it('keeps comments on disk in the order written, tidied', async () => {
		const { clock, store, reviews } = setup();
		await reviews.addComment(ID, comment('  Good opening.\r\nAsk about the budget.  '), 14);
		clock.advance(1000);
		const saved = await reviews.addComment(ID, comment('Too early\tfor the VP.', 12), 14);

		const stored = readBack<Review>(store, `reviews/${ID}.json`);
		expect(stored.comments).toEqual([
			{
				id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				authorId: 'coach-1',
				authorName: 'Ana Coach',
				at: '2025-03-01T09:00:00.000Z',
				seq: null,
				text: 'Good opening.\nAsk about the budget.'
			},
			{
				id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				authorId: 'coach-1',
				authorName: 'Ana Coach',
				at: '2025-03-01T09:00:01.000Z',
				seq: 12,
				text: 'Too early\tfor the VP.'
			}
		]);
		expect(stored.comments[0].id).not.toBe(stored.comments[1].id);
		expect(saved).toEqual({ ok: true, review: stored });
		expect(await reviews.readReview(ID)).toEqual(stored);
	});

	it('lands two comments saved at the same moment', async () => {
		const { store, reviews } = setup();
		await Promise.all([
			reviews.addComment(ID, comment('First.'), 3),
			reviews.addComment(ID, comment('Second.'), 3)
		]);

		const texts = readBack<Review>(store, `reviews/${ID}.json`).comments.map((c) => c.text);
		expect(texts.sort()).toEqual(['First.', 'Second.']);
	});

	it.each([
		['an empty comment', '', null, 14, 'Write a comment before saving it.'],
		['a comment of spaces', ' \r\n\t ', null, 14, 'Write a comment before saving it.'],
		[
			'a comment too long',
			'x'.repeat(2001),
			null,
			14,
			'The comment is 2001 characters long; shorten it to 2000 or fewer.'
		],
		[
			'a bell character',
			'Ring\u0007',
			null,
			14,
			'The comment contains a control character; remove it and save again.'
		],
		[
			'a C1 control character',
			'Next\u0085line',
			null,
			14,
			'The comment contains a control character; remove it and save again.'
		],
		[
			'step 0',
			'Fine.',
			0,
			14,
			'There is no step 0 in this attempt; choose a step from 1 to 14, or the whole attempt.'
		],
		[
			'a step past the log',
			'Fine.',
			15,
			14,
			'There is no step 15 in this attempt; choose a step from 1 to 14, or the whole attempt.'
		],
		[
			'a step that is not whole',
			'Fine.',
			1.5,
			14,
			'There is no step 1.5 in this attempt; choose a step from 1 to 14, or the whole attempt.'
		],
		[
			'a step of an attempt with no moves',
			'Fine.',
			1,
			0,
			'This attempt has no moves yet; comment on the whole attempt instead.'
		]
	])('refuses %s with a sentence, writing nothing', async (_, text, seq, maxSeq, message) => {
		const { reviews, file } = setup();

		expect(await reviews.addComment(ID, comment(text, seq), maxSeq)).toEqual({
			ok: false,
			message
		});
		expect(existsSync(file)).toBe(false);
	});

	it.each<[string, string, number | null]>([
		['2000 Latin letters', 'x'.repeat(2000), null],
		['2000 Chinese characters', '复'.repeat(2000), null],
		// Each emoji is two UTF-16 units but one character to the reviewer.
		['2000 emoji', '👍'.repeat(2000), null],
		['the first step', 'Fine.', 1],
		['the last step', 'Fine.', 14]
	])('accepts %s', async (_, text, seq) => {
		const { reviews } = setup();

		expect(await reviews.addComment(ID, comment(text, seq), 14)).toMatchObject({ ok: true });
	});

	it('keeps every override, the last in force', async () => {
		const { clock, store, reviews } = setup();
		await reviews.overrideScore(ID, override('65', 'Quoted a price in the hallway.'));
		clock.advance(60_000);
		await reviews.overrideScore(ID, override(72.5, 'On second thought, it was a budget range.'));

		const stored = readBack<Review>(store, `reviews/${ID}.json`);
		expect(stored.overrides).toEqual([
			{
				score: 65,
				reason: 'Quoted a price in the hallway.',
				byId: 'manager-1',
				byName: 'Max Manager',
				at: '2025-03-01T09:00:00.000Z',
				originalScore: 79.96,
				originalDisplay: '79.9'
			},
			{
				score: 72.5,
				reason: 'On second thought, it was a budget range.',
				byId: 'manager-1',
				byName: 'Max Manager',
				at: '2025-03-01T09:01:00.000Z',
				originalScore: 79.96,
				originalDisplay: '79.9'
			}
		]);
		expect(effectiveScore(REPORT, stored)).toEqual({
			score: 72.5,
			display: '72.5',
			passed: true,
			isOverridden: true,
			override: stored.overrides[1]
		});
	});

	it.each([
		['the form text 72.50', '72.50', 72.5],
		['the form text .5', '.5', 0.5],
		['a padded 0', ' 0 ', 0],
		['100', 100, 100],
		['72.3', 72.3, 72.3],
		['0.1', 0.1, 0.1]
	])('accepts a score of %s', async (_, score, stored) => {
		const { reviews } = setup();
		const result = await reviews.overrideScore(ID, override(score));

		expect(result.ok && result.review.overrides[0].score).toBe(stored);
	});

	it.each([
		['', 'Enter the new score, a number from 0 to 100.'],
		['abc', 'The score "abc" is not a number; enter one from 0 to 100, such as 72.5.'],
		['1e2', 'The score "1e2" is not a number; enter one from 0 to 100, such as 72.5.'],
		['-1', 'The score -1 is not between 0 and 100; enter one that is.'],
		[-1, 'The score -1 is not between 0 and 100; enter one that is.'],
		['100.1', 'The score 100.1 is not between 0 and 100; enter one that is.'],
		[Number.NaN, 'The score is not a number; enter one from 0 to 100, such as 72.5.'],
		['72.35', 'The score 72.35 has more than one decimal; round it to one, such as 72.5.'],
		[72.35, 'The score 72.35 has more than one decimal; round it to one, such as 72.5.']
	])('refuses the score %j with a sentence', async (score, message) => {
		const { reviews, file } = setup();

		expect(await reviews.overrideScore(ID, override(score))).toEqual({ ok: false, message });
		expect(existsSync(file)).toBe(false);
	});

	it.each([
		['  ok  ', 'Give a reason for the new score, at least 3 characters long.'],
		['y'.repeat(501), 'The reason is 501 characters long; shorten it to 500 or fewer.'],
		['Bad\u0000byte', 'The reason contains a control character; remove it and save again.']
	])('refuses the reason %#', async (reason, message) => {
		const { reviews } = setup();

		expect(await reviews.overrideScore(ID, override(80, reason))).toEqual({ ok: false, message });
	});

	it('refuses an attempt id that cannot be a file name', async () => {
		const { reviews } = setup();

		await expect(reviews.readReview('../attempts/x')).rejects.toThrow(
			'The attempt id "../attempts/x" cannot be used in a file name.'
		);
	});

	it('throws on a damaged review file and leaves it byte for byte as it was', async () => {
		const { reviews, file } = setup();
		writeFileSync(file, '{"attemptId": "x", "comments": [}\n');
		const bytes = readFileSync(file);

		await expect(reviews.readReview(ID)).rejects.toThrow(StoreFileError);
		await expect(reviews.addComment(ID, comment('Fine.'), 3)).rejects.toThrow(StoreFileError);
		await expect(reviews.overrideScore(ID, override(80))).rejects.toThrow(StoreFileError);
		expect(readFileSync(file).equals(bytes)).toBe(true);
	});

	it('points at the first missing field of a damaged comment', async () => {
		const { reviews, file } = setup();
		writeFileSync(file, JSON.stringify({ attemptId: ID, comments: [{ id: 'c1' }], overrides: [] }));

		await expect(reviews.readReview(ID)).rejects.toThrow(/comments\[0\]\.authorId is missing/);
	});
});

describe('effectiveScore', () => {
	const failedOnBlocker = { ...REPORT, passed: false };
	const reviewWith = (...scores: number[]): Review => ({
		attemptId: ID,
		comments: [],
		overrides: scores.map((score) => ({
			score,
			reason: 'Judged live.',
			byId: 'm',
			byName: 'M',
			at: '2025-03-01T09:00:00.000Z',
			originalScore: REPORT.total,
			originalDisplay: REPORT.display
		}))
	});

	it('is the report itself when nobody overrode it', () => {
		expect(effectiveScore(REPORT, reviewWith())).toEqual({
			score: 79.96,
			display: '79.9',
			passed: true,
			isOverridden: false,
			override: null
		});
	});

	it.each([
		[REPORT, 69.9, '69.9', false],
		[REPORT, 70, '70.0', true],
		// The new score alone decides: the failed blocker no longer fails the attempt.
		[failedOnBlocker, 85, '85.0', true],
		[failedOnBlocker, 0, '0.0', false]
	])('re-judges the pass on the override alone (%#)', (report, score, display, passed) => {
		expect(effectiveScore(report, reviewWith(50, score))).toMatchObject({
			score,
			display,
			passed,
			isOverridden: true
		});
	});
});
