/** Command-line arguments and the help texts of the CLI. */
import type { Locale } from '../core';
import { parseRuleOverride, type RuleOverrides } from './settings';

export type Format = 'text' | 'json' | 'sarif' | 'summary' | 'html';

export interface Options {
  command: string | null;
  format: Format;
  locale: Locale;
  quiet: boolean;
  help: boolean;
  version: boolean;
  files: string[];
  include: string[];
  exclude: string[];
  config: string | null;
  rules: RuleOverrides;
  fix: boolean;
  dryRun: boolean;
  maxWarnings: number | null;
  output: string | null;
  verbose: boolean;
  color: boolean | null;
  jobs: number | null;
}

export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
  }
}

const FORMATS: Format[] = ['text', 'json', 'sarif', 'summary', 'html'];

export function parseArgs(argv: string[]): Options {
  const o: Options = {
    command: null,
    format: 'text',
    locale: 'zh',
    quiet: false,
    help: false,
    version: false,
    files: [],
    include: [],
    exclude: [],
    config: null,
    rules: {},
    fix: false,
    dryRun: false,
    maxWarnings: null,
    output: null,
    verbose: false,
    color: null,
    jobs: null,
  };
  // --lang first, so that the messages below speak it
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang' && (argv[i + 1] === 'en' || argv[i + 1] === 'zh')) o.locale = argv[i + 1] as Locale;
    else if (a === '--lang=en' || a === '--lang=zh') o.locale = a.slice(7) as Locale;
  }
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyFiles) {
      o.files.push(a);
      continue;
    }
    const name = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    const value = (): string => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`选项 ${name} 缺少取值。`, `Option ${name} needs a value.`);
      return v;
    };
    switch (name) {
      case '--':
        onlyFiles = true;
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      case '-V':
      case '--version':
        o.version = true;
        break;
      case '-q':
      case '--quiet':
        o.quiet = true;
        break;
      case '-v':
      case '--verbose':
        o.verbose = true;
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--dry-run':
      case '--fix-dry-run':
        o.fix = true;
        o.dryRun = true;
        break;
      case '--color':
        o.color = true;
        break;
      case '--no-color':
        o.color = false;
        break;
      case '-f':
      case '--format': {
        const v = value();
        if (!(FORMATS as string[]).includes(v)) throw new UsageError(`不支持的输出格式：${v}（可用：${FORMATS.join('、')}）。`, `Unsupported format: ${v} (use ${FORMATS.join(', ')}).`);
        o.format = v as Format;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'zh' && v !== 'en') throw new UsageError(`不支持的语言：${v}（可用：zh、en）。`, `Unsupported language: ${v} (use zh or en).`);
        o.locale = v;
        break;
      }
      case '--include':
        o.include.push(value());
        break;
      case '--exclude':
      case '--ignore':
        o.exclude.push(value());
        break;
      case '-c':
      case '--config':
        o.config = value();
        break;
      case '-o':
      case '--output':
        o.output = value();
        break;
      case '--rule': {
        const r = parseRuleOverride(value());
        if ('error' in r) throw new UsageError(r.error.zh, r.error.en);
        o.rules[r.id] = r.level;
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!/^-?\d+$/.test(v)) throw new UsageError(`--max-warnings 的取值应为整数，而不是“${v}”。`, `--max-warnings expects an integer, not "${v}".`);
        const n = parseInt(v, 10);
        o.maxWarnings = n < 0 ? null : n;
        break;
      }
      case '-j':
      case '--jobs': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--jobs 的取值应为非负整数，而不是“${v}”。`, `--jobs expects a non-negative integer, not "${v}".`);
        o.jobs = parseInt(v, 10);
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项：${a}`, `Unknown option: ${a}`);
        if (o.command === null) o.command = a;
        else o.files.push(a);
    }
  }
  return o;
}

