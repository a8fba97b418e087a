import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BarChart from '../../../src/lib/components/charts/BarChart.svelte';
import Funnel from '../../../src/lib/components/charts/Funnel.svelte';
import HeatMap from '../../../src/lib/components/charts/HeatMap.svelte';
import TrendChart from '../../../src/lib/components/charts/TrendChart.svelte';
import { fitLabel, shadeOf } from '../../../src/lib/components/charts/geometry';
import type { HeatCell, HeatRow } from '../../../src/lib/views/dashboard-types';

const TEXT = { title: 'The chart', description: 'What it shows.', table: 'The numbers' };
const LINE_NAMES = ['User', 'Technical', 'Management', 'Procurement', 'Finance'];

/** The server's markup without Svelte's hydration comments and scoped-style class names. */
function markup(body: string): string {
	return body
		.replace(/<!--[^]*?-->/g, '')
		.replace(/ ?svelte-[a-z0-9]+/g, '')
		.replace(/ class=""/g, '');
}

/** The texts of the elements matched by `pattern`'s first group, in document order. */
function all(html: string, pattern: RegExp): string[] {
	return [...html.matchAll(pattern)].map((match) => match[1]);
}

function svgOf(html: string): string {
	return html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
}

function tableOf(html: string): string {
	return html.slice(html.indexOf('<table'), html.indexOf('</table>'));
}

function cell(line: HeatCell['line'], neglected: number, judged: number): HeatCell {
	return { line, neglected, judged, rate: judged === 0 ? null : neglected / judged };
}

const ROWS: HeatRow[] = [
	{
		traineeId: 'ann',
		traineeName: 'Ann Lee',
		cells: [
			cell('user', 1, 2),
			cell('technical', 0, 1),
			cell('management', 0, 0),
			cell('procurement', 2, 2),
			cell('finance', 1, 3)
		]
	},
	{
		traineeId: 'bo',
		traineeName: 'Bo Chen',
		cells: [
			cell('user', 0, 0),
			cell('technical', 3, 4),
			cell('management', 1, 4),
			cell('procurement', 0, 0),
			cell('finance', 0, 2)
		]
	}
];

function heatMap(rows = ROWS, columns = LINE_NAMES): string {
	const text = { ...TEXT, trainee: 'Trainee', notJudged: '— no attempt judged the line' };

	return markup(render(HeatMap, { props: { rows, columns, text } }).body);
}

