// Prints "N passed, N failed" from vitest's and Playwright's JSON reports (those present).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;

for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) continue;
	const report = JSON.parse(readFileSync(file, 'utf8'));
	if ('numPassedTests' in report) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
	} else if (report.stats) {
		passed += report.stats.expected + report.stats.flaky;
		failed += report.stats.unexpected;
	}
}

console.log(`${passed} passed, ${failed} failed`);
