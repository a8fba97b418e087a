/**
 * Calendar days in the viewer's time zone. Dates a person reads (due dates, a chart's days)
 * are bucketed where the person is, not in UTC.
 */

/** Whether the name is an IANA time zone this runtime knows ("Asia/Shanghai", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** Throws a sentence naming the zone unless this runtime knows it. */
export function assertTimeZone(timeZone: string): void {
	if (!isValidTimeZone(timeZone)) {
		throw new Error(`Unknown time zone "${timeZone}": use an IANA name such as "Europe/Berlin".`);
	}
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (!format) {
		assertTimeZone(timeZone);
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			calendar: 'gregory',
			numberingSystem: 'latn',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		formatters.set(timeZone, format);
	}

	return format;
}

/**
 * The instant as a Date; refuses, naming it, a text that is no ISO 8601 time (read as the store's
 * files are checked, by `Date.parse`) and an invalid Date.
 */
function instantOf(instant: string | Date): Date {
	const time = new Date(instant);
	if (Number.isNaN(time.getTime())) {
		throw new Error(
			`"${String(instant)}" is not an ISO 8601 time; pass one such as "2026-03-02T09:00:00.000Z".`
		);
	}

	return time;
}

/** The calendar day ("2026-03-02") an instant falls on in the time zone. */
export function dayInZone(instant: string | Date, timeZone: string): string {
	const parts = formatterFor(timeZone).formatToParts(instantOf(instant));
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';

	return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "2026-03-02 14:05" in the time zone, for tables. */
export function minuteInZone(instant: string, timeZone: string): string {
	const format = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	});

	return format.format(new Date(instant)).replace(',', '');
}
