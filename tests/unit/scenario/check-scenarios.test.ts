import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function check(...files: string[]): { status: number | null; stderr: string } {
	const run = spawnSync('node_modules/.bin/tsx', ['scripts/check-scenarios.ts', ...files], {
		encoding: 'utf8'
	});

	return { status: run.status, stderr: run.stderr };
}

describe('scripts/check-scenarios', () => {
	it('reports a missing file, a directory and a Latin-1 file, and goes on to the next', () => {
		const dir = mkdtempSync(join(tmpdir(), 'five-lines-check-'));
		const latin1 = join(dir, 'latin1.md');
		writeFileSync(latin1, Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
		const name = (file: string) => relative(process.cwd(), file);

		const { status, stderr } = check(join(dir, 'missing.md'), dir, latin1);

		expect(stderr).toContain(`${name(join(dir, 'missing.md'))}: cannot read it (no such file)\n`);
		expect(stderr).toContain(`${name(dir)}: cannot read it (it is a directory)\n`);
		expect(stderr).toContain(
			`${name(latin1)}:1:6: the file is not UTF-8 text — save it as UTF-8\n`
		);
		expect(stderr).not.toContain('    at ');
		expect(status).toBe(1);
	}, 20_000);
});
