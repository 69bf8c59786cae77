/**
 * One prompt flow on a real pseudo-terminal: `lla casus meld` run in a
 * detached tmux session, answered at its prompts with `tmux send-keys`
 * (arrows, space and enter for selects and checkboxes, text for the sketch),
 * reading the screen with `tmux capture-pane`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LLA, ROOT, lla, seededDataDir } from './helpers/cli.js';

function findTmux(): string | undefined {
  for (const candidate of ['/usr/bin/tmux', '/usr/local/bin/tmux', '/opt/homebrew/bin/tmux']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v tmux'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const TMUX = findTmux();
const SOCKET = `lla-test-${process.pid}-${Date.now()}`;
const SESSION = 'meld';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function tmux(...args: string[]): string {
  return execFileSync(TMUX!, ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-J', '-t', SESSION);
}

/** Poll the screen until `pattern` shows up; bounded. */
async function waitFor(pattern: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = screen();
    if (typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last)) return last;
    await sleep(100);
  }
  throw new Error(`did not see ${String(pattern)} within ${timeoutMs} ms; screen:\n${last}`);
}

/** Send keys one at a time (named keys like Down, Space, Enter, or literal text with -l). */
async function keys(...names: string[]): Promise<void> {
  for (const k of names) {
    tmux('send-keys', '-t', SESSION, k);
    await sleep(80);
  }
}

async function type(text: string): Promise<void> {
  tmux('send-keys', '-t', SESSION, '-l', text);
  await sleep(80);
}

let dir = '';
let cleanup: () => Promise<void> = async () => {};

describe.skipIf(!TMUX)('lla casus meld on a real terminal (tmux)', () => {
  beforeAll(async () => {
    const t = await seededDataDir();
    dir = t.dir;
    cleanup = t.cleanup;
  });

  afterAll(async () => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    await cleanup();
  });

  it('asks every missing field, prefills the region from the profile, and reports the case', async () => {
    // Keep the pane after lla exits so its last output can be read.
    const command = `cd ${quote(ROOT)} && env LLA_DATA=${quote(dir)} NO_COLOR=1 TZ=UTC ${quote(process.execPath)} ${quote(LLA)} casus meld --as piet@voorbeeld.nl; echo "[exit $?]"; sleep 600`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '200', '-y', '60', command);

    // Region: from Piet's profile (project lead of Haaglanden), shown, not asked.
    await waitFor('Regio: Haaglanden (HGL), uit uw profiel.');

    // Theme: a select; one down from "wonen" is "uitstroom".
    await waitFor('Wat is het thema van de casus?');
    await keys('Down', 'Enter');

    // Bottlenecks: a checkbox of the store's active bottlenecks; pick the second (KP-02).
    await waitFor('Welke knelpunten spelen er?');
    expect(screen()).toContain('KP-01');
    await keys('Down', 'Space', 'Enter');

    // Sketch: free text. The first one names a client: refused at the end, then asked again.
    await waitFor('Korte situatieschets');
    await type('Mevrouw De Vries kan niet uit de kliniek');
    await keys('Enter');

    // Steps: a required checkbox; the first one (casustafel).
    await waitFor('Welke regionale stappen zijn doorlopen?');
    await keys('Space', 'Enter');

    // Optional note and date: skipped with enter.
    await waitFor('Toelichting op de doorlopen stappen');
    await keys('Enter');
    await waitFor('Datum van dreigende dakloosheid');
    await keys('Enter');

    // Help: a required checkbox; the second one (bemiddeling in de regio).
    await waitFor('Welke hulp vraagt u?');
    await keys('Down', 'Space', 'Enter');

    // The privacy guard refuses the sketch in Dutch, naming what looked identifying; the sketch is asked again.
    const refused = await waitFor(/herkenbaar[\s\S]*Korte situatieschets/);
    expect(refused).toContain('een naam met aanhef');
    // The message masks what it quotes.
    expect(refused.split('\n').find((l) => l.includes('herkenbaar'))).not.toContain('Vries');
    await type('Uitstroom uit de kliniek stokt: geen passende woonplek in de regio');
    await keys('Enter');

    const done = await waitFor(/\[exit \d+\]/, 15_000);
    expect(done).toContain('[exit 0]');
    const code = /Casus (VC-\d{4}-\d{4}) gemeld voor Haaglanden/.exec(done)?.[1];
    expect(code, done).toBeDefined();

    const shown = await lla(dir, ['--as', 'piet@voorbeeld.nl', '--json', 'casus', 'toon', code!]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.json()).toMatchObject({
      code,
      regionCode: 'HGL',
      reporterId: 'P-0003',
      theme: 'outflow',
      bottleneckIds: ['KP-02'],
      sketch: 'Uitstroom uit de kliniek stokt: geen passende woonplek in de regio',
      stepsTried: ['caseTable'],
      helpAsked: ['regionalMediation'],
      status: 'reported',
    });
    expect(shown.json().homelessOn).toBeUndefined();
    expect(shown.json().stepsNote).toBeUndefined();
  });
});

if (!TMUX) {
  describe('lla casus meld on a real terminal (tmux)', () => {
    it.skip('skipped: tmux is not installed (looked in /usr/bin, /usr/local/bin, /opt/homebrew/bin and PATH)', () => {});
  });
}