describe('HeatMap', () => {
	it('writes each cell as neglected/judged, and "—" where nothing was judged', () => {
		const counts = all(svgOf(heatMap()), /<text class="count[^"]*"[^>]*>([^<]*)<\/text>/g);

		expect(counts).toEqual(['1/2', '0/1', '—', '2/2', '1/3', '—', '3/4', '1/4', '—', '0/2']);
	});

	it('shades by rate in five steps, none where nothing was judged', () => {
		const shades = all(svgOf(heatMap()), /<rect class="shade-([^" ]+)/g);

		// 1/2 → ceil(2), 0/1 → 0, 2/2 → 4, 1/3 → ceil(1.33) = 2, 3/4 → 3, 1/4 → 1, 0/2 → 0.
		expect(shades).toEqual(['2', '0', 'none', '4', '2', 'none', '3', '1', 'none', '0']);
	});

	it('gives the same numbers in its table, row by row under the line names', () => {
		const table = tableOf(heatMap());

		expect(all(table, /<th scope="col">([^<]*)<\/th>/g)).toEqual(['Trainee', ...LINE_NAMES]);
		expect(all(table, /<th scope="row">([^<]*)<\/th>/g)).toEqual(['Ann Lee', 'Bo Chen']);
		expect(all(table, /<td>([^<]*)<\/td>/g)).toEqual([
			'1/2',
			'0/1',
			'—',
			'2/2',
			'1/3',
			'—',
			'3/4',
			'1/4',
			'—',
			'0/2'
		]);
		expect(table).toContain('<caption>— no attempt judged the line</caption>');
	});

	it('is a labelled image: its title and description are the ones it points at', () => {
		const html = heatMap();
		const [labelledBy, describedBy] = all(html, /aria-(?:labell|describ)edby="([^"]+)"/g);

		expect(html).toContain(`<svg role="img" aria-labelledby="${labelledBy}"`);
		expect(html).toContain(`<title id="${labelledBy}">The chart</title>`);
		expect(html).toContain(`<desc id="${describedBy}">What it shows.</desc>`);
		expect(html).toContain('<figcaption>The chart</figcaption>');
		expect(labelledBy).not.toBe(describedBy);
	});

	it('escapes a hostile trainee name', () => {
		const hostile = [{ ...ROWS[0], traineeName: '<script>alert(1)</script>' }];

		expect(heatMap(hostile)).not.toContain('<script>');
		expect(heatMap(hostile)).toContain('&lt;script>alert(1)&lt;/script>');
	});

	it('writes the same markup every time', () => {
		expect(heatMap()).toBe(heatMap());
	});

	it('centres each line name in a column 96 wide, after the 128 of the names', () => {
		const svg = svgOf(heatMap());

		expect(svg).toContain('viewBox="0 0 608 80"');
		expect(all(svg, /<text class="column" x="([^"]+)"/g)).toEqual([
			'176',
			'272',
			'368',
			'464',
			'560'
		]);
		expect(all(svg, /<text class="column"[^>]*>([^<]*)<title>/g)).toEqual(LINE_NAMES);
	});

	it('cuts a line name past 12 letters in the drawing and keeps it whole in the tooltip', () => {
		const columns = ['Procurement and purchasing', ...LINE_NAMES.slice(1)];
		const html = heatMap(ROWS, columns);

		expect(svgOf(html)).toContain('>Procurement…<title>Procurement and purchasing</title></text>');
		expect(tableOf(html)).toContain('<th scope="col">Procurement and purchasing</th>');
	});
});

describe('ChartFigure', () => {
	it("sizes the charts' text relative to the page, in no fixed pixels", () => {
		const source = readFileSync(
			fileURLToPath(
				new URL('../../../src/lib/components/charts/ChartFigure.svelte', import.meta.url)
			),
			'utf8'
		);
		const { css } = compile(source, { filename: 'ChartFigure.svelte' });
		const sizes = all(css?.code ?? '', /font-size:\s*([^;]+);/g);

		expect(sizes).toEqual(['0.6875rem']);
	});
});

function trend(points: { day: string; score: number; attempts: number }[]): string {
	const text = { ...TEXT, day: 'Day', score: 'Mean score', attempts: 'Attempts' };

	return markup(render(TrendChart, { props: { points, text } }).body);
}

describe('TrendChart', () => {
	const POINTS = [
		{ day: '2026-03-01', score: 60, attempts: 1 },
		{ day: '2026-03-02', score: 77.5, attempts: 2 },
		{ day: '2026-03-05', score: 90, attempts: 1 }
	];

	it('draws the daily scores at their calendar distance on the 0-100 axis', () => {
		// Plot: x 32 to 312 (280 wide) over 4 days, y 8 (100) to 136 (0), 1.28 per point.
		// 1 March: x 32, y 8 + 40 × 1.28 = 59.2; 2 March: x 32 + 70 = 102, y 8 + 22.5 × 1.28 =
		// 36.8; 5 March: x 312, y 8 + 10 × 1.28 = 20.8.
		const html = trend(POINTS);

		expect(html).toContain('<polyline class="trend" points="32,59.2 102,36.8 312,20.8">');
		expect(all(html, /<circle class="dot" cx="([\d.]+)"/g)).toEqual(['32', '102', '312']);
	});

	it('labels the axis at 0, 50 and 100', () => {
		expect(all(svgOf(trend(POINTS)), /<text class="tick"[^>]*>(\d+)<\/text>/g)).toEqual([
			'0',
			'50',
			'100'
		]);
	});

	it('draws a single day as a dot in the middle, with no line', () => {
		const html = trend([{ day: '2026-03-01', score: 50, attempts: 1 }]);

		expect(html).not.toContain('<polyline');
		expect(html).toContain('<circle class="dot" cx="172" cy="72" r="3">');
	});

	it('gives the same numbers in its table', () => {
		const table = tableOf(trend(POINTS));

		expect(all(table, /<th scope="row">([^<]*)<\/th>/g)).toEqual([
			'2026-03-01',
			'2026-03-02',
			'2026-03-05'
		]);
		expect(all(table, /<td>([^<]*)<\/td>/g)).toEqual(['60', '1', '77.5', '2', '90', '1']);
	});
});

