/**
 * Crashes: the real `lla` and the real bot process killed with SIGKILL at
 * random moments while they write, 20 rounds alternating between the two.
 * After every round the file is valid, every change that was acknowledged
 * (exit 0 with the case code; a Slack ack showing the case code; a Teams card
 * saying the signal was saved) is there exactly once, and the next writer
 * gets the lock at once, well before a stale lock would time out (30 s): a
 * lock left by a killed process is recovered by its dead pid.
 *
 * (test/store.test.ts does the same for FileStore writers in a loop; this
 * adds the CLI and the bot as their users run them.)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, updatePerson, type Context } from '../../core/index.js';
import { FileStore, STORE_FILE } from '../../data/file-store.js';
import { ROOT, seededDataDir } from '../helpers/cli.js';
import { killAllBots, spawnBot } from '../helpers/resilience-bot.js';
import { CASE_CODE, openSlackReportModal, openTeamsSignalForm, submitSlackCase, submitTeamsSignal, type TeamsSignalForm } from '../helpers/resilience-chat.js';
import { caseArgs, killAllLla, llaProcesses, spawnLla } from '../helpers/resilience-cli.js';
import { markerCounts, readValidStore, strayFiles } from '../helpers/resilience-store.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-fake-api.js';
import { teamsUser } from '../helpers/teams-activity.js';
import { startFakeConnector, type FakeConnector } from '../helpers/teams-connector.js';

const ROUNDS = 20;
const PIET = 'U0PIET0001';
const petra = teamsUser(4, 'Petra Procesregisseur');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let data: { dir: string; cleanup: () => Promise<void> };
let store: FileStore;
let api: FakeSlackApi;
let connector: FakeConnector;

/** A seeded generator, so a failing round can be replayed (the seed is printed). */
const SEED = Number(process.env.LLA_CRASH_SEED ?? Date.now() % 100_000);
let rng = SEED;
const random = () => (rng = (rng * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

beforeAll(async () => {
  data = await seededDataDir();
  store = new FileStore({ dir: data.dir });
  const kim: Context = { actor: { personId: 'P-0001' }, channel: 'cli', clock: systemClock, store };
  await updatePerson(kim, { personId: 'P-0004', teamsAadObjectId: petra.aadObjectId });
  api = await startFakeSlackApi();
  connector = await startFakeConnector();
});

afterAll(async () => {
  killAllLla();
  killAllBots();
  await api?.close();
  await connector?.close();
  await data?.cleanup();
});

/** Wait (polling fast, bounded) until the store's lock file appears: the process is in its write. */
async function lockSeen(until: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const lock = `${path.join(data.dir, STORE_FILE)}.lock`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !until()) {
    if (existsSync(lock)) return true;
    await new Promise((r) => setImmediate(r));
  }
  return false;
}

/** One un-killed `lla casus meld`: must succeed, and fast (a stale lock would otherwise hold it for 30 s). */
async function writerAfterCrash(marker: string): Promise<{ code: string; ms: number }> {
  const out = await spawnLla(data.dir, caseArgs('P-0001', marker)).done;
  expect(out.code, out.stderr).toBe(0);
  expect(out.ms).toBeLessThan(15_000);
  return { code: JSON.parse(out.stdout).code as string, ms: out.ms };
}

describe('SIGKILL during writes', () => {
  it(`${ROUNDS} rounds, lla and the bot killed mid-write: file valid, acknowledged changes present, stale lock recovered`, async () => {
    const acked = { cases: new Set<string>(), signals: new Set<string>() };
    const tally = { roundsKilled: 0, killedInWrite: 0, staleLocks: 0 };
    let modal: any;
    let form: TeamsSignalForm | undefined;

    for (let round = 0; round < ROUNDS; round++) {
      const lockFile = `${store.file}.lock`;
      if (round % 2 === 0) {
        // --- the CLI: one `lla casus meld`, killed as soon as it holds the lock (+ 0–10 ms), or at a random moment
        const marker = `K-${round}`;
        const p = spawnLla(data.dir, caseArgs('P-0001', marker));
        const exited = () => p.child.exitCode !== null || p.child.signalCode !== null;
        if (round % 4 === 0) {
          if (await lockSeen(exited)) tally.killedInWrite += 1;
          await sleep(random() * 10);
        } else {
          // A random moment within its life (start-up, read, write): a whole `casus meld` takes some 250 ms here.
          await sleep(50 + random() * 200);
        }
        p.child.kill('SIGKILL');
        const out = await p.done;
        if (out.signal === 'SIGKILL') tally.roundsKilled += 1;
        if (out.code === 0) {
          acked.cases.add(marker);
          expect(out.stdout).toMatch(CASE_CODE);
        }
      } else {
        // --- the bot: Slack cases and Teams signals in flight, the process killed mid-stream
        const bot = await spawnBot(data.dir, { slackApiUrl: api.url });
        modal ??= await openSlackReportModal(bot.url, api, PIET);
        form ??= await openTeamsSignalForm(bot.url, connector, petra);
        let stop = false;
        const inFlight: Promise<void>[] = [];
        for (let lane = 0; lane < 3; lane++) {
          inFlight.push(
            (async () => {
              for (let i = 0; !stop && i < 500; i++) {
                const marker = `B${round}x${lane}-${i}`;
                try {
                  if (lane === 2) {
                    const r = await submitTeamsSignal(bot.url, connector.url, petra, form!, marker);
                    if (r.saved) acked.signals.add(marker);
                  } else {
                    const r = await submitSlackCase(bot.url, PIET, modal, marker, 5_000);
                    if (r.status === 200 && r.code) acked.cases.add(marker);
                  }
                } catch {
                  return; // the connection died with the bot: not acknowledged
                }
              }
            })(),
          );
        }
        if (round % 4 === 1) {
          await sleep(50 + random() * 100);
          if (await lockSeen(() => false)) tally.killedInWrite += 1;
          await sleep(random() * 5);
        } else {
          await sleep(100 + random() * 400);
        }
        bot.child.kill('SIGKILL');
        const code = await bot.exited;
        stop = true;
        await Promise.all(inFlight);
        if (code === null) tally.roundsKilled += 1;
      }

      // After every round: the file is valid and holds every acknowledged change exactly once.
      const after = await readValidStore(data.dir);
      const cases = markerCounts(after.cases.map((c) => c.sketch));
      const signals = markerCounts(after.signals.map((s) => s.note));
      for (const m of acked.cases) expect(cases.get(m), `round ${round} (seed ${SEED}): case ${m}`).toBe(1);
      for (const m of acked.signals) expect(signals.get(m), `round ${round} (seed ${SEED}): signal ${m}`).toBe(1);
      for (const [m, n] of [...cases, ...signals]) expect(n, `round ${round}: ${m} twice`).toBe(1);

      // A lock left behind by the dead process does not hold the next writer up.
      if (existsSync(lockFile)) {
        tally.staleLocks += 1;
        const owner = JSON.parse((await readFile(lockFile, 'utf8').catch(() => '')) || '{}') as { pid?: number };
        if (owner.pid) expect(() => process.kill(owner.pid!, 0), `lock owner ${owner.pid} should be dead`).toThrow();
        const next = await writerAfterCrash(`N-${round}`);
        acked.cases.add(`N-${round}`);
        expect(next.code).toMatch(CASE_CODE);
      }
    }

    // The rounds really crashed writers, and some while they held the lock.
    expect(tally.roundsKilled, JSON.stringify(tally)).toBeGreaterThanOrEqual(ROUNDS - 4);
    expect(tally.killedInWrite, JSON.stringify(tally)).toBeGreaterThanOrEqual(1);
    expect(acked.cases.size + acked.signals.size).toBeGreaterThanOrEqual(ROUNDS / 2);

    // Afterwards both fronts work on the store as usual; leftovers of the killed writers are swept.
    await writerAfterCrash('Z-1');
    const bot = await spawnBot(data.dir, { slackApiUrl: api.url });
    try {
      const r = await submitSlackCase(bot.url, PIET, modal, 'Z-2');
      expect(r.code).toMatch(CASE_CODE);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.stop();
    }
    const final = await readValidStore(data.dir);
    expect(markerCounts(final.cases.map((c) => c.sketch)).get('Z-2')).toBe(1);
    expect(await strayFiles(data.dir)).toEqual([]);
    console.log(`crash (seed ${SEED}): ${JSON.stringify(tally)}, acknowledged ${acked.cases.size} cases and ${acked.signals.size} signals`);
  }, 240_000);

  it('a lock held by a process that is then SIGKILLed is recovered at once by the CLI and by the bot', async () => {
    const lockFile = `${store.file}.lock`;
    const hold = () =>
      new Promise<() => Promise<void>>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/lock-counter.ts', 'hold', lockFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        llaProcesses.add(child);
        const timer = setTimeout(() => reject(new Error('lock holder did not take the lock')), 20_000);
        child.stdout!.setEncoding('utf8').on('data', (d: string) => {
          if (!d.includes('locked')) return;
          clearTimeout(timer);
          resolve(async () => {
            const gone = new Promise((r) => child.on('exit', r));
            child.kill('SIGKILL');
            await gone;
            llaProcesses.delete(child);
          });
        });
      });

    // The CLI.
    let kill = await hold();
    await kill();
    expect(existsSync(lockFile)).toBe(true); // left behind by the dead holder
    const cli = await writerAfterCrash('L-1');
    expect(cli.ms).toBeLessThan(10_000);
    expect(existsSync(lockFile)).toBe(false);

    // The bot.
    kill = await hold();
    await kill();
    expect(existsSync(lockFile)).toBe(true);
    const bot = await spawnBot(data.dir, { slackApiUrl: api.url });
    try {
      const modal = await openSlackReportModal(bot.url, api, PIET);
      const started = Date.now();
      const r = await submitSlackCase(bot.url, PIET, modal, 'L-2');
      expect(r.code, `ack after ${Date.now() - started} ms`).toMatch(CASE_CODE);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await bot.stop();
    }
    const after = await readValidStore(data.dir);
    const cases = markerCounts(after.cases.map((c) => c.sketch));
    expect(cases.get('L-1')).toBe(1);
    expect(cases.get('L-2')).toBe(1);
  }, 90_000);
});
