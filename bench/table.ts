/** The bench's one table: each figure, its target beside it, and pass or miss. */

export interface Row {
	figure: string;
	measured: string;
	target: string;
	/** null for a figure shown for context, with no target of its own. */
	pass: boolean | null;
}

/** A markdown table, so it reads in a terminal and pastes into bench/README.md as is. */
export function formatTable(rows: Row[]): string {
	const cells = rows.map((row) => [
		row.figure,
		row.measured,
		row.target,
		row.pass === null ? '' : row.pass ? 'pass' : 'MISS'
	]);
	const header = ['figure', 'measured (median)', 'target', 'result'];
	const widths = header.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
	const line = (values: string[]) =>
		`| ${values.map((value, i) => value.padEnd(widths[i])).join(' | ')} |`;

	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
