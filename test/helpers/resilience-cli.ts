/**
 * The real `lla` executable as a child process the test can kill at any
 * moment (test/helpers/cli.ts's `lla()` waits for the end instead).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { LLA, ROOT } from './cli.js';

export interface LlaProcess {
  child: ChildProcess;
  startedAt: number;
  /** Exit code (null when killed), stdout and stderr once it ended. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>;
}

export const llaProcesses = new Set<ChildProcess>();

export function killAllLla(): void {
  for (const c of llaProcesses) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  llaProcesses.clear();
}

export function spawnLla(dataDir: string, args: string[]): LlaProcess {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [LLA, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LLA_DATA: dataDir, NO_COLOR: '1', TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  llaProcesses.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      llaProcesses.delete(child);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - startedAt });
    });
  });
  return { child, startedAt, done };
}

/** `lla --json --as <who> casus meld` with a sketch carrying `marker` (region UTR, no bottlenecks). */
export const caseArgs = (as: string, marker: string, region = 'UTR') => [
  '--json',
  '--as',
  as,
  'casus',
  'meld',
  '--regio',
  region,
  '--thema',
  'wonen',
  '--schets',
  `CLI-melding ${marker}: geen woonplek na detentie.`,
  '--stappen',
  'casustafel',
  '--hulp',
  'advies',
];

/** A process running the CLI's `main()` `count` times (test/helpers/resilience-cli-loop.cjs): `lla signaal nieuw` per change. */
export interface CliLoop {
  child: ChildProcess;
  acked: string[];
  failures: string[];
  /** Allow `n` more changes (paced mode). */
  allow(n?: number): void;
  done: Promise<number | null>;
  stderr(): string;
}

export function spawnCliLoop(dataDir: string, as: string, tag: string, count: number, options: { paced?: boolean; region?: string } = {}): CliLoop {
  const child = spawn(process.execPath, [path.join(ROOT, 'test', 'helpers', 'resilience-cli-loop.cjs'), dataDir, as, tag, String(count), options.region ?? 'UTR'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', ...(options.paced ? { LLA_LOOP_PACED: '1' } : {}) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  llaProcesses.add(child);
  const acked: string[] = [];
  const failures: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('ok ')) acked.push(line.slice(3));
      else if (line) failures.push(line);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin!.on('error', () => undefined); // a killed child: nothing to pace any more
  if (!options.paced) child.stdin!.end();
  const done = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      llaProcesses.delete(child);
      resolve(code);
    }),
  );
  return {
    child,
    acked,
    failures,
    allow(n = 1) {
      if (child.stdin!.writable) child.stdin!.write('\n'.repeat(n));
    },
    done,
    stderr: () => stderr,
  };
}
