import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { AssignmentsOverview } from '../../../src/lib/server/assignment-pages';
import AssignmentsPage from '../../../src/routes/assignments/+page.svelte';

const CITY = 'Northbridge City Hospital';

/** Ada's page: one scenario to assign, her team North, and one assignment she may remove. */
const DATA: AssignmentsOverview = {
	assignments: [
		{
			id: 'a-1',
			scenarioId: 'city-hospital',
			scenarioTitle: CITY,
			targetText: 'Team North',
			dueDate: '2026-12-10',
			passMark: 70,
			policyText: 'Best attempt counts',
			createdByName: 'Ada Coach',
			canRemove: true,
			rows: []
		}
	],
	choices: {
		scenarios: [{ id: 'city-hospital', title: CITY, passMark: 70 }],
		teams: [{ id: 't-north', name: 'North' }],
		trainees: [{ id: 'u-mei', name: 'Mei Chen' }],
		today: '2026-12-01'
	}
};

function page(form: Record<string, unknown> | null = null): string {
	return render(AssignmentsPage, { props: { data: DATA, form } as never }).body;
}

describe('the assignments page', () => {
	it('answers a create that overlaps another assignment with its notice', () => {
		const notice =
			'Already assigned this scenario: Mei Chen through Team North, due 2026-12-10. ' +
			'This assignment was made as well.';
		const body = page({ created: CITY, notice });

		expect(body).toContain(`<p class="notice success" role="status">Assigned ${CITY}.</p>`);
		expect(body).toContain(`<p class="notice warning" role="status">${notice}</p>`);
	});

	it('answers a create that overlaps nothing with the confirmation alone', () => {
		expect(page({ created: CITY, notice: null })).not.toContain('notice warning');
	});

	it('asks to confirm a removal, the submit button inside the disclosure', () => {
		const body = page()
			.replace(/ class="svelte-[a-z0-9]+"/g, '')
			.replace(/\s+/g, ' ');
		const disclosure = body.slice(body.indexOf('<details'), body.indexOf('</details>'));

		expect(disclosure).toContain(
			'<summary aria-label="Remove Northbridge City Hospital for Team North">Remove</summary>'
		);
		expect(disclosure).toContain('<form method="POST" action="?/remove">');
		expect(disclosure).toContain('<p>Remove this assignment for Team North?</p>');
		expect(disclosure).toContain('<button class="secondary">Yes, remove it</button>');
		expect(body.indexOf('?/remove')).toBeGreaterThan(body.indexOf('<details'));
	});
});
