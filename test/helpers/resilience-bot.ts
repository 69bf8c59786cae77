/**
 * The bot as `npm start` runs it (node flags from package.json), as a real OS process
 * on 127.0.0.1, port 0: Slack in HTTP mode against a fake Web API, Teams in
 * local mode. For the resilience tests that share a store between the bot
 * and CLI processes, kill it with SIGKILL or see it refuse a broken store.
 *
 *   const bot = await spawnBot(dir, { slackApiUrl: api.url });
 *   await fetch(`${bot.url}/healthz`);
 *   bot.child.kill('SIGKILL'); await bot.exited;
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './cli.js';
import { SIGNING_SECRET } from './slack-sign.js';

export const BOT_MAIN = path.join(ROOT, 'dist', 'bot', 'main.js');
/** The node flags of `npm start` (`node <flags> dist/bot/main.js`). */
const START_FLAGS: string[] = (() => {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [node, ...rest] = start.trim().split(/\s+/);
  if (node !== 'node' || rest.at(-1) !== 'dist/bot/main.js') throw new Error(`npm start is not "node [flags] dist/bot/main.js": ${start}`);
  return rest.slice(0, -1);
})();

export interface BotProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT` once it listens. */
  url: string;
  stderr(): string;
  stdout(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface SpawnBotOptions {
  /** Fake Slack Web API base (`…/api/`): Slack runs in HTTP mode. Absent: Slack off. */
  slackApiUrl?: string;
  env?: Record<string, string>;
  /** Give up waiting for "luistert op" after this long. */
  timeoutMs?: number;
}

/** Every process spawned here, so a test file can kill what is left in afterAll. */
export const botProcesses = new Set<ChildProcess>();

export function killAllBots(): void {
  for (const c of botProcesses) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  botProcesses.clear();
}

/** Start the bot; resolves when it listens, rejects (with its stderr) when it exits or hangs first. */
export function spawnBot(dir: string, options: SpawnBotOptions = {}): Promise<BotProcess> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    NO_COLOR: '1',
    TZ: 'UTC',
    ...(options.slackApiUrl ? { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: options.slackApiUrl } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, [...START_FLAGS, BOT_MAIN, '--data', dir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  botProcesses.add(child);
  let stderr = '';
  let stdout = '';
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      botProcesses.delete(child);
      resolve(code);
    }),
  );
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    // The pino log (warn and up); keep the tail only.
    stdout = (stdout + d).slice(-20_000);
  });
  return new Promise<BotProcess>((resolve, reject) => {
    let listening = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot did not listen within ${options.timeoutMs ?? 20_000} ms\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = /luistert op (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m && !listening) {
        listening = true;
        clearTimeout(timer);
        // The banner comes just before main() installs its signal handlers: one health check later they are there.
        void fetch(`${m[1]!}/healthz`, { signal: AbortSignal.timeout(5_000) }).then(
          () => undefined,
          () => undefined,
        ).then(() => resolve({
          child,
          url: m[1]!,
          stderr: () => stderr,
          stdout: () => stdout,
          exited,
          async stop(graceMs = 5_000) {
            if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
            child.kill('SIGTERM');
            const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
            const code = await exited;
            clearTimeout(t);
            return code;
          },
        }));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`bot exited (${code}) before listening\n${stderr}`), { code, stderr }));
    });
  });
}

/** Run the bot against a store it must refuse: resolves with its exit code and stderr (never listens). */
export async function botRefuses(dir: string, options: SpawnBotOptions = {}): Promise<{ code: number | null; stderr: string }> {
  try {
    const bot = await spawnBot(dir, options);
    await bot.stop();
    throw new Error(`the bot started on ${bot.url} instead of refusing\n${bot.stderr()}`);
  } catch (err) {
    const e = err as { code?: number | null; stderr?: string };
    if (e.stderr === undefined) throw err;
    return { code: e.code ?? null, stderr: e.stderr };
  }
}
