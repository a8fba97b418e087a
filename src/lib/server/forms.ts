/**
 * Reading a posted form. A body no page of ours would send (garbled multipart, a truncated
 * upload) makes `request.formData()` throw; that is the sender's mistake, answered with a 400,
 * not a server fault.
 */
import { uiText } from '$lib/ui-text';

/** For the site-wide forms, which speak English; a move is refused in its scenario's language. */
export const UNREADABLE_FORM = uiText('en').refusals.unreadableForm;

/** The posted form, or null when the body cannot be read as one. */
export async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

/** A text field's value; '' when it is missing or a file. */
export function textField(form: FormData, name: string): string {
	const value = form.get(name);

	return typeof value === 'string' ? value : '';
}
