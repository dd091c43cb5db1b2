// npm run docs: regenerates everything that is derived from the rule metadata —
// - docs/rules/<id>.md and docs/rules/README.md;
// - schemas/nianbao.schema.json (the JSON schema of .nianbao.json, contributed through jsonValidation);
// - the properties of the setting nianbao.rules in package.json, and their descriptions in package.nls*.json.
// test/docs.test.ts and test/generated.test.ts fail when a committed file differs from what this script writes.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = 'out/gen-docs.cjs';
const outManifest = 'out/gen-manifest.cjs';
const options = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' };
await Promise.all([
  esbuild.build({ ...options, entryPoints: ['server/src/core/index.ts'], outfile: out }),
  esbuild.build({ ...options, entryPoints: ['client/src/manifest.ts'], outfile: outManifest }),
]);
const require = createRequire(import.meta.url);
const core = require('../' + out);
const manifest = require('../' + outManifest);

mkdirSync('docs/rules', { recursive: true });
const wanted = new Set();
for (const rule of core.RULES) {
  writeFileSync(`docs/rules/${rule.meta.id}.md`, core.renderRuleDoc(rule));
  wanted.add(`${rule.meta.id}.md`);
}
for (const rule of core.CROSS_YEAR_RULES) {
  writeFileSync(`docs/rules/${rule.meta.id}.md`, core.renderRuleDoc(rule));
  wanted.add(`${rule.meta.id}.md`);
}
writeFileSync('docs/rules/README.md', core.docsIndex([...core.RULES, ...core.CROSS_YEAR_RULES]));
wanted.add('README.md');
for (const f of readdirSync('docs/rules')) if (!wanted.has(f)) unlinkSync(`docs/rules/${f}`);
console.log(`docs/rules: ${core.RULES.length} rule pages`);

mkdirSync('schemas', { recursive: true });
writeFileSync(manifest.SCHEMA_FILE, manifest.schemaText());
/** Rewrites a file only when its content changes (keeps timestamps of untouched files). */
function update(file, transform) {
  const before = readFileSync(file, 'utf8');
  const after = transform(before);
  if (after !== before) writeFileSync(file, after);
  return after !== before;
}
const changed = [
  update('package.json', (t) => manifest.updatePackageJson(t)) && 'package.json',
  update('package.nls.json', (t) => manifest.updateNls(t, 'en')) && 'package.nls.json',
  update('package.nls.zh-cn.json', (t) => manifest.updateNls(t, 'zh')) && 'package.nls.zh-cn.json',
].filter(Boolean);
console.log(`${manifest.SCHEMA_FILE}; setting nianbao.rules: ${core.RULES.length} rules${changed.length ? ` (updated ${changed.join(', ')})` : ''}`);
