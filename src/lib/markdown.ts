/**
 * Coach-written markdown to safe HTML: one configured marked instance, and its output always
 * goes through sanitize-html, because a scenario file is edited by hand and may carry raw HTML.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * A line break inside a paragraph reads as a space, which is right between English words and
 * wrong between Chinese characters: a coach who wraps Chinese prose would see stray gaps.
 */
const CJK_LINE_BREAK =
	/([\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])\n(?=[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])/g;

const marked = new Marked({
	async: false,
	gfm: true,
	breaks: false,
	walkTokens(token) {
		if (token.type === 'text' && !('tokens' in token && token.tokens)) {
			token.text = token.text.replace(CJK_LINE_BREAK, '$1');
		}
	}
});

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: [
		...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code'],
		...['strong', 'em', 'b', 'i', 'del', 's', 'sub', 'sup', 'ul', 'ol', 'li', 'a', 'img'],
		...['table', 'thead', 'tbody', 'tr', 'th', 'td']
	],
	allowedAttributes: {
		a: ['href', 'title', 'rel'],
		img: ['src', 'alt', 'title'],
		ol: ['start'],
		th: ['align'],
		td: ['align'],
		code: ['class']
	},
	allowedClasses: { code: ['language-*'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: { img: ['http', 'https'] },
	// `//host/path` would leave the site while looking relative.
	allowProtocolRelative: false,
	// Dropped tags lose their content too when it is code or styling, not prose.
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
	transformTags: {
		a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' })
	}
};

/**
 * The same narratives are rendered on every page of every attempt, and a scenario's texts
 * change only with its file: remember the latest renderings, a bounded number of them.
 */
const RENDERED = new Map<string, string>();
const RENDERED_CAPACITY = 5000;

/** Renders coach markdown to HTML that is safe to put in `{@html}`. */
export function renderMarkdown(md: string): string {
	const cached = RENDERED.get(md);
	if (cached !== undefined) return cached;

	const html = sanitizeHtml(marked.parse(md, { async: false }), SANITIZE);
	if (RENDERED.size >= RENDERED_CAPACITY) RENDERED.delete(RENDERED.keys().next().value as string);
	RENDERED.set(md, html);

	return html;
}
