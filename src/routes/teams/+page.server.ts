import { fail } from '@sveltejs/kit';
import { readForm, textField, UNREADABLE_FORM } from '$lib/server/forms';
import { withRole } from '$lib/server/guards';
import { createTeamFor, teamsOverview } from '$lib/server/team-pages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => teamsOverview(withRole(event, 'coach', 'manager'));

export const actions: Actions = {
	create: async (event) => {
		withRole(event, 'manager');
		const form = await readForm(event.request);
		if (!form) return fail(400, { name: '', message: UNREADABLE_FORM });

		const name = textField(form, 'name');
		const result = await createTeamFor(name, textField(form, 'coachId'));
		if (!result.ok) return fail(400, { name, message: result.error });

		return { created: result.team.name };
	}
};
