import { describe, expect, it } from 'vitest';
import { dayInZone, isValidTimeZone } from '../../src/lib/time-zone';

describe('dayInZone', () => {
	it.each([
		['2026-03-01T23:30:00Z', 'UTC', '2026-03-01'],
		['2026-03-01T23:30:00Z', 'Asia/Shanghai', '2026-03-02'], // 07:30, UTC+8
		['2026-03-01T23:30:00Z', 'America/Los_Angeles', '2026-03-01'], // 15:30, UTC-8
		['2026-03-01T18:14:00Z', 'Asia/Kathmandu', '2026-03-01'], // 23:59, UTC+5:45
		['2026-03-01T18:15:00Z', 'Asia/Kathmandu', '2026-03-02'], // 00:00
		// Los Angeles moves to daylight time on 8 March 2026: that day lasts 23 hours.
		['2026-03-08T07:59:59Z', 'America/Los_Angeles', '2026-03-07'], // 23:59:59 PST
		['2026-03-08T08:00:00Z', 'America/Los_Angeles', '2026-03-08'], // 00:00 PST
		['2026-03-09T06:59:59Z', 'America/Los_Angeles', '2026-03-08'], // 23:59:59 PDT
		['2026-03-09T07:00:00Z', 'America/Los_Angeles', '2026-03-09'], // 00:00 PDT
		// Berlin leaves summer time on 25 October 2026: that day lasts 25 hours.
		['2026-10-24T21:59:59Z', 'Europe/Berlin', '2026-10-24'], // 23:59:59 CEST
		['2026-10-24T22:00:00Z', 'Europe/Berlin', '2026-10-25'], // 00:00 CEST
		['2026-10-25T22:59:59Z', 'Europe/Berlin', '2026-10-25'], // 23:59:59 CET
		['2026-10-25T23:00:00Z', 'Europe/Berlin', '2026-10-26'] // 00:00 CET
	])('puts %s in %s on %s', (iso, timeZone, day) => {
		expect(dayInZone(iso, timeZone)).toBe(day);
	});

	it('takes a Date as well as its ISO text', () => {
		expect(dayInZone(new Date('2026-03-01T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
	});

	it.each([
		[
			'yesterday',
			'"yesterday" is not an ISO 8601 time; pass one such as "2026-03-02T09:00:00.000Z".'
		],
		['', '"" is not an ISO 8601 time; pass one such as "2026-03-02T09:00:00.000Z".'],
		[
			new Date('no time'),
			'"Invalid Date" is not an ISO 8601 time; pass one such as "2026-03-02T09:00:00.000Z".'
		]
	])('refuses %j, naming it', (instant, sentence) => {
		expect(() => dayInZone(instant, 'UTC')).toThrow(sentence);
	});

	it('refuses an unknown time zone, naming it', () => {
		expect(() => dayInZone('2026-03-01T23:30:00Z', 'Mars/Olympus')).toThrow(
			'Unknown time zone "Mars/Olympus": use an IANA name such as "Europe/Berlin".'
		);
	});
});

describe('isValidTimeZone', () => {
	it.each([
		['Europe/Berlin', true],
		['UTC', true],
		['Asia/Shanghai', true],
		['Mars/Olympus', false],
		['', false]
	])('%j is %s', (timeZone, isValid) => {
		expect(isValidTimeZone(timeZone)).toBe(isValid);
	});
});
