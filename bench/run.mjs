#!/usr/bin/env node
/**
 * `npm run bench`: timings of whole processes and requests, each against a
 * baseline measured in the same run (A B A B …, the ratio taken pair by
 * pair), because shared machines are noisy. Prints a table and writes
 * bench/results.md. Plain node timing; uses the compiled code in dist/.
 *
 *  1. CLI start: `lla --help` vs `node -e ""`.
 *  2. One `lla casus meld` on a demo store of 10,000 cases vs a bare node
 *     process that reads, parses and rewrites the same file.
 *  3. `lla rapport --formaat html` on that store vs a bare node parse of it.
 *  4. Slack: 50 concurrent signed slash commands against the bot's Slack
 *     platform vs a bare Bolt app that only acks (bench/slack-peer.mjs).
 *  5. Idle RSS of the bot process vs an idle bare node process.
 *  6. Store growth: item 2 at 1,000, 10,000 and 50,000 cases.
 *
 * Options: --runs <n> (default 7, at least 5), --warmup <n> (default 1),
 * --quick (5 runs, no warm-up, growth without 50,000, 3 Slack rounds),
 * --only <1,2,…> (a selection of the items).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { request, Agent } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LLA = path.join(ROOT, 'bin', 'lla.cjs');
const PEER = path.join(ROOT, 'bench', 'slack-peer.mjs');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : def;
};
const QUICK = flag('--quick');
const RUNS = Math.max(5, Number(opt('--runs', QUICK ? 5 : 7)));
const WARMUP = Math.max(0, Number(opt('--warmup', QUICK ? 0 : 1)));
const ONLY = new Set(String(opt('--only', '1,2,3,4,5,6')).split(',').map(Number));
const SLACK_ROUNDS = QUICK ? 3 : 5;
const SLACK_CONCURRENT = 50;
const GROWTH = QUICK ? [1_000, 10_000] : [1_000, 10_000, 50_000];
const dist = (p) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);

// Statistics -------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const progress = (line) => process.stderr.write(`${line}\n`);

// Whole processes ----------------------------------------------------------

function timeOnce(cmd, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} stopte met ${r.status}: ${r.stderr}`);
  return ms;
}

/** Paired A/B timing; `setupA`/`setupB` run (untimed) before every A and B run. */
function paired(a, b, { setupA, setupB, runs = RUNS } = {}) {
  const once = () => {
    setupA?.();
    const ta = timeOnce(a);
    setupB?.();
    const tb = timeOnce(b);
    return [ta, tb];
  };
  for (let i = 0; i < WARMUP; i++) once();
  const as = [];
  const bs = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    const [ta, tb] = once();
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { a: stats(as), b: stats(bs), ratio: stats(ratios) };
}

const BARE_REWRITE = `const fs=require('fs');const f=process.argv[1];const d=JSON.parse(fs.readFileSync(f,'utf8'));fs.writeFileSync(f,JSON.stringify(d)+'\\n');`;
const BARE_PARSE = `const fs=require('fs');JSON.parse(fs.readFileSync(process.argv[1],'utf8'));`;

// Stores -------------------------------------------------------------------

/**
 * A demo store of `cases` cases (and 4 × as many signals without a case, so
 * 10,000 cases give some 56,000 signals), or with `demoDefaults` the store
 * `npm run demo` makes, written by lla itself (with its mark), kept as a
 * pristine copy. `restore()` puts that copy back, so every
 * run sees the same store. `bare` is a plain copy of the file for the baseline.
 */
