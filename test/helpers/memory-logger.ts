/** A BotLogger that keeps what it is given, for assertions (and privacy checks of the log). */
import type { BotLogger } from '../../bot/conversation/types.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

export function memoryLogger(): BotLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: object, msg?: string) => void lines.push(msg === undefined ? { level, obj } : { level, obj, msg });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
