import { isRedirect, type Cookies } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';

// The sign-in page reads the address it was opened at from SvelteKit's page state.
const opened = vi.hoisted(() => ({ url: new URL('http://127.0.0.1/signin') }));
vi.mock('$app/state', () => ({ page: opened }));

const { actions } = await import('../../../src/routes/signout/+page.server');
const { default: SignInPage } = await import('../../../src/routes/signin/+page.svelte');

const SIGNED_OUT = '<p class="notice success" role="status">You are signed out.</p>';

/** The sign-in page as opened at `path`, after a refused sign-in when `form` is given. */
function signInPage(path: string, form: { username: string; message: string } | null = null) {
	opened.url = new URL(path, 'http://127.0.0.1');

	return render(SignInPage, { props: { data: { hasAccounts: true }, form } as never }).body;
}

describe('signing out', () => {
	it('ends the session cookie and lands on the sign-in page flagged as signed out', async () => {
		const cookies = { delete: vi.fn() } as unknown as Cookies;
		let location = '';
		try {
			await actions.default({ cookies, locals: { viewer: null, sessionToken: null } } as never);
		} catch (thrown) {
			if (!isRedirect(thrown)) throw thrown;
			location = `${thrown.status} ${thrown.location}`;
		}

		expect(location).toBe('303 /signin?signedout=1');
		expect(cookies.delete).toHaveBeenCalledWith('five_lines_session', { path: '/' });
	});
});

describe('the sign-in page', () => {
	it('says the visitor is signed out after signing out', () => {
		expect(signInPage('/signin?signedout=1')).toContain(SIGNED_OUT);
	});

	it.each([
		['opened plainly', '/signin', null],
		['after a refused sign-in', '/signin?signedout=1', { username: 'ann', message: 'No.' }]
	])('says nothing of signing out when %s', (_, path, form) => {
		expect(signInPage(path, form)).not.toContain('signed out');
	});
});
