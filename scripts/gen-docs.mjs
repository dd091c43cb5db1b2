// Writes docs/rules/<id>.md and docs/rules/README.md from the rule metadata (npm run docs).
// A test fails when the committed pages differ from what this script would write.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = 'out/gen-docs.cjs';
await esbuild.build({ entryPoints: ['server/src/core/index.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const require = createRequire(import.meta.url);
const core = require('../' + out);
mkdirSync('docs/rules', { recursive: true });
const wanted = new Set();
for (const rule of core.RULES) {
  writeFileSync(`docs/rules/${rule.meta.id}.md`, core.renderRuleDoc(rule));
  wanted.add(`${rule.meta.id}.md`);
}
writeFileSync('docs/rules/README.md', core.docsIndex(core.RULES));
wanted.add('README.md');
for (const f of readdirSync('docs/rules')) if (!wanted.has(f)) unlinkSync(`docs/rules/${f}`);
console.log(`docs/rules: ${core.RULES.length} rule pages`);
