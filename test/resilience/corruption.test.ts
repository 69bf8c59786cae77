/**
 * Corruption: a store file that is truncated, not JSON, or fails the schema
 * is refused by the CLI (reading and writing) and by the bot at start, each
 * with a Dutch message naming the file and an exit code; the file stays
 * byte-identical and no backup is added; `lla herstel` puts a good backup
 * back (keeping the broken file as a backup), after which both work again.
 *
 * (test/store.test.ts checks FileStore itself refuses these; this checks the
 * processes a person runs.)
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../data/file-store.js';
import { lla, seededDataDir } from '../helpers/cli.js';
import { botRefuses, killAllBots, spawnBot } from '../helpers/resilience-bot.js';
import { caseArgs } from '../helpers/resilience-cli.js';
import { readValidStore } from '../helpers/resilience-store.js';

let data: { dir: string; cleanup: () => Promise<void> };
let file: string;
let good: string;
let goodBackup: string;

beforeAll(async () => {
  data = await seededDataDir();
  file = path.join(data.dir, STORE_FILE);
  const made = await lla(data.dir, caseArgs('P-0001', 'G-1'));
  expect(made.code, made.stderr).toBe(0);
  const b = await lla(data.dir, ['--as', 'P-0001', 'backup', '--json']);
  expect(b.code, b.stderr).toBe(0);
  goodBackup = path.basename(b.json().file as string);
  good = await readFile(file, 'utf8');
});

afterAll(async () => {
  killAllBots();
  await data?.cleanup();
});

const edit = (fn: (d: any) => void) => (text: string) => {
  const d = JSON.parse(text);
  fn(d);
  return JSON.stringify(d);
};

const variants: Array<[string, (good: string) => string, RegExp]> = [
  ['truncated in the middle', (g) => g.slice(0, Math.floor(g.length / 2)), /geen geldige JSON/],
  ['truncated by one byte before the end', (g) => g.trimEnd().slice(0, -1), /geen geldige JSON/],
  ['not JSON at all', () => '\u0000\u0001PK\u0003\u0004 geen json {{{', /geen geldige JSON/],
  ['empty', () => '', /geen geldige JSON/],
  ['a JSON array', () => '[]', /klopt niet met het schema/],
  ['JSON null', () => 'null', /klopt niet met het schema/],
  ['an e-mail address that is not one', edit((d) => (d.people[0].email = 'geen-email')), /klopt niet met het schema/],
  ['a case with an unknown status', edit((d) => (d.cases[0].status = 'verdwenen')), /klopt niet met het schema/],
  ['a case of a region that does not exist', edit((d) => (d.cases[0].regionCode = 'XXX')), /klopt niet met het schema/],
  ['two people with one id', edit((d) => d.people.push({ ...d.people[1] })), /klopt niet met het schema/],
  ['a wrong type deep inside', edit((d) => (d.counters.audit = 'veel')), /klopt niet met het schema/],
  ['a newer schema version', edit((d) => (d.schemaVersion = 99)), /nieuwer/],
  ['one flipped byte, same size', (g) => g.replace('"cases":[{"code":"VC-', '"cases":[{"code":"XC-'), /klopt niet met het schema/],
];

async function backupNames(): Promise<string[]> {
  return (await readdir(path.join(data.dir, 'backups'))).sort();
}

describe('a corrupt store is refused by the CLI and the bot, untouched, and restorable', () => {
  it.each(variants)('%s', async (_name, corrupt, message) => {
    const bad = corrupt(good);
    expect(bad).not.toBe(good);
    await writeFile(file, bad);
    const bytes = await readFile(file);
    const backups = await backupNames();

    // The CLI: a read and a write, both refused with a Dutch message naming the file, no stack trace.
    for (const args of [['--as', 'P-0001', 'casus', 'lijst'], caseArgs('P-0001', 'X-1')]) {
      const r = await lla(data.dir, args);
      expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(1);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^Fout: /m);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }

    // The bot refuses to start: exit 2, the same message.
    const refused = await botRefuses(data.dir);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain(file);
    expect(refused.stderr).toMatch(message);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    // Nothing was written: the same bytes, no backup made of (or over) them.
    expect((await readFile(file)).equals(bytes)).toBe(true);
    expect(await backupNames()).toEqual(backups);

    // `lla herstel` puts the good backup back; the broken version is kept as a backup.
    const restored = await lla(data.dir, ['herstel', goodBackup, '--yes', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(JSON.parse(good));
    const kept = (await backupNames()).filter((n) => !backups.includes(n));
    expect(kept).toHaveLength(1);
    expect((await readFile(path.join(data.dir, 'backups', kept[0]!))).equals(bytes)).toBe(true);
    const list = await lla(data.dir, ['--as', 'P-0001', '--json', 'casus', 'lijst']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.json<unknown[]>()).toHaveLength(1);
  });

  it('after all that the store works for the CLI and the bot', async () => {
    expect((await lla(data.dir, caseArgs('P-0001', 'G-2'))).code).toBe(0);
    const bot = await spawnBot(data.dir);
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
    expect((await readValidStore(data.dir)).cases).toHaveLength(2);
  });

  it('a garbage validation mark beside a good store only costs a full check: the CLI and the bot work', async () => {
    const mark = path.join(data.dir, `${STORE_FILE}.valid`);
    await writeFile(mark, 'kapot\u0000');
    expect((await lla(data.dir, ['--as', 'P-0001', 'casus', 'lijst'])).code).toBe(0);
    const w = await lla(data.dir, caseArgs('P-0001', 'G-3'));
    expect(w.code, w.stderr).toBe(0);
    const bot = await spawnBot(data.dir);
    expect(await bot.stop()).toBe(0);
    expect((await readValidStore(data.dir)).cases).toHaveLength(3);
  });

  it('a backup that is itself broken is refused, and the store stays as it was', async () => {
    const broken = path.join(data.dir, 'kapot.json');
    await writeFile(broken, good.slice(0, 100));
    const before = await readFile(file);
    const r = await lla(data.dir, ['--as', 'P-0001', 'herstel', broken, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(broken);
    expect(r.stderr).toMatch(/geen geldige JSON/);
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});
