// npm test: type-check, build (with the tests), run every mocha test, and end with one plain line
// "N passed, N failed" that CI reads (it does not read mocha's own summary).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

function step(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`\n0 passed, 1 failed`);
    process.exit(1);
  }
}

step(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit']);
step(process.execPath, ['scripts/build.mjs', '--tests']);

const grep = process.argv.slice(2).find((a) => !a.startsWith('-'));
const mocha = new Mocha({ reporter: 'spec', timeout: 20000, grep });
for (const f of readdirSync('out/test').filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join('out/test', f));
let passed = 0;
let failed = 0;
const runner = mocha.run(() => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
});
runner.on('pass', () => passed++);
runner.on('fail', () => failed++);