async function demoStore(work, cases, { demoDefaults = false } = {}) {
  const [{ generateDemoStore }, { FileStore, STORE_FILE, STORE_MARK }] = await Promise.all([dist('data/demo.js'), dist('data/file-store.js')]);
  const dir = path.join(work, `store-${cases}`);
  const pristine = path.join(work, `pristine-${cases}`);
  mkdirSync(pristine, { recursive: true });
  const t0 = performance.now();
  const data = generateDemoStore(demoDefaults ? { now: new Date() } : { now: new Date(), cases, extraSignals: 4 * cases });
  const counts = { cases: data.cases.length, signals: data.signals.length, audit: data.audit.length };
  await new FileStore({ dir: pristine }).initialise(data);
  const files = [STORE_FILE, STORE_MARK];
  const bare = path.join(work, `bare-${cases}.json`);
  const mb = readFileSync(path.join(pristine, STORE_FILE)).length / 2 ** 20;
  progress(`  demo-opslag ${cases} casussen: ${counts.signals} signalen, ${counts.audit} auditregels, ${mb.toFixed(1)} MB (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return {
    dir,
    bare,
    mb,
    counts,
    restore() {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      for (const f of files) copyFileSync(path.join(pristine, f), path.join(dir, f));
    },
    restoreBare() {
      copyFileSync(path.join(pristine, STORE_FILE), bare);
    },
    drop() {
      for (const p of [dir, pristine, bare]) rmSync(p, { recursive: true, force: true });
    },
  };
}

const MELD = ['casus', 'meld', '--regio', 'HGL', '--thema', 'wonen', '--knelpunten', 'KP-02', '--schets', 'Uitstroom uit kliniek stokt, geen woonplek', '--stappen', 'casustafel', '--hulp', 'advies', '--no-input'];

function meldVersusBare(store, { runs = RUNS } = {}) {
  return paired([process.execPath, LLA, '--data', store.dir, ...MELD], [process.execPath, '-e', BARE_REWRITE, store.bare], {
    setupA: store.restore,
    setupB: store.restoreBare,
    runs,
  });
}

// Slack ------------------------------------------------------------------------

/** Start a peer process; resolves with its URL and a stop function. */
function startPeer(peerArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PEER, ...peerArgs], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => fail(new Error(`slack-peer ${peerArgs[0]} start niet binnen 30 s: ${err}`)), 30_000);
    const fail = (e) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.on('exit', (code) => fail(new Error(`slack-peer ${peerArgs[0]} stopte (${code}): ${err}`)));
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      err += chunk;
      const line = err.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: JSON.parse(line).url,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** POST one signed slash command; resolves with ms until the response status line (must be 200). */
function postCommand(url, agent, secret, body) {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature },
    });
    req.setTimeout(10_000, () => req.destroy(new Error('time-out')));
    req.on('response', (res) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(ms) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let commandSeq = 0;
/** `n` concurrent commands, `/lla help` and `/lla meld` in turn, from the given Slack users. */
async function burst(url, secret, users, n) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  try {
    const bodies = Array.from({ length: n }, (_, i) =>
      new URLSearchParams({
        token: 'legacy',
        team_id: 'T0LLA0001',
        team_domain: 'lla',
        channel_id: 'C0ALGEMEEN',
        channel_name: 'algemeen',
        user_id: users[i % users.length],
        user_name: 'bench',
        command: '/lla',
        text: i % 2 === 0 ? 'help' : 'meld',
        api_app_id: 'A0LLA0001',
        response_url: 'http://127.0.0.1:9/unused',
        trigger_id: `bench-${++commandSeq}`,
      }).toString(),
    );
    return await Promise.all(bodies.map((b) => postCommand(url, agent, secret, b)));
  } finally {
    agent.destroy();
  }
}

async function slackAck(store) {
  const { SIGNING_SECRET } = await import(pathToFileURL(PEER).href);
  const { FileStore } = await dist('data/file-store.js');
  const users = (await new FileStore({ dir: store.dir }).read()).people.filter((p) => p.active && p.slackUserId).map((p) => p.slackUserId);
  if (users.length === 0) throw new Error('de demo-opslag heeft geen Slack-gebruikers');
  const api = await startPeer(['api']);
  const lla = await startPeer(['lla', store.dir, api.url]);
  const bare = await startPeer(['bare', api.url]);
  try {
    // Warm-up: JIT, Bolt's first-request work, the bot's first store read.
    await burst(lla.url, SIGNING_SECRET, users, SLACK_CONCURRENT);
    await burst(bare.url, SIGNING_SECRET, users, SLACK_CONCURRENT);
    const rounds = [];
    for (let r = 0; r < SLACK_ROUNDS; r++) {
      // Alternate which goes first.
      const first = r % 2 === 0 ? lla : bare;
      const second = first === lla ? bare : lla;
      const t1 = await burst(first.url, SIGNING_SECRET, users, SLACK_CONCURRENT);
      const t2 = await burst(second.url, SIGNING_SECRET, users, SLACK_CONCURRENT);
      const [a, b] = first === lla ? [t1, t2] : [t2, t1];
      rounds.push({ a50: percentile(a, 50), a99: percentile(a, 99), b50: percentile(b, 50), b99: percentile(b, 99) });
    }
    const pick = (k) => stats(rounds.map((x) => x[k]));
    return {
      p50: { a: pick('a50'), b: pick('b50'), ratio: stats(rounds.map((x) => x.a50 / x.b50)) },
      p99: { a: pick('a99'), b: pick('b99'), ratio: stats(rounds.map((x) => x.a99 / x.b99)) },
    };
  } finally {
    await Promise.all([lla.stop(), bare.stop(), api.stop()]);
  }
}

// RSS ----------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function vmRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`geen VmRSS voor ${pid}`);
  return kb / 1024;
}

/** Start `cmd`, wait until `readyText` shows on stderr (or at once), then 2 s, read its RSS, stop it. */
function idleRss(cmd, env, readyText) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let measured = false;
    const timer = setTimeout(() => finish(new Error(`niet klaar binnen 30 s: ${err}`)), 30_000);
    const finish = (e, mb) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.once('exit', () => (e ? reject(e) : resolve(mb)));
      if (child.exitCode !== null) return e ? reject(e) : resolve(mb);
      child.kill('SIGTERM');
    };
    const measure = async () => {
      if (measured) return;
      measured = true;
      await sleep(2000);
      try {
        finish(undefined, vmRssMb(child.pid));
      } catch (e) {
        finish(e);
      }
    };
    child.on('exit', (code) => finish(new Error(`stopte (${code}) voor de meting: ${err}`)));
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      err += chunk;
      if (readyText && err.includes(readyText)) void measure();
    });
    if (!readyText) void measure();
  });
}

/** What `npm start` runs (package.json), with this node: the bot as it is deployed, flags included. */
const START_SCRIPT = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
const START = (() => {
  const [cmd, ...rest] = START_SCRIPT.trim().split(/\s+/);
  if (cmd !== 'node') throw new Error(`npm start begint niet met node: ${START_SCRIPT}`);
  return [process.execPath, ...rest];
})();

async function botRss(store) {
  // Only what the bot needs: no Slack or Microsoft variables, so Teams runs in local mode.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LLA_DATA: store.dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  const as = [];
  const bs = [];
  const ratios = [];
  const runs = RUNS;
  for (let i = 0; i < runs; i++) {
    store.restore();
    const a = await idleRss(START, env, 'luistert op');
    const b = await idleRss([process.execPath, '-e', 'setInterval(()=>{},1e3)'], env, null);
    as.push(a);
    bs.push(b);
    ratios.push(a / b);
  }
  return { a: stats(as), b: stats(bs), ratio: stats(ratios) };
}

// Run ----------------------------------------------------------------------------

const rows = [];
const notes = [];
const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (x) => `${x.toFixed(1)} MB`;
const r2 = (x) => x.toFixed(2);
function row(name, m, unit, target, met) {
  rows.push({ name, m, unit, target, met });
  const cell = (s) => `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
  const verdict = target === '—' || target === 'laten zien' ? '' : met ? ' (doel gehaald)' : ' (doel niet gehaald)';
  progress(`  ${name}: ${cell(m.a)} vs ${cell(m.b)} → ${r2(m.ratio.median)}${verdict}`);
}

const work = mkdtempSync(path.join(tmpdir(), 'lla-bench-'));
try {
  if (ONLY.has(1)) {
    progress('1. CLI-start');
    const m = paired([process.execPath, LLA, '--help'], [process.execPath, '-e', ''], { runs: Math.max(RUNS, 15) });
    row('1. CLI-start: `lla --help` vs `node -e ""`', m, ms, 'verhouding ≤ 1,3', m.ratio.median <= 1.3);
  }

  const needs10k = [2, 3, 6].some((n) => ONLY.has(n));
  const s10k = needs10k ? (progress('opslag van 10.000 casussen maken'), await demoStore(work, 10_000)) : null;
  const sizeNote = s10k ? `${s10k.counts.cases.toLocaleString('nl-NL')} casussen, ${s10k.counts.signals.toLocaleString('nl-NL')} signalen, ${s10k.counts.audit.toLocaleString('nl-NL')} auditregels, ${s10k.mb.toFixed(0)} MB` : '';
  let meld10k;

  if (ONLY.has(2)) {
    progress('2. casus melden');
    meld10k = meldVersusBare(s10k);
    row(`2. \`lla casus meld\` (${sizeNote}) vs node: lezen + parsen + herschrijven`, meld10k, ms, 'verhouding ≤ 1,5', meld10k.ratio.median <= 1.5);
  }

  if (ONLY.has(3)) {
    progress('3. rapport');
    const out = path.join(work, 'rapport.html');
    s10k.restore();
    const m = paired([process.execPath, LLA, '--data', s10k.dir, 'rapport', '--formaat', 'html', '--uit', out], [process.execPath, '-e', BARE_PARSE, s10k.bare], {
      setupA: s10k.restore,
      setupB: s10k.restoreBare,
    });
    const label = '`lla rapport --formaat html`';
    row(`3. ${label} (zelfde opslag) vs node: lezen + parsen`, m, ms, '≤ 1000 ms en verhouding ≤ 3', m.a.median <= 1000 && m.ratio.median <= 3);
  }

  if (ONLY.has(4)) {
    progress('4. Slack-ack');
    const small = await demoStore(work, 180, { demoDefaults: true });
    small.restore();
    const m = await slackAck(small);
    row(`4. Slack-ack p50: ${SLACK_CONCURRENT} gelijktijdige slash-commando's (help/meld), demo-opslag, vs kale Bolt-app die alleen ackt`, m.p50, ms, '—', true);
    row(`4. Slack-ack p99: idem`, m.p99, ms, 'p99 ≤ 100 ms en verhouding ≤ 1,5', m.p99.a.median <= 100 && m.p99.ratio.median <= 1.5);
    notes.push(`Rij 4: ${SLACK_ROUNDS} rondes na een opwarmronde; per ronde ${SLACK_CONCURRENT} verzoeken tegelijk naar elk van beide (om beurten eerst), tijd tot de HTTP-200-statusregel; de cijfers zijn medianen (min–max) van de p50 en p99 per ronde.`);
    small.drop();
  }

  if (ONLY.has(5)) {
    progress('5. RSS van de bot in rust');
    const small = await demoStore(work, 180, { demoDefaults: true });
    const m = await botRss(small);
    row(`5. RSS van de bot in rust: \`npm start\` (\`${START_SCRIPT}\`; Teams lokaal, demo-opslag) vs kale node in rust`, m, mb, '≤ 150 MB', m.a.median <= 150);
    small.drop();
  }

  if (ONLY.has(6)) {
    progress('6. groei van de opslag');
    for (const cases of GROWTH) {
      let m;
      let size;
      if (cases === 10_000 && meld10k) {
        m = meld10k;
        size = s10k;
      } else if (cases === 10_000) {
        m = meldVersusBare(s10k);
        size = s10k;
      } else {
        size = await demoStore(work, cases);
        m = meldVersusBare(size, { runs: cases > 10_000 ? 5 : RUNS });
      }
      row(`6. \`lla casus meld\` bij ${cases.toLocaleString('nl-NL')} casussen (${size.mb.toFixed(0)} MB) vs node: lezen + parsen + herschrijven`, m, ms, 'laten zien', true);
      if (size !== s10k) size.drop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cpu = cpus();
const machine = `${cpu.length} cores (${cpu[0]?.model?.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;
const cell = (r, s) => `${r.unit(s.median)} (${r.unit(s.min)}–${r.unit(s.max)})`;
const lines = [
  `# lla benchmarks`,
  ``,
  `${new Date().toISOString()} — ${machine}.`,
  `${RUNS} gepaarde runs per meting (CLI-start: ${Math.max(RUNS, 15)}) na ${WARMUP} opwarmrun(s); \`node bench/run.mjs${args.length ? ` ${args.join(' ')}` : ''}\`.`,
  `Elke verhouding is lla gedeeld door de basislijn uit dezelfde run, paar voor paar; mediaan (min–max).`,
  ``,
  `| meting | lla mediaan (min–max) | basislijn mediaan (min–max) | verhouding mediaan (min–max) | doel | gehaald |`,
  `|---|---|---|---|---|---|`,
  ...rows.map((r) => `| ${r.name} | ${cell(r, r.m.a)} | ${cell(r, r.m.b)} | ${r2(r.m.ratio.median)} (${r2(r.m.ratio.min)}–${r2(r.m.ratio.max)}) | ${r.target} | ${r.target === 'laten zien' || r.target === '—' ? '—' : r.met ? 'ja' : 'nee'} |`),
  ``,
  ...notes.map((n) => `- ${n}`),
  ...(notes.length ? [''] : []),
];
const text = lines.join('\n');
process.stdout.write(`${text}\n`);
writeFileSync(path.join(ROOT, 'bench', 'results.md'), `${text}\n`);
