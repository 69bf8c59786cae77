/**
 * Run the real `lla` executable as a subprocess against a temporary data
 * directory: no TTY, no colour, bounded time.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LLA = path.join(ROOT, 'bin', 'lla.cjs');

export interface LlaResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws with the output when it is not). */
  json<T = any>(): T;
}

export interface LlaOptions {
  env?: Record<string, string | undefined>;
  /** Written to stdin, then closed. Default: stdin is an empty, closed pipe. */
  input?: string;
  /** Keep stdin open (to prove nothing waits for it). */
  keepStdinOpen?: boolean;
  timeoutMs?: number;
}

export function lla(dataDir: string, args: string[], options: LlaOptions = {}): Promise<LlaResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LLA, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LLA_DATA: dataDir, NO_COLOR: '1', TZ: 'UTC', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`lla ${args.join(' ')} did not finish within ${options.timeoutMs ?? 20_000} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        stderr,
        json() {
          try {
            return JSON.parse(stdout);
          } catch {
            throw new Error(`not JSON (exit ${code}):\n${stdout}\n--- stderr ---\n${stderr}`);
          }
        },
      });
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else if (!options.keepStdinOpen) child.stdin.end();
  });
}

/** A fresh data directory; call `cleanup` in afterAll. */
export async function tempDataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lla-cli-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A store made by `lla init` with, added in-process through the core:
 * quartermaster P-0001 (kim@voorbeeld.nl), ambassador P-0002
 * (ada@voorbeeld.nl), project lead of HGL P-0003 (piet@voorbeeld.nl),
 * process director of HGL P-0004 (petra@voorbeeld.nl, standing pool),
 * project lead of UTR P-0005 (uma@voorbeeld.nl, standing pool).
 */
export async function seededDataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const t = await tempDataDir();
  const r = await lla(t.dir, ['init', '--naam', 'Kim Kwartier', '--email', 'kim@voorbeeld.nl']);
  if (r.code !== 0) throw new Error(`lla init → ${r.code}\n${r.stderr}`);
  const { FileStore } = await import('../../data/file-store.js');
  const { addPerson } = await import('../../core/usecases/people.js');
  const { systemClock } = await import('../../core/dates.js');
  const ctx = { actor: { personId: 'P-0001' }, channel: 'cli' as const, clock: systemClock, store: new FileStore({ dir: t.dir }) };
  await addPerson(ctx, { name: 'Ada Ambassadeur', email: 'ada@voorbeeld.nl', roles: ['ambassador'] });
  await addPerson(ctx, { name: 'Piet Projectleider', email: 'piet@voorbeeld.nl', roles: ['projectLead'], regionCode: 'HGL', slackUserId: 'U0PIET0001' });
  await addPerson(ctx, { name: 'Petra Procesregisseur', email: 'petra@voorbeeld.nl', roles: ['processDirector'], regionCode: 'HGL', poolMember: true });
  await addPerson(ctx, { name: 'Uma Utrecht', email: 'uma@voorbeeld.nl', roles: ['projectLead'], regionCode: 'UTR', poolMember: true });
  return t;
}
