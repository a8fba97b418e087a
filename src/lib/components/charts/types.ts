/**
 * The words a chart shows, in the viewer's language; the page takes them from the UI text
 * dictionary. Every chart has a title (its caption), a one-sentence description for screen
 * readers, and the label of the table that carries the same numbers as text.
 */
export interface ChartText {
	title: string;
	description: string;
	/** The summary of the disclosure that holds the table: "The numbers". */
	table: string;
}

export interface TrendText extends ChartText {
	day: string;
	score: string;
	attempts: string;
}

export interface HeatMapText extends ChartText {
	trainee: string;
	/** What "—" means in a cell, for the table's caption: "— no attempt judged the line". */
	notJudged: string;
}

export interface BarChartText extends ChartText {
	/** Headers of the table's two columns: what a bar is and the value written beside it. */
	label: string;
	value: string;
}

/** One bar: its label, its length on the chart's scale and the text written beside it. */
export interface Bar {
	label: string;
	value: number;
	display: string;
}
