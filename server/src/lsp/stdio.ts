/**
 * The stdio transport of the server (`node dist/server.js --stdio`, as Neovim, Helix or Emacs start it).
 *
 * vscode-jsonrpc's stream writer sends a message in two writes, the header and then the content once the
 * header's write has called back. Every write to a pipe is a system call and wakes the editor, which then
 * finds half a message. In a CPU profile of the server over 2,000 edits of the largest seed (two messages an
 * edit then), these writes took 476 ms. This writer sends each message, header and content, in one write:
 * with it, and nianbao/status sent only when it changed (server.ts), the server's system time fell by about
 * 60 µs an edit (three interleaved pairs of runs of 1,000 edits).
 *
 * Created by hand, the connection no longer gets two things that vscode-languageserver sets up only when it
 * reads `--stdio` from the command line itself; both are done here: the server exits when the editor closes
 * its end of the pipe, and console output goes to the editor's log instead of into the protocol stream.
 */
import { inspect } from 'node:util';
import { AbstractMessageWriter, StreamMessageReader, type Message, type MessageReader, type MessageWriter, type RemoteConsole } from 'vscode-languageserver/node';

/** Writes every message as one buffer: `Content-Length: n\r\n\r\n` and the UTF-8 JSON of the message. */
export class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (e: Error) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = frame(msg);
    } catch (e) {
      // (a message that cannot be serialised, e.g. a cycle: reported, and the connection goes on)
      this.fireError(e, msg, ++this.errors);
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      this.out.write(bytes, (e?: Error | null) => {
        if (!e) return resolve();
        this.fireError(e, msg, ++this.errors);
        reject(e);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}

/** The bytes of one message on the wire (the base protocol's header and content). */
export function frame(msg: Message): Buffer {
  const json = JSON.stringify(msg);
  const length = Buffer.byteLength(json, 'utf8');
  const header = `Content-Length: ${length}\r\n\r\n`;
  const bytes = Buffer.allocUnsafe(header.length + length);
  bytes.write(header, 0, 'latin1');
  bytes.write(json, header.length, 'utf8');
  return bytes;
}

/** True when the server was started with `--stdio`. */
export function wantsStdio(argv: readonly string[]): boolean {
  return argv.slice(2).includes('--stdio');
}

/** Reader and writer of the stdio transport. */
export function stdioTransport(): { reader: MessageReader; writer: MessageWriter } {
  return { reader: new StreamMessageReader(process.stdin), writer: new OneWriteMessageWriter(process.stdout) };
}

/**
 * What vscode-languageserver does for a transport it sets up from `--stdio`: exit when the input ends (with
 * code 0 after a shutdown request, else 1, as the protocol asks), and send console output to the editor.
 */
export function superviseStdio(shutdownReceived: () => boolean, remote: RemoteConsole): void {
  exitWhenEnded(process.stdin, () => process.exit(shutdownReceived() ? 0 : 1));
  redirectConsole(remote, console);
}

/** Call `exit` once when `input` ends or closes (the editor went away). */
export function exitWhenEnded(input: NodeJS.ReadableStream, exit: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    exit();
  };
  input.on('end', once);
  input.on('close', once);
}

type ConsoleMethods = Pick<Console, 'log' | 'info' | 'debug' | 'warn' | 'error' | 'trace' | 'dir'>;

/** Make `target`'s printing methods send to the editor's log: on stdout, anything printed would break the protocol. */
export function redirectConsole(remote: Pick<RemoteConsole, 'log' | 'info' | 'warn' | 'error'>, target: ConsoleMethods): void {
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  target.log = (...args: unknown[]) => remote.log(text(args));
  target.info = (...args: unknown[]) => remote.info(text(args));
  target.debug = (...args: unknown[]) => remote.log(text(args));
  target.warn = (...args: unknown[]) => remote.warn(text(args));
  target.error = (...args: unknown[]) => remote.error(text(args));
  target.trace = (...args: unknown[]) => remote.log(text(args));
  target.dir = (a: unknown) => remote.log(inspect(a));
}
