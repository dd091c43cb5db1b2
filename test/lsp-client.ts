/** A minimal LSP client for tests: the built server over stdio, real JSON-RPC framing, waits on messages. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

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
  const published: PublishDiagnosticsParams[] = [];
  const notices: string[] = [];
  const waiters: { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of waiters.slice()) if (w.pred(p)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
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
    published,
    notices,
    waitFor(pred, ms = 10000) {
      const hit = published.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('timed out waiting for publishDiagnostics')), ms);
        waiters.push({ pred, resolve: (p) => (clearTimeout(t), resolve(p)) });
      });
    },
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      conn.dispose();
    },
  };
}

