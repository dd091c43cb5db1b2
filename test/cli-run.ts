/** Running the built command line (dist/cli.js) in a child process, as a user would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist/cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** standard output as bytes (encodings, BOMs) */
  raw: Buffer;
}

export interface RunOptions {
  cwd?: string;
  /** written to standard input, which is closed afterwards (without it, standard input is not connected) */
  input?: Buffer;
  /** the reader of standard output goes away before anything is written (as `nianbao lint … | head -0`) */
  readerGone?: boolean;
}

/** Spawn `node dist/cli.js ARGS`; a run that hangs is killed after 20 s (its status is then null). */
export function runCli(args: string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? process.cwd(), stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    if (opts.readerGone) child.stdout?.destroy();
    else child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill(), 20000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const raw = Buffer.concat(out);
      resolve({ status, stdout: raw.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), raw });
    });
    if (opts.input && child.stdin) child.stdin.end(opts.input);
  });
}
