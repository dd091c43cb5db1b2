/**
 * nianbao command line: the same core as the language server, for reviewers and CI.
 *   nianbao lint [--format text|json] [--lang zh|en] FILE...
 *   nianbao rules
 * Exit codes: 0 no error found, 1 errors found, 2 usage or I/O problems.
 */
import { lint, RULES, shouldCheck, type Locale } from './core';
import { toJson, toText, type FileReport } from './cli/format';
import { readText } from './cli/read';

const HELP_ZH = `用法：nianbao <命令> [选项] [文件…]

命令：
  lint 文件…        检查政府信息公开工作年度报告草稿（.txt / .md）
  rules             列出全部规则及其默认级别

lint 选项：
  --format text|json  输出格式（默认 text）
  --lang zh|en        输出语言（默认 zh）
  -q, --quiet         只输出错误
  -h, --help          显示本帮助

退出码：0 没有错误；1 发现错误；2 用法或读取文件出错。
`;

const HELP_EN = `Usage: nianbao <command> [options] [files…]

Commands:
  lint FILE…          check drafts of government information-disclosure annual reports (.txt / .md)
  rules               list every rule with its default severity

lint options:
  --format text|json  output format (default text)
  --lang zh|en        output language (default zh)
  -q, --quiet         errors only
  -h, --help          show this help

Exit codes: 0 no error; 1 errors found; 2 usage or I/O problems.
`;

interface Options {
  command: string | null;
  format: 'text' | 'json';
  locale: Locale;
  quiet: boolean;
  help: boolean;
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const o: Options = { command: null, format: 'text', locale: 'zh', quiet: false, help: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`选项 ${a} 缺少取值。`);
      return v;
    };
    if (a === '-h' || a === '--help') o.help = true;
    else if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`不支持的输出格式：${v}（可用：text、json）。`);
      o.format = v;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = value();
      if (v !== 'zh' && v !== 'en') throw new UsageError(`不支持的语言：${v}（可用：zh、en）。`);
      o.locale = v;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项：${a}`);
    else if (o.command === null) o.command = a;
    else o.files.push(a);
  }
  return o;
}

function lintFile(file: string, quiet: boolean): FileReport {
  let text: string;
  try {
    text = readText(file).text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' ? '没有读取权限' : (e as Error).message;
    return { file, template: null, year: null, isReport: false, diagnostics: [], error: `无法读取文件：${why}` };
  }
  const result = lint(text);
  const isReport = shouldCheck(result.model, file.endsWith('.md') ? 'markdown' : 'plaintext');
  const diagnostics = isReport ? result.diagnostics.filter((d) => !quiet || d.severity === 'error') : [];
  return { file, template: isReport ? result.model.template : null, year: result.model.year?.value ?? null, isReport, diagnostics };
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    err(`nianbao：${(e as Error).message}\n运行 nianbao --help 查看用法。\n`);
    return 2;
  }
  if (o.help || o.command === null) {
    out(o.locale === 'en' ? HELP_EN : HELP_ZH);
    return o.command === null && !o.help ? 2 : 0;
  }
  if (o.command === 'rules') {
    for (const r of RULES) out(`${r.meta.id.padEnd(22)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description[o.locale]}\n`);
    return 0;
  }
  if (o.command !== 'lint') {
    err(`nianbao：未知命令：${o.command}\n运行 nianbao --help 查看用法。\n`);
    return 2;
  }
  if (o.files.length === 0) {
    err('nianbao：请指定要检查的文件，例如：nianbao lint examples/*.txt\n');
    return 2;
  }
  const reports = o.files.map((f) => lintFile(f, o.quiet));
  for (const r of reports) if (r.error) err(`nianbao：${r.file}：${r.error}\n`);
  out(o.format === 'json' ? toJson(reports, o.locale) : toText(reports, o.locale, !!process.stdout.isTTY && o.format === 'text'));
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  const code = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  process.exitCode = code;
}
