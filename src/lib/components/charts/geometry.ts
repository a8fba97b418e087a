/**
 * The arithmetic of the dashboard charts: numbers in, SVG coordinates and labels out. Every
 * coordinate is rounded to a tenth, so the server writes the same markup on every machine.
 */

/** A tenth of a unit is finer than a screen shows and keeps the markup short and stable. */
export function round1(value: number): number {
	return Math.round(value * 10) / 10;
}

/** A score or mean for people to read: at most one decimal ("77.5", "80"). */
export function formatNumber(value: number): string {
	return String(round1(value));
}

/** A share (0-1) as a whole percentage: "75%". */
export function formatPercent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/** The trend's canvas: a 0-100 axis on the left, the days along the bottom. */
export const TREND = { width: 320, height: 160, left: 32, right: 8, top: 8, bottom: 24 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970 of a calendar day "YYYY-MM-DD", so points keep their distance in time. */
function dayNumber(day: string): number {
	const [year, month, date] = day.split('-').map(Number);

	return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** The y of a 0-100 score on the trend's axis. */
export function trendY(score: number): number {
	const plot = TREND.height - TREND.top - TREND.bottom;

	return round1(TREND.top + ((100 - Math.min(100, Math.max(0, score))) / 100) * plot);
}

/** Positions of daily scores: x by calendar distance from the first day, y by the score. */
export function trendPoints(points: { day: string; score: number }[]): { x: number; y: number }[] {
	const plot = TREND.width - TREND.left - TREND.right;
	const first = points.length ? dayNumber(points[0].day) : 0;
	const span = points.length ? dayNumber(points[points.length - 1].day) - first : 0;

	return points.map(({ day, score }) => ({
		x: round1(TREND.left + (span === 0 ? plot / 2 : ((dayNumber(day) - first) / span) * plot)),
		y: trendY(score)
	}));
}

/** A bar's length for `value` on a scale that ends at `max`; nothing when the scale is empty. */
export function barLength(value: number, max: number, length: number): number {
	if (max <= 0) return 0;

	return round1((Math.min(Math.max(value, 0), max) / max) * length);
}

/** Five shades, 0 for never neglected to 4 for (nearly) always; null when nothing was judged. */
export function shadeOf(rate: number | null): 0 | 1 | 2 | 3 | 4 | null {
	if (rate === null) return null;

	return Math.min(4, Math.ceil(Math.max(0, rate) * 4)) as 0 | 1 | 2 | 3 | 4;
}

/**
 * A label cut to fit about `units` Latin letters, a CJK character counting as two and the
 * ellipsis as one; the full label stays in the chart's table and in a tooltip.
 */
export function fitLabel(label: string, units: number): string {
	const chars = Array.from(label);
	const widths = chars.map((char) => ((char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1));
	if (widths.reduce((sum, width) => sum + width, 0) <= units) return label;

	let used = 1;
	let fitted = '';
	for (const [i, char] of chars.entries()) {
		used += widths[i];
		if (used > units) break;
		fitted += char;
	}

	return `${fitted.trimEnd()}…`;
}
