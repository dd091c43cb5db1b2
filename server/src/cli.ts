/**
 * nianbao command line: the same core as the language server, for reviewers and CI.
 *   nianbao lint [options] FILE|FOLDER|- ...
 *   nianbao rules
 *   nianbao text FILE
 * Exit codes: 0 no error found, 1 errors found (or too many warnings), 2 usage or I/O problems.
 * See `nianbao --help` (cli/args.ts) and README.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { version } from '../../package.json';
import { checkCrossYearFacts, compareDiagnostics, CROSS_YEAR_RULES, renderBatchFromTexts, RULES, type LintDiagnostic, type LintSettings, type Locale, type RuleMeta } from './core';
import { HELP_EN, HELP_ZH, parseArgs, UsageError, type Options } from './cli/args';
import { expandInputs, relPosix } from './cli/files';
import { jsonChunks, sarifChunks, textChunks, type FileReport } from './cli/format';
import { runParallel, runSerial, WORKER_FLAG, type WorkerRequest, type WorkerResponse } from './cli/pool';
import { processTask, type FileResult, type Task } from './cli/process';
import { encodingLabel } from './cli/read';
import { SettingsResolver } from './cli/settings';
import { toSummaryCsv, type SummaryRow } from './cli/summary';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  readStdin: () => Promise<Buffer>;
  cwd: string;
}

/**
 * A batch of reports is over in a few seconds, so the optimising compiler's time counts as much as the code
 * it makes. With a smaller inlining budget each function of the core compiles in a fraction of the time
 * (whole runs of 2,000 reports on the 2-core bench machine: 3.5 s → 2.9 s). Set before anything is hot;
 * only in the CLI process (the language server keeps V8's defaults: it runs for hours).
 */
function tuneForBatch(): void {
  try {
    setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
  } catch {
    // not fatal: only slower
  }
}

/** True when this bundle is the running program (dist/cli.js), so that it can start itself as a worker. */
let runningAsCli = false;

/** The folder holding docs/rules (the package root), found upward from this bundle. */
function docsRoot(): string | null {
  let d = __dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(resolve(d, 'docs', 'rules'))) return d;
    d = dirname(d);
  }
  return null;
}


/** Write the pieces of an output in writes of at least 64 KB (fewer system calls than one per file). */
function writeInPieces(pieces: Iterable<string>, write: (s: string) => void): void {
  let pending: string[] = [];
  let size = 0;
  for (const p of pieces) {
    pending.push(p);
    size += p.length;
    if (size >= 1 << 16) {
      write(pending.join(''));
      pending = [];
      size = 0;
    }
  }
  if (pending.length) write(pending.join(''));
}

function allRuleMeta(): RuleMeta[] {
  return [...RULES.map((r) => r.meta), ...CROSS_YEAR_RULES.map((r) => r.meta)];
}

function listRules(locale: Locale): string {
  return allRuleMeta()
    .map((m) => `${m.id.padEnd(24)} ${m.defaultSeverity.padEnd(8)} ${m.description[locale]}\n`)
    .join('');
}

