import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('cli --format html (issue 9)', () => {
  it('writes one self-contained review page for a folder of reports, readable offline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-html-'));
    try {
      const out = join(dir, 'report.html');
      const r = spawnSync(process.execPath, ['dist/cli.js', 'lint', '--format', 'html', '-o', out, 'test/fixtures/seeds'], { encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      const html = readFileSync(out, 'utf8');
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /(src|href)\s*=\s*["']https?:/i);
      for (const n of ['000', '001', '002', '003', '004']) assert.match(html, new RegExp(n), `report ${n} listed`);
      // seed 002's two wrong （七）总计 cells are marked
      assert.ok((html.match(/nb-bad/g) ?? []).length >= 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the page to stdout without -o', () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'lint', '--format', 'html', 'examples/2023-shili-shujuju.md'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /<table/);
    assert.match(r.stdout, /2023/);
  });
});
