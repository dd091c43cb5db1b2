/**
 * The server's stdio transport (server/src/lsp/stdio.ts): one write per message, read back by vscode-jsonrpc's
 * own reader; write and serialisation errors reported; the exit when the editor closes the pipe; console
 * output sent to the editor's log, never into the protocol stream.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, type Message, type NotificationMessage } from 'vscode-jsonrpc/node';
import { exitWhenEnded, frame, OneWriteMessageWriter, redirectConsole } from '../server/src/lsp/stdio';
import { Inbox, withTimeout } from './lsp-client';

/** A writable that records every write it gets (or fails them all with `fail`). */
class Recorder extends Writable {
  readonly writes: Buffer[] = [];
  constructor(private readonly fail: Error | null = null) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.writes.push(chunk);
    cb(this.fail);
  }
}

/** The messages vscode-jsonrpc's reader finds in `bytes`. */
async function readBack(bytes: Buffer, count: number): Promise<Message[]> {
  const input = new PassThrough();
  const reader = new StreamMessageReader(input);
  const got: Message[] = [];
  const all = new Promise<void>((res) =>
    reader.listen((m) => {
      got.push(m);
      if (got.length === count) res();
    }),
  );
  input.end(bytes);
  await withTimeout(all, `${count} messages read back`);
  reader.dispose();
  return got;
}

const note = (i: number, message: string): NotificationMessage => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: `file:///r${i}.txt`, diagnostics: [{ message }] } });

describe('stdio transport (lsp/stdio)', () => {
  it('frames a message with the byte length of its UTF-8 content', async () => {
    const msg = note(1, '总数121条与“其中”所列5项之和不符，相差2条。😀');
    const bytes = frame(msg);
    const json = JSON.stringify(msg);
    const header = `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n`;
    assert.equal(bytes.toString('latin1', 0, header.length), header);
    assert.equal(bytes.subarray(header.length).toString('utf8'), json);
    assert.ok(Buffer.byteLength(json) > json.length, 'Chinese text: more bytes than UTF-16 units');
    assert.deepEqual(await readBack(bytes, 1), [msg]);
  });

  it('writes every message, header and content, in one write, in order', async () => {
    const out = new Recorder();
    const writer = new OneWriteMessageWriter(out);
    const sent = Array.from({ length: 20 }, (_, i) => note(i, `第${i}条：${'公开'.repeat(i * 50)}`));
    await Promise.all(sent.map((m) => writer.write(m)));
    assert.equal(out.writes.length, sent.length);
    for (let i = 0; i < sent.length; i++) assert.deepEqual(out.writes[i], frame(sent[i]));
    assert.deepEqual(await readBack(Buffer.concat(out.writes), sent.length), sent);
  });

  it('a failed write rejects and is reported with the message and a running count', async () => {
    const out = new Recorder(new Error('EPIPE'));
    const writer = new OneWriteMessageWriter(out);
    const errors: [string, Message | undefined, number | undefined][] = [];
    writer.onError(([e, m, n]) => errors.push([e.message, m, n]));
    const msg = note(1, 'x');
    await assert.rejects(writer.write(msg), /EPIPE/);
    assert.ok(errors.some(([e, m, n]) => e === 'EPIPE' && m === msg && n === 1), JSON.stringify(errors));
  });

  it('a message that cannot be serialised rejects, is reported, and the next one is still written', async () => {
    const out = new Recorder();
    const writer = new OneWriteMessageWriter(out);
    const errors: number[] = [];
    writer.onError(([, , n]) => errors.push(n ?? -1));
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'x', params: cyclic } as NotificationMessage), /circular/i);
    assert.deepEqual(errors, [1]);
    assert.equal(out.writes.length, 0, 'nothing half-written');
    await writer.write(note(2, 'ok'));
    assert.equal(out.writes.length, 1);
  });

  it('exits once when the input ends or closes', () => {
    const input = new PassThrough();
    let exits = 0;
    exitWhenEnded(input, () => exits++);
    input.emit('end');
    input.emit('close');
    assert.equal(exits, 1);
  });

  it('console output goes to the editor log, formatted as console would', () => {
    const sent: string[] = [];
    const remote = { log: (m: string) => sent.push(`log ${m}`), info: (m: string) => sent.push(`info ${m}`), warn: (m: string) => sent.push(`warn ${m}`), error: (m: string) => sent.push(`error ${m}`) };
    const target = { log: console.log, info: console.info, debug: console.debug, warn: console.warn, error: console.error, trace: console.trace, dir: console.dir };
    redirectConsole(remote, target);
    target.log('受理', 6, { 宗: [1, 2] });
    target.warn('w');
    target.error(new Error('坏了').message);
    target.info('i');
    target.dir({ a: 1 });
    assert.deepEqual(sent, ['log 受理 6 { \'宗\': [ 1, 2 ] }', 'warn w', 'error 坏了', 'info i', 'log { a: 1 }']);
  });

  for (const [label, shutdownFirst, code] of [
    ['exits with 1 when the editor closes the pipe without a shutdown request', false, 1],
    ['exits with 0 when the pipe closes after a shutdown request', true, 0],
  ] as const) {
    it(`the built server over stdio ${label}`, async () => {
      const child = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      const send = (m: object): void => {
        child.stdin.write(frame({ jsonrpc: '2.0', ...m } as Message));
      };
      const replies = new Inbox<Message>('answers of the server');
      const reader = new StreamMessageReader(child.stdout);
      reader.listen((m) => replies.push(m));
      const answered = (id: number): Promise<Message> => replies.next(`the answer to request ${id}`, (m) => (m as { id?: number }).id === id);
      send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { warmUp: false } } });
      await answered(1);
      if (shutdownFirst) {
        send({ id: 2, method: 'shutdown' });
        await answered(2);
      }
      child.stdin.end();
      assert.equal(await withTimeout(exited, 'the server to exit'), code);
      reader.dispose();
    });
  }
});
