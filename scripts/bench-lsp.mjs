// The LSP part of `npm run bench` (scripts/bench.mjs starts it): a measuring client in a fresh process of its
// own starts `node dist/server.js --stdio`, opens a report and times didChange → publishDiagnostics.
//   node scripts/bench-lsp.mjs REPORT EDITS MEMORY(0|1) WAIT-FOR-WARM-UP(0|1)
// Prints one JSON line: median and p99 of the round trip and of the server's own share, heap figures, warm-up.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { StreamMessageReader, StreamMessageWriter, createMessageConnection } = require('vscode-jsonrpc/node');
async function lspBench(seedPath, edits, memEdits, waitWarm) {
  const child = spawn(process.execPath, ['--expose-gc', 'dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiters.shift();
    if (w) w(p);
  });
  conn.onRequest('workspace/configuration', () => [null]);
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification(() => {});
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'zh-cn' });
  conn.sendNotification('initialized', {});
  const text = readFileSync(seedPath, 'utf8');
  const uri = pathToFileURL(join(tmpdir(), 'bench-report.txt')).toString();
  const next = () => new Promise((r) => waiters.push(r));
  let p = next();
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await p;
  let warm = null;
  if (waitWarm) {
    // the server compiles the core at idle right after start (server/src/lsp/warmup.ts): wait for it, as a writer
    // who opens a draft and reads it for a moment before typing would
    const t0 = Date.now();
    for (;;) {
      const st = await conn.sendRequest('nianbao/stats');
      if (!st.warmUp || st.warmUp.done || Date.now() - t0 > 30_000) {
        warm = { ...(st.warmUp ?? {}), waitedMs: Date.now() - t0 };
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('总体情况'));
  const lat = [];
  let version = 1;
  let heapAt100 = 0;
  for (let i = 0; i < edits; i++) {
    version++;
    const insert = i % 2 === 0;
    p = next();
    const a = process.hrtime.bigint();
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [insert ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '一' } : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' }],
    });
    await p;
    lat.push(Number(process.hrtime.bigint() - a) / 1e6);
    if (i === 99 && memEdits) heapAt100 = (await conn.sendRequest('nianbao/stats')).heapUsed;
  }
  // the server's own share: from the change arriving to the diagnostics being sent (the rest is the pipe and this client)
  const own = ((await conn.sendRequest('nianbao/stats')).publishMs ?? []).slice(-edits).sort((x, y) => x - y);
  let heapEnd = 0;
  if (memEdits) heapEnd = (await conn.sendRequest('nianbao/stats')).heapUsed;
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  conn.dispose();
  lat.sort((x, y) => x - y);
  const q = (a, f) => (a.length ? a[Math.min(a.length - 1, Math.floor(a.length * f))] : NaN);
  return { median: q(lat, 0.5), p99: q(lat, 0.99), serverMedian: q(own, 0.5), serverP99: q(own, 0.99), heapAt100, heapEnd, warm };
}

const [seedPath, edits, memEdits, waitWarm] = process.argv.slice(2);
if (!seedPath || !(Number(edits) > 0)) {
  console.error('用法 usage: node scripts/bench-lsp.mjs REPORT EDITS MEMORY(0|1) WAIT-FOR-WARM-UP(0|1)');
  process.exit(2);
}
const r = await lspBench(seedPath, Number(edits), memEdits === '1', waitWarm === '1');
console.log(JSON.stringify(r));
