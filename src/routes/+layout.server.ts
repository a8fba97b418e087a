import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	// Only the name: the key identifies the trainee's history and stays in the httpOnly cookie.
	return { trainee: locals.trainee ? { name: locals.trainee.name } : null };
};