describe('BarChart', () => {
	it('draws bars on the scale of max and writes each value', () => {
		const bars = [
			{ label: 'North', value: 75, display: '75' },
			{ label: 'South', value: 50, display: '50' }
		];
		const text = { ...TEXT, label: 'Team', value: 'Mean score' };
		const html = markup(render(BarChart, { props: { bars, max: 100, text } }).body);

		// 200 units for 100: 75 → 150, 50 → 100; the value is written 6 past the bar's end.
		expect(all(html, /<rect class="bar"[^>]* width="([\d.]+)"/g)).toEqual(['150', '100']);
		expect(all(svgOf(html), /<text class="value" x="([\d.]+)"/g)).toEqual(['324', '274']);
		expect(all(tableOf(html), /<td>([^<]*)<\/td>/g)).toEqual(['75', '50']);
	});

	it('cuts a long label in the drawing and keeps it whole in the tooltip and the table', () => {
		const label = 'Go to management with support behind you';
		const text = { ...TEXT, label: 'Rule', value: 'Broken' };
		const bars = [{ label, value: 3, display: '3 · 75%' }];
		const html = markup(render(BarChart, { props: { bars, max: 4, text } }).body);

		expect(html).toContain(`>Go to management with sup…<title>${label}</title></text>`);
		expect(tableOf(html)).toContain(`<th scope="row">${label}</th><td>3 · 75%</td>`);
	});
});

describe('Funnel', () => {
	it('draws each stage on the scale of the first and writes count and share', () => {
		const steps = [
			{ label: 'Discovery', value: 4 },
			{ label: 'Specification', value: 3 },
			{ label: 'Tender', value: 3 },
			{ label: 'Decision', value: 1 },
			{ label: 'Won', value: 2 }
		];
		const text = { ...TEXT, label: 'Stage', value: 'Attempts' };
		const html = markup(render(Funnel, { props: { steps, text } }).body);

		expect(all(html, /<rect class="bar"[^>]* width="([\d.]+)"/g)).toEqual([
			'200',
			'150',
			'150',
			'50',
			'100'
		]);
		expect(all(tableOf(html), /<td>([^<]*)<\/td>/g)).toEqual([
			'4 · 100%',
			'3 · 75%',
			'3 · 75%',
			'1 · 25%',
			'2 · 50%'
		]);
	});

	it('draws no bars and writes plain zeros when no attempt finished', () => {
		const steps = [{ label: 'Discovery', value: 0 }];
		const text = { ...TEXT, label: 'Stage', value: 'Attempts' };
		const html = markup(render(Funnel, { props: { steps, text } }).body);

		expect(all(html, /<rect class="bar"[^>]* width="([\d.]+)"/g)).toEqual(['0']);
		expect(all(tableOf(html), /<td>([^<]*)<\/td>/g)).toEqual(['0']);
	});
});

describe('chart geometry', () => {
	it.each([
		[null, null],
		[0, 0],
		[0.2, 1],
		[0.25, 1],
		[0.5, 2],
		[0.51, 3],
		[1, 4]
	])('shades a rate of %s as %s', (rate, shade) => {
		expect(shadeOf(rate)).toBe(shade);
	});

	it.each([
		['Ann Lee', 18, 'Ann Lee'],
		['Margaret Hale-Richardson', 18, 'Margaret Hale-Ric…'], // 17 letters and the ellipsis
		['Margaret Hale-Ri', 16, 'Margaret Hale-Ri'], // fits exactly
		['先拿下技术线和采购线，再见管理层', 10, '先拿下技…'] // 4 × 2 units and the ellipsis
	])('fits %j into %i units as %j', (label, units, fitted) => {
		expect(fitLabel(label, units)).toBe(fitted);
	});
});
