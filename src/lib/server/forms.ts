/**
 * Reading a posted form. A body no page of ours would send (garbled multipart, a truncated
 * upload) makes `request.formData()` throw; that is the sender's mistake, answered with a 400,
 * not a server fault.
 */
export const UNREADABLE_FORM = 'The form could not be read. Reload the page and try again.';

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
