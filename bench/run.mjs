#!/usr/bin/env node
/**
 * `npm run bench`: whole-process timings, each against a baseline measured
 * in the same run (A B A B …, ratio taken pair by pair), because shared
 * machines are noisy. Prints a table and writes bench/results.md.
 *
 * Options: --runs <n> (default 15, at least 5), --warmup <n> (default 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LLA = path.join(ROOT, 'bin', 'lla.cjs');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const RUNS = Math.max(5, opt('--runs', 15));
const WARMUP = Math.max(0, opt('--warmup', 2));

function timeOnce(cmd, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** Paired A/B timing; `setup` runs before every A and B run (not timed). */
function paired(name, a, b, { env = {}, setup } = {}) {
  for (let i = 0; i < WARMUP; i++) {
    setup?.();
    timeOnce(a, env);
    setup?.();
    timeOnce(b, env);
  }
  const as = [];
  const bs = [];
  const ratios = [];
  for (let i = 0; i < RUNS; i++) {
    setup?.();
    const ta = timeOnce(a, env);
    setup?.();
    const tb = timeOnce(b, env);
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { name, a: stats(as), b: stats(bs), ratio: stats(ratios) };
}

const results = [];
const dir = mkdtempSync(path.join(tmpdir(), 'lla-bench-'));
try {
  results.push({
    ...paired('CLI-start: `lla --help` vs `node -e ""`', [process.execPath, LLA, '--help'], [process.execPath, '-e', '']),
    target: '≤ 1.3',
    check: (r) => r.ratio.median <= 1.3,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const f = (x) => x.toFixed(1);
const r3 = (x) => x.toFixed(3);
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const lines = [
  `# lla benchmarks`,
  ``,
  `${new Date().toISOString()} — ${machine}; ${RUNS} paired runs after ${WARMUP} warm-up runs.`,
  ``,
  `| measurement | A median ms (min–max) | baseline median ms (min–max) | ratio A/B median (min–max) | target | met |`,
  `|---|---|---|---|---|---|`,
  ...results.map(
    (r) =>
      `| ${r.name} | ${f(r.a.median)} (${f(r.a.min)}–${f(r.a.max)}) | ${f(r.b.median)} (${f(r.b.min)}–${f(r.b.max)}) | ${r3(r.ratio.median)} (${r3(r.ratio.min)}–${r3(r.ratio.max)}) | ${r.target} | ${r.check(r) ? 'ja' : 'nee'} |`,
  ),
  ``,
];
const text = lines.join('\n');
process.stdout.write(`${text}\n`);
writeFileSync(path.join(ROOT, 'bench', 'results.md'), `${text}\n`);
