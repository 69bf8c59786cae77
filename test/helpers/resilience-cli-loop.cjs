/**
 * One OS process that runs the real CLI (`dist/lla-cli/main.cjs`, what
 * `bin/lla.cjs` runs) many times in a row, without paying node's start-up per
 * change: `lla --json --as <who> signaal nieuw --knelpunt <id> --toelichting
 * "CLI-signaal <tag>-<i>: …"` for i = 0..count-1. After each run that exited
 * 0 it prints `ok <tag>-<i>`; otherwise `fail <tag>-<i> <code>` and the error.
 * With LLA_LOOP_PACED=1 it waits for one line on stdin before each change, so
 * the parent can keep it level with other writers.
 *
 *   node test/helpers/resilience-cli-loop.cjs <dataDir> <as> <tag> <count> [region] [bottleneck]
 */
'use strict';
const path = require('node:path');
const { main } = require(path.join(__dirname, '..', '..', 'dist', 'lla-cli', 'main.cjs'));

const [dir, as, tag, countArg, region = 'UTR', bottleneck = 'KP-09'] = process.argv.slice(2);
if (!dir || !as || !tag || !countArg) {
  process.stderr.write('usage: resilience-cli-loop <dataDir> <as> <tag> <count> [region] [bottleneck]\n');
  process.exit(2);
}

const paced = process.env.LLA_LOOP_PACED === '1';
let tokens = 0;
let wake = null;
if (paced) {
  process.stdin.setEncoding('utf8').on('data', (d) => {
    tokens += d.split('\n').length - 1;
    if (wake) wake();
  });
  process.stdin.on('end', () => {
    tokens = Infinity;
    if (wake) wake();
  });
}
const nextToken = () =>
  new Promise((resolve) => {
    const take = () => {
      if (tokens > 0) {
        tokens -= 1;
        wake = null;
        resolve();
      } else wake = take;
    };
    take();
  });

async function run() {
  for (let i = 0; i < Number(countArg); i++) {
    if (paced) await nextToken();
    const marker = `${tag}-${i}`;
    let err = '';
    const io = {
      stdout: { write: () => true },
      stderr: { write: (s) => ((err += s), true) },
      stdin: { isTTY: false },
      env: { LLA_DATA: dir, NO_COLOR: '1', TZ: 'UTC' },
      cwd: process.cwd(),
    };
    const args = ['--json', '--as', as, 'signaal', 'nieuw', '--knelpunt', bottleneck, '--regio', region, '--toelichting', `CLI-signaal ${marker}: plek vervalt.`];
    const code = await main(args, io);
    if (code === 0) process.stdout.write(`ok ${marker}\n`);
    else process.stdout.write(`fail ${marker} ${code} ${err.replace(/\s+/g, ' ').slice(0, 300)}\n`);
  }
}

run().then(() => process.stdin.destroy(), (e) => {
  process.stderr.write(`${(e && e.stack) || e}\n`);
  process.exit(1);
});
