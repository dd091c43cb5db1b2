/**
 * Nothing from the workspace is executed: the server and CLI bundles start no processes and compile no strings
 * to code (the .docx library lives in its own bundle, dist/mammoth.js, loaded only for .docx input), and the
 * project configuration is JSON, never a module.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseConfigFile } from '../server/src/core';

const FORBIDDEN: [RegExp, string][] = [
  [/require\(\s*["'](node:)?child_process["']\s*\)/, 'require("child_process")'],
  [/from\s+["'](node:)?child_process["']/, 'import from child_process'],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/(^|[^.\w$])eval\s*\(/m, 'eval('],
];

describe('security of the bundles', () => {
  for (const bundle of ['dist/server.js', 'dist/cli.js']) {
    it(`${bundle} starts no process and compiles no code from strings`, () => {
      const code = readFileSync(bundle, 'utf8');
      for (const [re, what] of FORBIDDEN) assert.doesNotMatch(code, re, `${bundle} contains ${what}`);
    });
  }

  it('a .nianbao.json is read as JSON only: code in it is neither run nor accepted', () => {
    const r = parseConfigFile('module.exports = { rules: {} }; process.exit(3)');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message.zh, /不是有效的 JSON/);
    assert.deepEqual(r.settings, {});
  });
});