/** Cross-year findings, added to the report of the later year; the rule levels of that file's settings apply. */
function addCrossYear(results: FileResult[], settingsOf: (r: FileResult) => LintSettings): void {
  // reports by body and year: each report is compared only with its body's reports of the year before
  // (linear in the number of files; a folder of many reports of one body and year costs nothing here)
  const byBodyYear = new Map<string, FileResult[]>();
  const keyOf = (body: string, year: number): string => `${year}\u0000${body}`;
  for (const r of results) {
    const k = r.facts?.bodyKey;
    if (!k || r.facts?.year == null) continue;
    const key = keyOf(k, r.facts.year);
    const list = byBodyYear.get(key);
    if (list) list.push(r);
    else byBodyYear.set(key, [r]);
  }
  for (const r of results) {
    const facts = r.facts;
    if (!facts?.bodyKey || facts.year == null) continue;
    const previous = byBodyYear.get(keyOf(facts.bodyKey, facts.year - 1));
    if (!previous) continue;
    const settings = settingsOf(r);
    const seen = new Set<string>();
    const found: LintDiagnostic[] = [];
    for (const prev of previous) {
      if (!prev.facts) continue;
      for (const d of checkCrossYearFacts(prev.facts, facts)) {
        const level = settings.rules[d.rule];
        if (level === 'off') continue;
        const key = `${d.rule}|${d.range.start.line}:${d.range.start.character}|${d.message.zh}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(level ? { ...d, severity: level } : d);
      }
    }
    if (found.length) r.diagnostics = [...r.diagnostics, ...found].sort(compareDiagnostics);
  }
}

function progressBar(io: Io, enabled: boolean): { tick: (done: number, total: number, file: string) => void; clear: () => void } {
  let last = 0;
  let shown = false;
  return {
    tick(done, total, file) {
      if (!enabled) return;
      const now = Date.now();
      if (done < total && now - last < 80) return;
      last = now;
      const width = 24;
      const filled = Math.round((done / total) * width);
      const name = file.length > 40 ? '…' + file.slice(-39) : file;
      io.err(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
      shown = true;
    },
    clear() {
      if (shown) io.err('\r\x1b[2K');
    },
  };
}

async function lintCommand(o: Options, io: Io): Promise<number> {
  const t = (zh: string, en: string): string => (o.locale === 'en' ? en : zh);
  const tag = t('nianbao：', 'nianbao: ');
  if (o.files.length === 0) {
    io.err(t('nianbao：请指定要检查的文件或文件夹，例如：nianbao lint 年报/\n', 'nianbao: name the files or folders to check, e.g. nianbao lint reports/\n'));
    return 2;
  }
  let configFile: string | null = null;
  if (o.config) {
    configFile = resolve(io.cwd, o.config);
    if (!existsSync(configFile)) {
      io.err(t(`nianbao：找不到配置文件：${o.config}\n`, `nianbao: config file not found: ${o.config}\n`));
      return 2;
    }
  }
  const resolver = new SettingsResolver(o.rules, configFile, o.locale, io.err);
  const inputs = expandInputs(o.files, { include: o.include, exclude: o.exclude, cwd: io.cwd });
  let stdinBytes: Buffer | undefined;
  if (inputs.some((i) => i.stdin)) stdinBytes = await io.readStdin();

  const tasks: Task[] = [];
  const settingsByAbs = new Map<string, LintSettings>();
  const results: FileResult[] = new Array(inputs.length);
  const taskIndex: number[] = [];
  inputs.forEach((inp, i) => {
    if (inp.problem) {
      results[i] = { file: inp.display, abs: inp.abs, stdin: inp.stdin, template: null, year: null, isReport: false, diagnostics: [], notes: [], error: inp.problem };
      return;
    }
    const settings = resolver.forDir(inp.stdin ? io.cwd : dirname(inp.abs));
    settingsByAbs.set(inp.stdin ? '\0stdin' : inp.abs, settings);
    tasks.push({ display: inp.display, abs: inp.abs, stdin: inp.stdin, explicit: inp.explicit, stdinBytes: inp.stdin ? stdinBytes : undefined, settings, fix: o.fix, dryRun: o.dryRun, keepText: o.format === 'html', figures: o.format === 'summary' });
    taskIndex.push(i);
  });

  const bar = progressBar(io, io.stderrIsTTY && tasks.length > 20);
  // worker threads only on request (--jobs N): see cli/pool.ts for the measurement
  const jobs = Math.min(o.jobs ?? 0, availableParallelism() * 2, 32);
  const useWorkers = jobs > 0 && runningAsCli && tasks.every((x) => !x.stdin);
  const done = useWorkers ? await runParallel(__filename, tasks, jobs, bar.tick) : await runSerial(tasks, bar.tick);
  bar.clear();
  done.forEach((r, k) => (results[taskIndex[k]] = r));

  addCrossYear(results, (r) => settingsByAbs.get(r.abs) ?? settingsByAbs.get('\0stdin') ?? resolver.forDir(io.cwd));

  // stderr: unreadable files, conversion notes, encodings
  for (const r of results) {
    if (r.error) io.err(`${tag}${r.file}${t('：', ': ')}${r.error[o.locale]}\n`);
    for (const n of r.notes) io.err(`${tag}${r.file}${t('：', ': ')}${n[o.locale]}\n`);
    if (r.encoding && r.certain === false) io.err(t(`nianbao：警告：${r.file}：无法确定文件编码，按 ${encodingLabel(r.encoding, true, 'zh')} 读取，结果可能不准确。\n`, `nianbao: warning: ${r.file}: the encoding is uncertain; read as ${encodingLabel(r.encoding, true, 'en')}.\n`));
    else if (o.verbose && r.encoding) io.err(`${tag}${r.file}${t('：编码 ', ': encoding ')}${encodingLabel(r.encoding, r.certain !== false, o.locale)}\n`);
  }

  const reports: FileReport[] = results.map((r) => ({
    file: r.file,
    abs: r.stdin ? undefined : r.abs,
    template: r.template,
    year: r.year,
    isReport: r.isReport,
    diagnostics: o.quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics,
    error: r.error?.[o.locale],
    fixed: r.fixed,
    fixNote: r.fixNote?.[o.locale],
  }));

  const color = o.output === null && (o.color ?? (io.stdoutIsTTY && !process.env.NO_COLOR));
  // json, text and sarif are written piece by piece, as they are produced (see jsonChunks); the others are one piece
  let output: Iterable<string>;
  if (o.format === 'json') output = jsonChunks(reports, o.locale);
  else if (o.format === 'sarif') output = sarifChunks(reports, { version, rules: allRuleMeta(), locale: o.locale, cwd: io.cwd, docsRoot: docsRoot() }, (abs) => relPosix(abs, io.cwd));
  else if (o.format === 'summary') {
    const rows: SummaryRow[] = results
      .filter((r) => r.isReport && r.figures)
      .map((r) => ({
        file: r.stdin ? r.file : relPosix(r.abs, io.cwd).startsWith('..') ? r.file : relPosix(r.abs, io.cwd),
        year: r.year,
        template: r.template,
        figures: r.figures!,
        errors: r.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
      }));
    for (const r of results) if (!r.error && !r.isReport) io.err(t(`nianbao：${r.file}：未识别为年报，未列入汇总表。\n`, `nianbao: ${r.file}: not recognised as a report; not in the summary.\n`));
    output = [toSummaryCsv(rows, o.locale)];
  } else if (o.format === 'html') {
    // the table marks come from checking the text again; the findings listed are the CLI's (cross-year included)
    output = [
      renderBatchFromTexts(
        results
          .filter((r) => r.isReport || r.error)
          .map((r) => ({
            file: r.stdin ? r.file : relPosix(r.abs, io.cwd).startsWith('..') ? r.file : relPosix(r.abs, io.cwd),
            text: r.error ? null : r.text ?? null,
            settings: settingsByAbs.get(r.stdin ? '\0stdin' : r.abs),
            diagnostics: o.quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics,
            error: r.error?.[o.locale],
          })),
        { locale: o.locale },
      ),
    ];
  } else output = textChunks(reports, o.locale, color);

  // --fix --dry-run: the diffs (on stdout before the text report; on stderr for the machine formats)
  const diffs = results.filter((r) => r.diff).map((r) => r.diff!).join('');
  if (diffs && !o.output && o.format === 'text') output = [diffs + '\n', ...output];
  else if (diffs) (o.output ? io.out : io.err)(diffs);
  if (o.fix && o.format !== 'text') {
    for (const r of results) {
      if (r.fixNote) io.err(`${tag}${r.file}${t('：', ': ')}${r.fixNote[o.locale]}\n`);
      else if (r.fixed) io.err(`${tag}${r.file}${t(`：已修复 ${r.fixed} 处`, `: ${r.fixed} fix(es) applied`)}\n`);
    }
  }

  if (o.output) {
    let fd: number | null = null;
    try {
      fd = openSync(resolve(io.cwd, o.output), 'w');
      const to = fd;
      writeInPieces(output, (s) => {
        const b = Buffer.from(s, 'utf8');
        for (let off = 0; off < b.length; ) off += writeSync(to, b, off, b.length - off);
      });
    } catch (e) {
      io.err(t(`nianbao：无法写入输出文件 ${o.output}：${(e as Error).message}\n`, `nianbao: cannot write ${o.output}: ${(e as Error).message}\n`));
      return 2;
    } finally {
      if (fd !== null) closeSync(fd);
    }
  } else writeInPieces(output, io.out);

  if (results.some((r) => r.error)) return 2;
  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (o.maxWarnings !== null && warnings > o.maxWarnings) {
    io.err(t(`nianbao：发现 ${warnings} 个警告，超过 --max-warnings ${o.maxWarnings}。\n`, `nianbao: ${warnings} warnings, more than --max-warnings ${o.maxWarnings}.\n`));
    return 1;
  }
  return 0;
}

async function textCommand(o: Options, io: Io): Promise<number> {
  if (o.files.length !== 1) {
    io.err(o.locale === 'en' ? 'nianbao: text takes one file.\n' : 'nianbao：text 命令需要一个文件。\n');
    return 2;
  }
  const f = o.files[0];
  const stdin = f === '-';
  const abs = resolve(io.cwd, f);
  const r = await processTask({ display: f, abs, stdin, explicit: true, stdinBytes: stdin ? await io.readStdin() : undefined, settings: { rules: {}, bodyKind: 'auto', reportYear: null }, fix: false, dryRun: false, keepText: true });
  if (r.error) {
    io.err(o.locale === 'en' ? `nianbao: ${f}: ${r.error.en}\n` : `nianbao：${f}：${r.error.zh}\n`);
    return 2;
  }
  if (o.verbose && r.encoding) io.err(`nianbao：${f}：${encodingLabel(r.encoding, r.certain !== false, o.locale)}\n`);
  io.out(r.text ?? '');
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    const locale: Locale = argv.includes('en') && argv.some((a) => a.startsWith('--lang')) ? 'en' : 'zh';
    const u = e as UsageError;
    io.err(locale === 'en' ? `nianbao: ${u.en ?? u.message}\nRun nianbao --help for usage.\n` : `nianbao：${u.zh ?? u.message}\n运行 nianbao --help 查看用法。\n`);
    return 2;
  }
  if (o.version) {
    io.out(`${version}\n`);
    return 0;
  }
  if (o.help || o.command === null) {
    io.out(o.locale === 'en' ? HELP_EN : HELP_ZH);
    return o.command === null && !o.help ? 2 : 0;
  }
  if (o.command === 'rules') {
    io.out(listRules(o.locale));
    return 0;
  }
  if (o.command === 'text') return textCommand(o, io);
  if (o.command !== 'lint') {
    io.err(o.locale === 'en' ? `nianbao: unknown command: ${o.command}\nRun nianbao --help for usage.\n` : `nianbao：未知命令：${o.command}\n运行 nianbao --help 查看用法。\n`);
    return 2;
  }
  return lintCommand(o, io);
}

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

function runWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (req: WorkerRequest) => {
    void processTask(req.task).then(
      (result) => port.postMessage({ id: req.id, result } satisfies WorkerResponse),
      (e: unknown) => {
        const msg = e instanceof Error ? e.message : String(e);
        const result: FileResult = { file: req.task.display, abs: req.task.abs, stdin: req.task.stdin, template: null, year: null, isReport: false, diagnostics: [], notes: [], error: { zh: `检查时出错：${msg}`, en: `Checking failed: ${msg}` } };
        port.postMessage({ id: req.id, result } satisfies WorkerResponse);
      },
    );
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  runWorker();
} else if (require.main === module) {
  runningAsCli = true;
  tuneForBatch();
  let stdinCache: Promise<Buffer> | null = null;
  // A reader that stops early (`nianbao lint … | head`) closes the pipe: the rest of the output is dropped
  // quietly and the exit code is still the findings' one, instead of an unhandled EPIPE error and a stack trace.
  const closed = { out: false, err: false };
  const onStreamError = (which: 'out' | 'err') => (e: NodeJS.ErrnoException) => {
    closed[which] = true;
    if (e.code !== 'EPIPE' && which === 'out' && !closed.err) process.stderr.write(`nianbao：无法写出结果 cannot write the output: ${e.message}\n`);
  };
  process.stdout.on('error', onStreamError('out'));
  process.stderr.on('error', onStreamError('err'));
  const io: Io = {
    out: (s) => {
      if (!closed.out) process.stdout.write(s);
    },
    err: (s) => {
      if (!closed.err) process.stderr.write(s);
    },
    stdoutIsTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    readStdin: () => (stdinCache ??= readAllStdin()),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`nianbao：内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
