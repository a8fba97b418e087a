import { error, fail } from '@sveltejs/kit';
import { createAssignmentFor, removeAssignmentFor } from '$lib/server/assignment-create';
import { assignmentsOverview } from '$lib/server/assignment-pages';
import { readForm, textField, UNREADABLE_FORM } from '$lib/server/forms';
import { withRole } from '$lib/server/guards';
import { viewerTimeZone } from '$lib/server/viewer-zone';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const viewer = withRole(event, 'coach', 'manager');

	return assignmentsOverview(viewer, viewerTimeZone(event.url, event.cookies));
};

export const actions: Actions = {
	create: async (event) => {
		const viewer = withRole(event, 'coach', 'manager');
		const form = await readForm(event.request);
		if (!form) return fail(400, { errors: { scenarioId: UNREADABLE_FORM }, values: null });

		const timeZone = viewerTimeZone(event.url, event.cookies);
		const result = await createAssignmentFor(viewer, form, timeZone);
		if (!result.ok) return fail(400, { errors: result.errors, values: result.values });

		return { created: result.assignment.scenarioTitle, notice: result.notice };
	},
	remove: async (event) => {
		const viewer = withRole(event, 'coach', 'manager');
		const form = await readForm(event.request);
		const id = form ? textField(form, 'id') : '';

		if (!(await removeAssignmentFor(viewer, id))) {
			error(404, 'There is no such assignment; it may have been removed already.');
		}

		return { removed: true };
	}
};
