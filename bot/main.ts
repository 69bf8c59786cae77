/**
 * `npm start` / `lla bot`: the chat bot process. Reads the configuration
 * from the environment, opens the store, starts every configured platform
 * (Slack when its tokens are set; Teams always, in local mode without a
 * Microsoft app id) on one HTTP server, the outbox dispatcher, and the
 * scheduler (after the dispatcher; stopped before it).
 *
 * Heavy SDKs load only here, and only for the platforms that run.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatDateTime, LlaError, systemClock, type Clock } from '../core/index.js';
import { botMsg } from '../core/messages-chat/bot.js';
import { jobSlug } from '../core/messages-cli/planning.js';
import { FileStore, resolveDataDir } from '../data/file-store.js';
import { ConfigError, readBotConfig } from './config.js';
import type { BotLogger } from './conversation/types.js';
import { createDispatcher, errorName, type Dispatcher } from './dispatcher.js';
import { createLogger } from './log.js';
import type { Platform, PlatformDeps } from './platform.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import { startServer } from './server.js';

export interface StartBotOptions {
  env: Record<string, string | undefined>;
  dataDir: string;
  logger?: BotLogger;
  clock?: Clock;
  /** Override PORT / HOST (tests: 0 and 127.0.0.1). */
  port?: number;
  host?: string;
  /** Start-up banner lines (default: stderr). */
  say?: (line: string) => void;
  dispatchIntervalMs?: number;
}

export interface RunningBot {
  url: string;
  platforms: Platform[];
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export async function startBot(o: StartBotOptions): Promise<RunningBot> {
  const config = readBotConfig(o.env);
  const say = o.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const store = new FileStore({ dir: o.dataDir });
  if (!(await store.exists())) throw new LlaError('notFound', botMsg.noStore(store.file));
  await store.read(); // refuse an invalid store before anything listens
  const logger = o.logger ?? (await createLogger(config.logLevel));
  const clock = o.clock ?? systemClock;

  const { createConversation } = await import('./conversation/index.js');
  const conversation = createConversation({ store, clock, logger });
  let dispatcher: Dispatcher | undefined;
  const deps: PlatformDeps = { conversation, store, clock, logger, onChange: () => dispatcher?.kick() };

  const platforms: Platform[] = [];
  if (config.slack) {
    const { createSlackPlatform } = await import('./slack/index.js');
    platforms.push(await createSlackPlatform(config.slack, deps));
  }
  const { createTeamsPlatform } = await import('./teams/index.js');
  platforms.push(await createTeamsPlatform(config.teams, deps));

  dispatcher = createDispatcher({ store, clock, logger, conversation, channels: platforms.map((p) => p.outbound) });
  const server = await startServer(
    platforms.flatMap((p) => p.routes),
    { port: o.port ?? config.port, host: o.host ?? config.host, logger },
  );
  for (const p of platforms) {
    try {
      await p.start();
    } catch (err) {
      // A platform that cannot start (bad token, no connection) stops the bot cleanly, with a Dutch reason.
      logger.error({ platform: p.name, err: errorName(err) }, 'platform did not start');
      for (const q of platforms) await q.stop().catch(() => undefined);
      await server.close();
      throw new LlaError('unavailable', botMsg.platformStartFailed(p.name === 'slack' ? 'Slack' : 'Teams', errorName(err)));
    }
  }
  dispatcher.start(o.dispatchIntervalMs);
  const running = dispatcher;
  const scheduler = createScheduler({ store, clock, logger, onQueued: () => running.kick() });
  const first = await scheduler.start();

  say(botMsg.started(server.url));
  if (!config.slack) say(botMsg.slackOff());
  else say(config.slack.appToken ? botMsg.slackSocket() : botMsg.slackHttp(server.url));
  say(config.teams.appId ? botMsg.teamsCloud(server.url) : botMsg.teamsLocal(server.url));
  say(botMsg.scheduler(first.ran.length, first.nextJob && first.nextRunAt ? { job: jobSlug[first.nextJob], at: formatDateTime(first.nextRunAt) } : undefined));
  logger.info(
    { url: server.url, platforms: platforms.map((p) => p.name), slackMode: config.slack ? (config.slack.appToken ? 'socket' : 'http') : 'off', teamsMode: config.teams.appId ? 'cloud' : 'local' },
    'bot started',
  );

  return {
    url: server.url,
    platforms,
    dispatcher: running,
    scheduler,
    async stop() {
      await scheduler.stop();
      await running.stop();
      for (const p of platforms) await p.stop().catch(() => undefined);
      await server.close();
    },
  };
}

/** Run as a process, with the CLI's exit codes: configuration errors and an invalid store 2, a missing store 4, a platform that cannot start 1; signals stop cleanly. */
export async function main(argv: string[] = process.argv.slice(2), env = process.env): Promise<void> {
  const flagIndex = argv.indexOf('--data');
  const flag = flagIndex >= 0 ? argv[flagIndex + 1] : undefined;
  // Signals are handled from the first moment: a stop during start-up waits for it, then stops cleanly.
  let starting: Promise<RunningBot | undefined> = Promise.resolve(undefined);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${botMsg.stopping()}\n`);
    void starting
      .then((bot) => bot?.stop())
      .then(() => {
        process.stderr.write(`${botMsg.stopped()}\n`);
        process.exit(0);
      });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  starting = startBot({ env, dataDir: resolveDataDir({ flag, env, cwd: process.cwd() }) }).catch((err: unknown) => {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    if (err instanceof ConfigError || err instanceof LlaError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = err instanceof LlaError ? (err.code === 'notFound' ? 4 : err.code === 'unavailable' ? 1 : 2) : 2;
      return undefined;
    }
    throw err;
  });
  await starting;
}

const invoked = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
if (import.meta.url === invoked) void main();
