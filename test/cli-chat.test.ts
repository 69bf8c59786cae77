/**
 * `lla chat` end to end: the real executable, the real conversation layer
 * and a seeded file store, answers piped on stdin (no TTY: no prompts, no
 * colour). P-0001 kim quartermaster, P-0003 piet project lead HGL, P-0005
 * uma project lead UTR.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalMsg } from '../core/messages-chat/terminal.js';
import { LLA, ROOT, lla, seededDataDir } from './helpers/cli.js';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
let pietCase = '';
let umaCase = '';

const chat = (who: string, lines: string[] | undefined, env?: Record<string, string | undefined>) =>
  lla(dir, ['chat', '--as', who], { ...(lines ? { input: `${lines.join('\n')}\n` } : {}), ...(env ? { env } : {}) });

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

async function listCases(): Promise<Array<Record<string, any>>> {
  const r = await lla(dir, ['--as', 'P-0001', '--json', 'casus', 'lijst']);
  expect(r.code, r.stderr).toBe(0);
  return r.json();
}

/**
 * Answers to the report form of a project lead, in the order it asks:
 * theme, bottlenecks, sketch, regional steps, note on the steps, date of
 * threatened homelessness, help asked.
 */
const report = (sketch: string, homelessOn = '') => ['meld', '1', '2, 9', sketch, '1,4', '', homelessOn, '1'];

beforeAll(async () => {
  const t = await seededDataDir();
  dir = t.dir;
  cleanup = t.cleanup;
});
afterAll(() => cleanup());

