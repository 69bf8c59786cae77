/**
 * The bot's structured log (pino, JSON lines on stdout). What goes in:
 * ids, codes, kinds, platforms, durations. What never goes in: free text of
 * cases, notes or reasons (the conversation layer and platforms log only
 * identifiers; see BotLogger).
 */
import type { BotLogger } from './conversation/types.js';

export async function createLogger(level: string, destination?: NodeJS.WritableStream): Promise<BotLogger> {
  const { pino } = await import('pino');
  const logger = pino(
    {
      level,
      base: { app: 'lla-bot' },
      redact: { paths: ['*.text', '*.sketch', '*.note', '*.reason', '*.token', '*.password'], censor: '[weggelaten]' },
    },
    destination as never,
  );
  return {
    debug: (obj, msg) => logger.debug(obj, msg),
    info: (obj, msg) => logger.info(obj, msg),
    warn: (obj, msg) => logger.warn(obj, msg),
    error: (obj, msg) => logger.error(obj, msg),
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: BotLogger = { debug() {}, info() {}, warn() {}, error() {} };
