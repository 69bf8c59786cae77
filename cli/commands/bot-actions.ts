/** `lla bot`: runs the bot until Ctrl-C (SIGINT) or SIGTERM. */
import { botCliMsg } from '../../core/messages-chat/bot-cli.js';
import { botMsg } from '../../core/messages-chat/bot.js';
import { UsageError, type CliApp } from '../app.js';

export async function startBotCmd(app: CliApp, o: { poort?: string }): Promise<void> {
  let port: number | undefined;
  if (o.poort !== undefined) {
    port = Number(o.poort);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(botCliMsg.badPort(o.poort));
  }
  const { startBot } = await import('../../bot/main.js');
  const options: Parameters<typeof startBot>[0] = { env: app.io.env, dataDir: await app.dataDir(), say: (line) => app.io.stderr.write(`${line}\n`) };
  if (port !== undefined) options.port = port;
  const bot = await startBot(options).catch((err: unknown) => {
    // Configuration problems are usage errors (exit 2), in Dutch.
    if (err instanceof Error && err.name === 'ConfigError') throw new UsageError(err.message);
    throw err;
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  app.io.stderr.write(`${botMsg.stopping()}\n`);
  await bot.stop();
  app.io.stderr.write(`${botMsg.stopped()}\n`);
}