describe('lla chat', () => {
  it('with stdin closed at once: the home, then goodbye, exit 0; no prompts or colour in piped output', async () => {
    const r = await chat('piet@voorbeeld.nl', undefined, { NO_COLOR: undefined });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Hallo Piet/);
    expect(r.stdout).toContain('Haaglanden');
    expect(r.stdout).toMatch(/\[1\] \S/); // the home's buttons, numbered
    expect(r.stdout).toContain(terminalMsg.usage());
    expect(r.stdout.trimEnd().endsWith(terminalMsg.bye())).toBe(true);
    expect(r.stdout).not.toContain(terminalMsg.prompt());
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('meld: a project lead reports a case field by field; it is stored with channel terminal', async () => {
    const homelessOn = inDays(40);
    const [d, m, y] = [homelessOn.slice(8, 10), homelessOn.slice(5, 7), homelessOn.slice(0, 4)];
    const r = await chat('piet@voorbeeld.nl', report('Ontslag uit de kliniek over zes weken; geen woonplek in de regio', `${Number(d)}-${Number(m)}-${y}`));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Thema\n  [1] ');
    expect(r.stdout).toContain(terminalMsg.formCancelHint());
    pietCase = /✓ Casus (VC-\d{4}-\d{4}) is gemeld/.exec(r.stdout)?.[1] ?? '';
    expect(pietCase, r.stdout).not.toBe('');
    const stored = (await listCases()).find((c) => c.code === pietCase);
    expect(stored).toMatchObject({
      regionCode: 'HGL',
      reporterId: 'P-0003',
      channel: 'terminal',
      theme: 'housing',
      bottleneckIds: ['KP-02', 'KP-09'],
      sketch: 'Ontslag uit de kliniek over zes weken; geen woonplek in de regio',
      stepsTried: ['caseTable', 'careOffice'],
      homelessOn,
      helpAsked: ['advice'],
      status: 'reported',
    });
  });

  it('meldingen: the kwartiermaker sees the new case with buttons to move it; pressing one moves it and the reporter is told', async () => {
    const r = await chat('kim@voorbeeld.nl', ['meldingen', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(pietCase);
    expect(r.stdout).toMatch(/\[1\] Naar „in behandeling”/);
    expect(r.stdout).toContain(`Casus ${pietCase} is verplaatst van „gemeld” naar „in behandeling”`);
    expect((await listCases()).find((c) => c.code === pietCase)?.status).toBe('inTreatment');

    const piet = await chat('P-0003', ['meldingen']);
    expect(piet.code, piet.stderr).toBe(0);
    expect(piet.stdout).toContain(terminalMsg.notificationsTitle(1));
    expect(piet.stdout).toContain(pietCase);
    expect(piet.stdout).toContain('in behandeling');
  });

  it('privacy guard: a BSN in the sketch is refused naming what looked identifying, only the sketch is asked again, then it is reported', async () => {
    const r = await chat('uma@voorbeeld.nl', [
      ...report('Cliënt met BSN 111222333 komt vrij uit detentie'),
      'Vrijlating uit detentie zonder passende woonplek',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(terminalMsg.fixFields());
    expect(r.stdout).toMatch(/✗ Situatieschets lijkt gegevens te bevatten die een cliënt herkenbaar maken: een BSN/);
    // The refused text is never shown again (nor logged).
    expect(r.stdout).not.toContain('111222333');
    expect(r.stderr).not.toContain('111222333');
    // Asked again: the sketch, and no other field (the theme's choices are listed once).
    expect(r.stdout.split('Thema\n').length - 1).toBe(1);
    expect(r.stdout.split('Situatieschets').length - 1).toBeGreaterThanOrEqual(2);
    umaCase = /✓ Casus (VC-\d{4}-\d{4}) is gemeld/.exec(r.stdout)?.[1] ?? '';
    expect(umaCase, r.stdout).not.toBe('');
    const stored = (await listCases()).find((c) => c.code === umaCase);
    expect(stored).toMatchObject({ regionCode: 'UTR', reporterId: 'P-0005', channel: 'terminal', sketch: 'Vrijlating uit detentie zonder passende woonplek' });
  });

  it('a bad answer (not a number, a choice out of range) asks that field again in Dutch', async () => {
    const r = await chat('piet@voorbeeld.nl', ['meld', 'wonen?', '42', 'annuleer', 'stop']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(terminalMsg.notAChoice('wonen?'));
    expect(r.stdout).toContain(terminalMsg.choiceOutOfRange(42, 7));
    expect(r.stdout).toContain(terminalMsg.formCancelled());
    expect((await listCases()).filter((c) => c.reporterId === 'P-0003')).toHaveLength(1);
  });

  it('mijn casussen: the open cases of my own region with status and days, not another region', async () => {
    const r = await chat('piet@voorbeeld.nl', ['mijn casussen']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`• ${pietCase}`);
    expect(r.stdout).toMatch(/Status: in behandeling · Dagen in status: 0 dagen/);
    expect(r.stdout).not.toContain(umaCase);
  });

  it("a project lead of HGL cannot see a UTR case: refused, nothing of it disclosed", async () => {
    const r = await chat('piet@voorbeeld.nl', [`casus ${umaCase}`, 'casus VC-2099-0001']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('eigen regio');
    expect(r.stdout).not.toContain('Vrijlating');
    expect(r.stdout).not.toContain('Utrecht');
  });

  it('vakdag: aanmelden with a numbered button, confirmed, and the registration stored', async () => {
    const ev = await lla(dir, ['--as', 'P-0001', '--json', 'vakdag', 'nieuw', '--soort', 'vakdag-procesregisseurs', '--datum', inDays(60), '--capaciteit', '20', '--plaats', 'Utrecht', '--deadline', inDays(30)]);
    expect(ev.code, ev.stderr).toBe(0);
    const eventId = ev.json().id as string;
    const r = await chat('piet@voorbeeld.nl', ['vakdagen', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\[1\] Aanmelden/);
    expect(r.stdout).toContain('✓ Aangemeld');
    expect(r.stdout).toMatch(/\[1\] Afmelden/);
    const who = await lla(dir, ['--as', 'P-0001', '--json', 'vakdag', 'deelnemers', eventId]);
    expect(who.code, who.stderr).toBe(0);
    expect(JSON.stringify(who.json())).toContain('P-0003');
  });

  it('help: the conversation help plus the words of the terminal', async () => {
    const r = await chat('piet@voorbeeld.nl', ['help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('mijn casussen');
    for (const line of terminalMsg.terminalHelp()) expect(r.stdout).toContain(line);
  });

  it('an unknown person gets the polite refusal naming the kwartiermaker, nothing else, exit 3', async () => {
    const r = await chat('onbekend@voorbeeld.nl', ['mijn casussen']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('kwartiermaker');
    expect(r.stdout).toContain('Kim Kwartier');
    expect(r.stdout).not.toContain(pietCase);
    expect(r.stdout).not.toContain(terminalMsg.usage());
    expect(r.stderr).toContain(terminalMsg.refusedExit());
  });

  it('"lla chat --help" shows examples first; the start-up bundle holds no conversation or terminal code', async () => {
    const r = await lla(dir, ['chat', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf('Voorbeelden:')).toBe(0);
    expect(r.stdout).toContain('lla chat --as piet@voorbeeld.nl');
    expect(r.stdout).toContain('meldingen');
    const top = await lla(dir, ['--help']);
    expect(top.stdout).toMatch(/\n {2}chat\s/);
    const bundle = readFileSync(path.join(ROOT, 'dist', 'lla-cli', 'main.cjs'), 'utf8');
    expect(bundle).toContain('chat-actions.js'); // loaded lazily from dist/
    expect(bundle).not.toMatch(/createConversation|class TerminalSession|readlineReader/);
  });
});

/** On a real terminal (tmux): prompts, colour, wrapping to 80 columns, Ctrl-D. */
const TMUX = ['/usr/bin/tmux', '/usr/local/bin/tmux', '/opt/homebrew/bin/tmux'].find((p) => existsSync(p));
const SOCKET = `lla-chat-${process.pid}-${Date.now()}`;
const tmux = (...args: string[]) => execFileSync(TMUX!, ['-L', SOCKET, ...args], { encoding: 'utf8' });
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function paneUntil(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-p', '-e', '-t', 'chat', '-S', '-200');
    if (pattern.test(screen)) return screen;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`did not see ${String(pattern)} within ${timeoutMs} ms; screen:\n${screen}`);
}

describe.skipIf(!TMUX)('lla chat on a terminal', () => {
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
  });

  it('shows the prompt, colours, wraps to 80 columns, and ends on Ctrl-D with exit 0', async () => {
    const command = `cd ${quote(ROOT)} && env -u NO_COLOR LLA_DATA=${quote(dir)} TZ=UTC ${quote(process.execPath)} ${quote(LLA)} chat --as piet@voorbeeld.nl; echo "[exit $?]"; sleep 600`;
    tmux('new-session', '-d', '-s', 'chat', '-x', '120', '-y', '50', command);
    await paneUntil(/jij>/);
    tmux('send-keys', '-t', 'chat', '-l', 'help');
    tmux('send-keys', '-t', 'chat', 'Enter');
    await paneUntil(/beëindig het gesprek[\s\S]*jij>/);
    tmux('send-keys', '-t', 'chat', 'C-d');
    const screen = await paneUntil(/\[exit \d+\]/);
    expect(screen).toContain('[exit 0]');
    expect(screen).toContain('\u001b['); // colour on a terminal
    const plain = screen.replace(/\u001b\[[\d;]*m/g, '').split('\n');
    expect(plain.some((l) => l.startsWith('jij> help'))).toBe(true);
    // Ctrl-D ends the prompt's line: the goodbye stands on its own.
    expect(plain).toContain(terminalMsg.bye());
    for (const line of plain) expect(line.trimEnd().length, line).toBeLessThanOrEqual(80);
  });
});
