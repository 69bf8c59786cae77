/**
 * Concurrency: CLI processes and a running bot process write the same store
 * at the same time, 4 writers × 200 changes:
 *   A  `lla casus meld` (kwartiermaker, UTR): one `lla` process per change,
 *      two at a time
 *   B  `lla signaal nieuw` (Uma, UTR): one process running the CLI's main()
 *      per change (the same code as `lla`, without node's start-up each time)
 *   C  the bot: stuck cases through signed Slack modal submissions (Piet, HGL)
 *   D  the bot: signals through Teams card submits (Petra, HGL)
 * B, C and D are paced by A (the slowest), so all four overlap from the
 * first change to the last. Afterwards every change is in the file exactly
 * once, ids are unique, the file is valid, and the audit log has one entry
 * per change, on the right channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, updatePerson, type Context } from '../../core/index.js';
import { FileStore } from '../../data/file-store.js';
import { seededDataDir } from '../helpers/cli.js';
import { killAllBots, spawnBot, type BotProcess } from '../helpers/resilience-bot.js';
import { openSlackReportModal, openTeamsSignalForm, submitSlackCase, submitTeamsSignal } from '../helpers/resilience-chat.js';
import { caseArgs, killAllLla, spawnCliLoop, spawnLla } from '../helpers/resilience-cli.js';
import { markerCounts, readValidStore } from '../helpers/resilience-store.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-fake-api.js';
import { teamsUser } from '../helpers/teams-activity.js';
import { startFakeConnector, type FakeConnector } from '../helpers/teams-connector.js';

const N = 200;
const PIET = 'U0PIET0001';
const petra = teamsUser(4, 'Petra Procesregisseur');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let data: { dir: string; cleanup: () => Promise<void> };
let api: FakeSlackApi;
let connector: FakeConnector;
let bot: BotProcess;

beforeAll(async () => {
  data = await seededDataDir();
  const store = new FileStore({ dir: data.dir });
  const kim: Context = { actor: { personId: 'P-0001' }, channel: 'cli', clock: systemClock, store };
  await updatePerson(kim, { personId: 'P-0004', teamsAadObjectId: petra.aadObjectId });
  api = await startFakeSlackApi();
  connector = await startFakeConnector();
  bot = await spawnBot(data.dir, { slackApiUrl: api.url });
});

afterAll(async () => {
  killAllLla();
  await bot?.stop();
  killAllBots();
  await api?.close();
  await connector?.close();
  await data?.cleanup();
});

interface WriterResult {
  acked: string[];
  failures: string[];
}

describe('CLI processes and the bot write one store at once', () => {
  it(`4 writers × ${N} changes: all present exactly once, ids unique, file valid, audit complete`, async () => {
    const before = await readValidStore(data.dir);
    const modal = await openSlackReportModal(bot.url, api, PIET);
    const form = await openTeamsSignalForm(bot.url, connector, petra);
    let progressA = 0;
    const loop = spawnCliLoop(data.dir, 'P-0005', 'B', N, { paced: true });
    loop.allow(3);

    /** Two lanes of `lla` processes (the machine has two cores); lane k makes changes k, k+2, k+4, … */
    const cliWriter = async (): Promise<WriterResult> => {
      const r: WriterResult = { acked: [], failures: [] };
      const lane = async (k: number) => {
        for (let i = k; i < N; i += 2) {
          const marker = `A-${i}`;
          const out = await spawnLla(data.dir, caseArgs('P-0001', marker)).done;
          if (out.code === 0) r.acked.push(marker);
          else r.failures.push(`${marker}: exit ${out.code} ${out.stderr.slice(0, 300)}`);
          progressA += 1;
          loop.allow();
        }
      };
      await Promise.all([lane(0), lane(1)]);
      return r;
    };
    const loopWriter = async (): Promise<WriterResult> => {
      const code = await loop.done;
      return { acked: loop.acked, failures: code === 0 ? loop.failures : [...loop.failures, `exit ${code}: ${loop.stderr()}`] };
    };

    /** Keep the bot writers level with A, so all four overlap throughout. */
    const paced = async (i: number) => {
      for (let w = 0; w < 12_000 && progressA < i - 2; w++) await sleep(5);
    };

    const slackWriter = async (): Promise<WriterResult> => {
      const r: WriterResult = { acked: [], failures: [] };
      for (let i = 0; i < N; i++) {
        await paced(i);
        const marker = `C-${i}`;
        const ack = await submitSlackCase(bot.url, PIET, modal, marker);
        if (ack.status === 200) r.acked.push(marker);
        else r.failures.push(`${marker}: ${ack.status}`);
      }
      return r;
    };

    const teamsWriter = async (): Promise<WriterResult> => {
      const r: WriterResult = { acked: [], failures: [] };
      for (let i = 0; i < N; i++) {
        await paced(i);
        const marker = `D-${i}`;
        const ack = await submitTeamsSignal(bot.url, connector.url, petra, form, marker);
        if (ack.saved) r.acked.push(marker);
        else r.failures.push(`${marker}: ${ack.status} ${ack.text.slice(0, 200)}`);
      }
      return r;
    };

    const started = Date.now();
    const [a, b, c, d] = await Promise.all([cliWriter(), loopWriter(), slackWriter(), teamsWriter()]);
    const seconds = (Date.now() - started) / 1000;
    for (const w of [a, b, c, d]) {
      expect(w.failures).toEqual([]);
      expect(w.acked).toHaveLength(N);
    }

    // Slack may ack a slow save with "Bezig met opslaan…" and finish it after the ack: wait (bounded) for those.
    let after = await readValidStore(data.dir);
    for (let w = 0; w < 200 && after.cases.length < before.cases.length + 2 * N; w++) {
      await sleep(50);
      after = await readValidStore(data.dir);
    }

    // Every acknowledged change is there exactly once.
    const caseMarkers = markerCounts(after.cases.map((x) => x.sketch));
    const signalMarkers = markerCounts(after.signals.map((s) => s.note));
    for (const m of [...a.acked, ...c.acked]) expect(caseMarkers.get(m), `case ${m}`).toBe(1);
    for (const m of [...b.acked, ...d.acked]) expect(signalMarkers.get(m), `signal ${m}`).toBe(1);

    // Nothing else was added, and ids are unique (readValidStore checks them; the counts prove no overwrite).
    expect(after.cases).toHaveLength(before.cases.length + 2 * N);
    expect(after.signals).toHaveLength(before.signals.length + 2 * N);
    expect(new Set(after.cases.map((x) => x.code)).size).toBe(after.cases.length);
    expect(new Set(after.signals.map((s) => s.id)).size).toBe(after.signals.length);
    // Case codes are handed out without gaps: the counter was never lost between processes.
    const seqs = after.cases.map((x) => Number(x.code.slice(-4))).sort((p, q) => p - q);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));

    // Who and through which front: each change audited once, on its own channel.
    const newAudit = after.audit.slice(before.audit.length);
    const count = (action: string, channel: string) => newAudit.filter((e) => e.action === action && e.channel === channel).length;
    expect(count('case.report', 'cli')).toBe(N);
    expect(count('case.report', 'slack')).toBe(N);
    expect(count('signal.report', 'cli')).toBe(N);
    expect(count('signal.report', 'teams')).toBe(N);
    const seq = after.audit.map((e) => e.seq);
    expect(seq).toEqual(Array.from({ length: seq.length }, (_, i) => i + 1));
    const byCase = new Map(after.cases.map((x) => [x.code, x]));
    for (const e of newAudit.filter((x) => x.action === 'case.report')) {
      expect(byCase.get(e.entityId)?.reporterId).toBe(e.channel === 'slack' ? 'P-0003' : 'P-0001');
    }

    // The bot is still healthy after it all.
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(bot.child.exitCode).toBeNull();
    console.log(`concurrency: ${4 * N} changes by the CLI (processes, main() loop) and the bot (Slack + Teams) in ${seconds.toFixed(1)} s`);
  }, 300_000);
});
