/** The VS Code client: starts the nianbao language server and hands it the report documents. */
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = window.createOutputChannel('政府信息公开年报校验 (nianbao)', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['nianbao', 'plaintext', 'markdown'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    synchronize: { configurationSection: 'nianbao' },
  };
  client = new LanguageClient('nianbao', '政府信息公开年报校验', serverOptions, clientOptions);
  context.subscriptions.push(
    output,
    commands.registerCommand('nianbao.showOutput', () => output.show()),
    commands.registerCommand('nianbao.restartServer', async () => {
      await client?.restart();
    }),
  );
  if (!workspace.getConfiguration('nianbao').get<boolean>('enable', true)) {
    output.appendLine('nianbao.enable 为 false，未启动检查。');
    return;
  }
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
