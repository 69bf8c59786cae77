/**
 * The Slack platform running for a test: the fake Web API, the platform
 * created against it, and its routes mounted on the bot's own HTTP server
 * (`bot/server.ts`) on 127.0.0.1, port 0.
 */
import type { Clock, StorePort } from '../../core/index.js';
import type { Conversation } from '../../bot/conversation/types.js';
import type { Platform } from '../../bot/platform.js';
import { startServer, type BotServer } from '../../bot/server.js';
import { createSlackPlatform, type SlackPlatformOptions } from '../../bot/slack/index.js';
import { startFakeSlackApi, type FakeSlackApi } from './slack-fake-api.js';
import { SIGNING_SECRET } from './slack-sign.js';
import { memoryLogger } from './memory-logger.js';

export { memoryLogger, type LogLine } from './memory-logger.js';

export interface SlackHarness {
  /** `http://127.0.0.1:PORT/slack/events` */
  url: string;
  api: FakeSlackApi;
  platform: Platform;
  logger: ReturnType<typeof memoryLogger>;
  changes: { count: number };
  close(): Promise<void>;
}

export async function startSlackHarness(deps: {
  conversation: Conversation;
  store: StorePort;
  clock: Clock;
  users?: Record<string, string>;
  options?: SlackPlatformOptions;
}): Promise<SlackHarness> {
  const api = await startFakeSlackApi({ users: deps.users ?? {} });
  const logger = memoryLogger();
  const changes = { count: 0 };
  let platform: Platform | undefined;
  let server: BotServer | undefined;
  try {
    platform = await createSlackPlatform(
      { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: api.url },
      { conversation: deps.conversation, store: deps.store, clock: deps.clock, logger, onChange: () => void (changes.count += 1) },
      deps.options,
    );
    server = await startServer(platform.routes, { port: 0, host: '127.0.0.1', logger });
    await platform.start();
  } catch (err) {
    await server?.close();
    await api.close();
    throw err;
  }
  const started = platform;
  const listening = server;
  return {
    url: `${listening.url}/slack/events`,
    api,
    platform: started,
    logger,
    changes,
    async close() {
      await started.stop();
      await listening.close();
      await api.close();
    },
  };
}
