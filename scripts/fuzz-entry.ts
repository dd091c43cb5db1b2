/**
 * The fuzzer behind `npm run fuzz` (bundled by scripts/fuzz.mjs): N generated documents, each must lint
 * without an exception, within 100 ms, with every range inside the document, and every offered fix must apply
 * without throwing. npm test runs a smaller slice of the same generator (test/property.test.ts).
 */
import fc from 'fast-check';
import { applyEdits, INTERNAL_ERROR_RULE, lint, type Range } from '../server/src/core';
import { mutate, mutation } from '../test/mutations';

function inside(r: Range, lines: string[]): boolean {
  const ok = (p: Range['start']): boolean => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

export function fuzz(runs: number, seed: number): { runs: number; slowest: number; p99: number; retimed: number; failures: string[] } {
  const times: number[] = [];
  const failures: string[] = [];
  let retimed = 0;
  const samples = fc.sample(mutation, { numRuns: runs, seed });
  for (let i = 0; i < samples.length; i++) {
    const m = samples[i];
    let text = '';
    try {
      text = mutate(m);
      const t0 = performance.now();
      const r = lint(text);
      const dt = performance.now() - t0;
      times.push(dt);
      if (dt > 100) {
        // a pause of the machine (GC, another process) is not the document's fault: time it again, alone
        let best = dt;
        for (let k = 0; k < 3 && best > 100; k++) {
          const t1 = performance.now();
          lint(text);
          best = Math.min(best, performance.now() - t1);
        }
        if (best > 100) failures.push(`#${i}: ${best.toFixed(0)} ms (> 100 ms) on every try, ${text.length} chars: ${JSON.stringify(m).slice(0, 300)}`);
        else retimed++;
      }
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of r.diagnostics) {
        if (d.rule === INTERNAL_ERROR_RULE) failures.push(`#${i}: ${d.message.en}`);
        if (!inside(d.range, lines)) failures.push(`#${i}: ${d.rule} range outside the document`);
        for (const x of d.related) if (!inside(x.range, lines)) failures.push(`#${i}: ${d.rule} related range outside`);
        for (const f of d.fixes) {
          for (const e of f.edits) if (!inside(e.range, lines)) failures.push(`#${i}: ${d.rule} fix edit outside`);
          applyEdits(r.model, f.edits);
        }
      }
    } catch (e) {
      failures.push(`#${i}: exception ${(e as Error).stack ?? e} on ${JSON.stringify(m).slice(0, 300)}`);
    }
    if (failures.length > 20) break;
    if ((i + 1) % 10000 === 0) process.stderr.write(`  ${i + 1} / ${runs}\n`);
  }
  times.sort((a, b) => a - b);
  return { runs: times.length, slowest: times[times.length - 1] ?? 0, p99: times[Math.floor(times.length * 0.99)] ?? 0, retimed, failures };
}
