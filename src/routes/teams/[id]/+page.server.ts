import { error, fail, redirect } from '@sveltejs/kit';
import { readForm, textField, UNREADABLE_FORM } from '$lib/server/forms';
import { withRole } from '$lib/server/guards';
import { addMember, findTeam, removeMember, setCoachFor, teamPage } from '$lib/server/team-pages';
import type { Actions, PageServerLoad } from './$types';

const NO_TEAM = 'There is no such team among yours.';

export const load: PageServerLoad = async (event) => {
	const viewer = withRole(event, 'coach', 'manager');
	const team = await findTeam(viewer, event.params.id);
	if (!team) error(404, NO_TEAM);

	return teamPage(viewer, team);
};

/** Reads the one field a team action posts; a manager only. */
async function managerField(event: Parameters<Actions[string]>[0], name: string) {
	withRole(event, 'manager');
	const form = await readForm(event.request);

	return form ? textField(form, name) : null;
}

/**
 * A change that worked goes back to the team page (post/redirect/get: a reload does not send
 * the form again); one that did not is answered with its sentence.
 */
function answer(result: { ok: true } | { ok: false; error: string }, teamId: string) {
	if (!result.ok) return fail(400, { message: result.error });

	redirect(303, `/teams/${teamId}`);
}

export const actions: Actions = {
	add: async (event) => {
		const traineeId = await managerField(event, 'traineeId');
		if (traineeId === null) return fail(400, { message: UNREADABLE_FORM });
		const result = await addMember(event.params.id, traineeId);

		return answer(result, event.params.id);
	},
	remove: async (event) => {
		const traineeId = await managerField(event, 'traineeId');
		if (traineeId === null) return fail(400, { message: UNREADABLE_FORM });
		const result = await removeMember(event.params.id, traineeId);

		return answer(result, event.params.id);
	},
	coach: async (event) => {
		const coachId = await managerField(event, 'coachId');
		if (coachId === null) return fail(400, { message: UNREADABLE_FORM });
		const result = await setCoachFor(event.params.id, coachId);

		return answer(result, event.params.id);
	}
};
