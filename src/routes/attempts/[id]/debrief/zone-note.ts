/**
 * The debrief's one sentence naming the time zone its review times are written in, in the
 * scenario's language like the rest of the page.
 */
import type { Language } from '$lib/scenario/types';

// TODO: move these words into the UI text dictionary (ui-text-en/zh) beside reviewNotes, where
// every other debrief sentence lives; they are here because that file is not this change's.
const TIMES_IN: Record<Language, (timeZone: string) => string> = {
	en: (timeZone) => `Times in ${timeZone}.`,
	zh: (timeZone) => `时间均按 ${timeZone} 时区显示。`
};

/** "Times in Asia/Shanghai." in the scenario's language. */
export function timesIn(language: Language, timeZone: string): string {
	return TIMES_IN[language](timeZone);
}
