import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { readForm, textField } from '$lib/server/forms';
import { signedIn } from '$lib/server/guards';
import { commentOn, loadReview, overrideFor } from '$lib/server/review-pages';
import { viewerTimeZone } from '$lib/server/viewer-zone';
import type { Actions, PageServerLoad } from './$types';

// The player and anyone out of scope are answered exactly as for a missing attempt.
const NOT_FOUND = 'There is no such attempt, or it is not yours to review.';

/** What the page confirms after a save, by the `saved` parameter the redirect carries. */
const SAVED = { comment: 'Comment saved.', override: 'Score override saved.' } as const;

type Saved = keyof typeof SAVED;

function savedSentence(url: URL): string | null {
	const saved = url.searchParams.get('saved');

	return saved === 'comment' || saved === 'override' ? SAVED[saved] : null;
}

export const load: PageServerLoad = async (event) => {
	const step = event.url.searchParams.get('step');
	const review = await loadReview(event.params.id, signedIn(event), step === null ? null : +step);
	if (!review) error(404, NOT_FOUND);

	return {
		review,
		timeZone: viewerTimeZone(event.url, event.cookies),
		saved: savedSentence(event.url)
	};
};

/** Post/redirect/get back to the step the form was posted from, saying what was saved. */
function backToStep(event: RequestEvent, saved: Saved): never {
	const step = event.url.searchParams.get('step') ?? '';
	const query = new URLSearchParams(/^\d+$/.test(step) ? { step } : {});
	query.set('saved', saved);
	redirect(303, `/attempts/${event.params.id}/review?${query}`);
}

/** A posted field, '' when the form could not be read: it is shown again beside the refusal. */
function field(form: FormData | null, name: string): string {
	return form ? textField(form, name) : '';
}

export const actions: Actions = {
	comment: async (event) => {
		const form = await readForm(event.request);
		const result = await commentOn(event.params.id, signedIn(event), form);
		if (!result) error(404, NOT_FOUND);
		if (!result.ok) {
			// Step 0 is the whole attempt: the refusal is shown beside the form that posted it.
			const isWhole = ['', '0'].includes(field(form, 'seq').trim());
			const where = isWhole ? ('whole' as const) : ('move' as const);
			return fail(400, { where, message: result.message, text: field(form, 'text') });
		}

		backToStep(event, 'comment');
	},
	override: async (event) => {
		const form = await readForm(event.request);
		const result = await overrideFor(event.params.id, signedIn(event), form);
		if (!result) error(404, NOT_FOUND);
		if (!result.ok) {
			const [score, reason] = [field(form, 'score'), field(form, 'reason')];
			return fail(400, { where: 'override' as const, message: result.message, score, reason });
		}

		backToStep(event, 'override');
	}
};
