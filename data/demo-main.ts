/**
 * `npm run demo` (after `npm run build`: `node dist/data/demo-main.js [map]`):
 * fill an empty data directory with synthetic demo data and print a short
 * summary. An existing store is never touched: then only its summary is shown.
 *
 * The data directory: the first argument (or `--data <map>`), else `LLA_DATA`,
 * else `./lla-data` (see `resolveDataDir`).
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isOpen } from '../core/case-route.js';
import { amsterdamDay } from '../core/dates.js';
import { toolMsg } from '../core/messages.js';
import type { StoreData } from '../core/schema.js';
import { DEMO_DEFAULTS, generateDemoStore } from './demo.js';
import { FileStore, resolveDataDir } from './file-store.js';

export interface RunDemoOptions {
  /** The data directory. */
  dir: string;
  /** End of the generated history. */
  now: Date;
  /** Summary lines (stdout). */
  out: (line: string) => void;
  /** Progress and messages for the terminal (stderr). */
  err: { write(chunk: string): unknown; isTTY?: boolean };
  seed?: number;
}

/** Generate and write the demo unless a store exists. Returns what happened. */
export async function runDemo(o: RunDemoOptions): Promise<'created' | 'exists'> {
  const store = new FileStore({ dir: o.dir, now: () => o.now });
  if (await store.exists()) {
    o.out(toolMsg.demoExists(store.file));
    o.out('');
    for (const line of summaryLines(await store.read(), store.file, o.now)) o.out(line);
    return 'exists';
  }

  const progress = progressPrinter(o.err);
  const demo = generateDemoStore({ now: o.now, seed: o.seed ?? DEMO_DEFAULTS.seed, onProgress: progress.update });
  progress.done();
  if (!(await store.initialise(demo))) {
    o.out(toolMsg.demoAppeared(store.file));
    return 'exists';
  }
  o.out(toolMsg.demoCreated());
  o.out('');
  for (const line of summaryLines(await store.read(), store.file, o.now)) o.out(line);
  return 'created';
}

/** Progress on stderr, only when generating takes longer than a second. */
function progressPrinter(err: RunDemoOptions['err']): { update: (done: number, total: number) => void; done: () => void } {
  const started = performance.now();
  let shown = false;
  let lastQuarter = -1;
  return {
    update(done, total) {
      if (performance.now() - started < 1000) return;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (err.isTTY) {
        err.write(`\r${toolMsg.demoProgress(pct)}`);
        shown = true;
      } else if (Math.floor(pct / 25) > lastQuarter) {
        lastQuarter = Math.floor(pct / 25);
        err.write(`${toolMsg.demoProgress(pct)}\n`);
        shown = true;
      }
    },
    done() {
      if (shown && err.isTTY) err.write(`\r${toolMsg.demoProgressDone()}\n`);
    },
  };
}

/** A short Dutch summary of a store. */
export function summaryLines(data: StoreData, file: string, now: Date): string[] {
  const today = amsterdamDay(now);
  const started = data.regions.filter((r) => r.started).length;
  const open = data.cases.filter((c) => isOpen(c.status)).length;
  const coming = data.events.filter((e) => e.status === 'planned' && e.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  const next = coming[0];
  const round = [...data.monitorRounds].sort((a, b) => b.period.localeCompare(a.period))[0];
  const counts = new Map<string, number>();
  for (const s of data.signals) counts.set(s.bottleneckId, (counts.get(s.bottleneckId) ?? 0) + 1);
  const top = data.bottlenecks
    .map((b) => ({ b, n: counts.get(b.id) ?? 0 }))
    .filter((x) => x.n > 0)
    .sort((x, y) => y.n - x.n || x.b.id.localeCompare(y.b.id))
    .slice(0, 3);

  const lines = [
    toolMsg.summaryFile(file),
    toolMsg.summaryRegions(data.regions.length, started),
    toolMsg.summaryPeople(data.people.length),
    toolMsg.summaryCases(data.cases.length, open),
    toolMsg.summarySignals(data.signals.length),
    toolMsg.summaryTaskGroups(data.taskGroups.filter((t) => t.status === 'active').length),
    toolMsg.summaryEvents(coming.length, next),
  ];
  if (round) {
    const startedCodes = new Set(data.regions.filter((r) => r.started && r.active).map((r) => r.code));
    const submitted = round.submissions.filter((s) => startedCodes.has(s.regionCode)).length;
    lines.push(toolMsg.summaryRound(round.period, round.status === 'open', submitted, startedCodes.size));
  } else {
    lines.push(toolMsg.summaryNoRound());
  }
  if (top.length > 0) {
    lines.push(toolMsg.summaryTopHeader());
    top.forEach(({ b, n }, i) => lines.push(toolMsg.summaryTopItem(i + 1, b.id, b.title, n)));
  }
  return lines;
}

/** The data directory from the arguments: `[map]` or `--data <map>` / `--data=<map>`. */
function dataFlag(args: string[]): string | undefined {
  const [first, second] = args;
  if (first === '--data') return second;
  if (first?.startsWith('--data=')) return first.slice('--data='.length);
  return first;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '-h' || args[0] === '--help') {
    process.stdout.write(`${toolMsg.demoUsage()}\n`);
    return;
  }
  // `npm run demo | head`: a closed pipe is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const dir = resolveDataDir({ env: process.env, cwd: process.cwd(), flag: dataFlag(args) });
  await runDemo({ dir, now: new Date(), out: (line) => process.stdout.write(`${line}\n`), err: process.stderr });
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((err: unknown) => {
    process.stderr.write(`${toolMsg.error(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 1;
  });
}
