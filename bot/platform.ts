/**
 * What a chat platform module (`bot/slack/`, `bot/teams/`) gives the bot's
 * main: HTTP routes on the shared server, an outbound channel, and its own
 * start/stop (Socket Mode connects in `start`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, StorePort } from '../core/index.js';
import type { BotLogger, Conversation } from './conversation/types.js';
import type { OutboundChannel, PlatformName } from './outbound.js';

export interface Route {
  method: 'POST' | 'GET';
  path: string;
  handler(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

export interface Platform {
  readonly name: PlatformName;
  routes: Route[];
  outbound: OutboundChannel;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What every platform factory receives. */
export interface PlatformDeps {
  conversation: Conversation;
  store: StorePort;
  clock: Clock;
  logger: BotLogger;
  /** Call after a change was saved, so the dispatcher delivers its notifications at once. */
  onChange(): void;
}