export const HELP_ZH = `用法：nianbao <命令> [选项] [文件或文件夹…]

命令：
  lint 文件…            检查政府信息公开工作年度报告草稿（.txt、.md、.docx；文件夹会递归查找）
  rules                 列出全部规则：编号、默认级别、说明
  text 文件             显示 nianbao 读到的文本（.docx 转换后的文本，行号即检查结果中的行号）

输入：
  文件、文件夹或 -（从标准输入读取）。文本文件可为 UTF-8（带或不带 BOM）、GB18030/GBK 或带 BOM 的
  UTF-16，自动识别。Word 文档（.docx）中，每个段落为一行，表格的每一行为一行、单元格之间用制表符分隔，
  检查结果中的行号指这一文本（可用 nianbao text 查看）。其他文件（PDF、图片、旧版 .doc 等）会提示
  “不支持的文件类型”，其余文件照常检查。
  --include 模式        文件夹中要检查的文件（glob，可重复；默认 **/*.{txt,md,docx}）
  --exclude 模式        文件夹中要跳过的文件或文件夹（glob，可重复）；以 . 开头的文件夹、node_modules、
                        Word 临时文件（~$*）总是跳过

输出：
  -f, --format 格式     text（默认，按文件分组，最后一行为合计）、json、sarif（SARIF 2.1.0，供代码扫描
                        工具使用）、summary（汇总表 CSV，UTF-8 带 BOM，可直接用 Excel 打开）、
                        html（一页式审核报告：汇总表、各报告的表格网格与问题清单，可离线查看和打印）
  -o, --output 文件     把结果写入文件而不是标准输出
  --lang zh|en          输出语言（默认 zh）
  -q, --quiet           只报告错误
  --max-warnings 数量   警告超过该数量时退出码为 1（同 ESLint）
  -v, --verbose         在标准错误输出中显示每个文件识别出的编码
  --color, --no-color   强制开启或关闭颜色（默认仅在终端中显示颜色）

修复：
  --fix                 应用可自动修复的问题并写回文件：保持原编码（UTF-8、UTF-8 BOM、GB18030、UTF-16）、
                        BOM 和换行符，先写临时文件再替换。编码不确定的文件和 .docx 不会被改写
  --dry-run             与 --fix 一起使用：只显示修改内容（统一 diff 格式），不写文件

配置：
  -c, --config 文件     使用指定的配置文件（默认使用每个文件所在目录向上最近的 .nianbao.json）
  --rule 编号=级别      调整规则级别（off、info、warning、error），可重复，例如 --rule cell-missing=off

其他：
  -j, --jobs 数量       使用的工作线程数（默认 0：不使用；在双核机器上实测并不更快，多核机器可以一试）
  -h, --help            显示本帮助
  -V, --version         显示版本

跨年度检查：同时检查同一机关相邻两个年度的报告时，核对“二、上年结转”与上一年度“四、结转下年度继续
办理”（cross-year-carryover），以及现行有效件数的衔接（cross-year-valid-count）。

退出码：
  0  没有发现错误（警告未超过 --max-warnings）
  1  发现错误，或警告超过 --max-warnings
  2  用法错误，或有文件无法读取、不支持、为空（其余文件仍会检查并输出结果）
`;

export const HELP_EN = `Usage: nianbao <command> [options] [files or folders…]

Commands:
  lint FILE…            check drafts of government information-disclosure annual reports
                        (.txt, .md, .docx; folders are searched recursively)
  rules                 list every rule: id, default severity, description
  text FILE             print the text nianbao reads (for .docx: the converted text; its line
                        numbers are those of the findings)

Inputs:
  files, folders, or - for standard input. Text may be UTF-8 (with or without BOM), GB18030/GBK or
  UTF-16 with BOM, detected automatically. In a Word document (.docx) every paragraph is one line and
  every table row one line with its cells separated by tabs; line numbers refer to that text. Other
  files (PDF, images, old .doc …) are reported as unsupported and the rest is still checked.
  --include GLOB        files to check inside folders (repeatable; default **/*.{txt,md,docx})
  --exclude GLOB        files or folders to skip inside folders (repeatable); folders starting with
                        a dot, node_modules and Word lock files (~$*) are always skipped

Output:
  -f, --format FORMAT   text (default, grouped by file, one total line), json, sarif (SARIF 2.1.0 for
                        code-scanning tools), summary (CSV table, UTF-8 with BOM, opens in Excel),
                        html (one self-contained review page: summary, each report's tables and findings)
  -o, --output FILE     write the output to a file instead of standard output
  --lang zh|en          output language (default zh)
  -q, --quiet           errors only
  --max-warnings N      exit 1 when there are more than N warnings (as ESLint)
  -v, --verbose         print the detected encoding of every file on standard error
  --color, --no-color   force colours on or off (default: only on a terminal)

Fixing:
  --fix                 apply the automatic fixes and write the files back, keeping their encoding
                        (UTF-8, UTF-8 BOM, GB18030, UTF-16), BOM and line endings, atomically. Files
                        whose encoding is uncertain and .docx files are never written
  --dry-run             with --fix: print the changes as a unified diff, write nothing

Configuration:
  -c, --config FILE     use this config file (default: the nearest .nianbao.json above each file)
  --rule ID=LEVEL       set a rule's level (off, info, warning, error); repeatable

Other:
  -j, --jobs N          worker threads (default 0 = none; measured no faster on two cores)
  -h, --help            show this help
  -V, --version         show the version

Cross-year checks: when the inputs hold the same body's reports for consecutive years, row 二 (carried
over) is compared with last year's row 四 (carried forward) (cross-year-carryover), and the currently
valid counts with last year's (cross-year-valid-count).

Exit codes:
  0  no error found (and warnings within --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  usage error, or a file could not be read, is unsupported or empty (the others are still checked)
`;
