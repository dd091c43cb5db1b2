/** A minimal LSP client for tests: the built server over stdio, real JSON-RPC framing, waits on messages. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** How long any wait on the server lasts before the test fails with a message saying what it waited for. */
export const TIMEOUT = 10000;

/** Collects one kind of notification and lets a test wait for one that matches, with a timeout (never a fixed sleep). */
export class Inbox<T> {
  /** every notification received, in order */
  readonly seen: T[] = [];
  private waiters: { pred: (p: T) => boolean; resolve: (p: T) => void }[] = [];
  constructor(private readonly what: string) {}

  push(p: T): void {
    this.seen.push(p);
    for (const w of this.waiters.slice()) {
      if (w.pred(p)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  }

  /** a mark to wait for notifications that arrive after this point */
  mark(): number {
    return this.seen.length;
  }

  /** The first notification from mark `from` on that matches: one already received, or the next to arrive. */
  next(label: string, pred: (p: T) => boolean, from = 0, ms = TIMEOUT): Promise<T> {
    const already = this.seen.slice(from).find(pred);
    if (already) return Promise.resolve(already);
    return new Promise((res, rej) => {
      const w = { pred, resolve: (p: T) => (clearTimeout(timer), res(p)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        rej(new Error(`timed out after ${ms} ms waiting for ${this.what}: ${label}`));
      }, ms);
      this.waiters.push(w);
    });
  }
}

/** `p`, or a failure naming `what` once TIMEOUT has passed. */
export function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`timed out after ${TIMEOUT} ms: ${what}`)), TIMEOUT);
    }),
  ]);
}

/** The text of a diagnostic message (LSP 3.18 allows markup; this server sends plain strings). */
export const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

export interface Server {
  child: ChildProcess;
  conn: MessageConnection;
  published: PublishDiagnosticsParams[];
  notices: string[];
  waitFor(pred: (p: PublishDiagnosticsParams) => boolean, ms?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export async function startServer(settings: Record<string, unknown> = {}, initializationOptions?: Record<string, unknown>): Promise<Server> {
  const child = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const inbox = new Inbox<PublishDiagnosticsParams>('publishDiagnostics');
  const notices: string[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => inbox.push(p));
  conn.onNotification('window/showMessage', (p: { message: string }) => {
    notices.push(p.message);
  });
  conn.onNotification('nianbao/status', () => undefined);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, locale: 'zh-cn', initializationOptions });
  await conn.sendNotification('initialized', {});
  return {
    child,
    conn,
    published: inbox.seen,
    notices,
    waitFor(pred, ms = TIMEOUT) {
      return inbox.next('a matching publishDiagnostics', pred, 0, ms);
    },
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      conn.dispose();
    },
  };
}

