/**
 * End-to-end: `lla rapport` in every format, run as the real executable
 * against a seeded store (see test/helpers/cli.ts for the people), and the
 * README's JSON row for `rapport` against the keys the command prints.
 */
import ExcelJS from 'exceljs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDay } from '../core/dates.js';
import { lla, ROOT, seededDataDir, type LlaOptions } from './helpers/cli.js';
import { seedReportCaseAndSignal } from './helpers/report-cli.js';
import { readmeReportKeys } from './helpers/report-readme.js';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
const today = amsterdamDay(new Date());
const run = (args: string[], options?: LlaOptions) => lla(dir, args, options);

/** stdout as bytes: run the executable with a binary-safe collector. */
async function runBytes(args: string[]): Promise<{ code: number | null; bytes: Buffer; stderr: string }> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'lla.cjs'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LLA_DATA: dir, NO_COLOR: '1', TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`lla ${args.join(' ')} did not finish`));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, bytes: Buffer.concat(chunks), stderr });
    });
  });
}

beforeAll(async () => {
  const t = await seededDataDir();
  dir = t.dir;
  cleanup = t.cleanup;
  await seedReportCaseAndSignal(dir);
});

afterAll(async () => {
  await cleanup();
});

describe('lla rapport --formaat html', () => {
  it('writes one self-contained html file with the four charts', async () => {
    const file = path.join(dir, 'x.html');
    const r = await run(['rapport', '--van', today, '--formaat', 'html', '--uit', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Rapport geschreven: ${file}\n`);
    const html = await readFile(file, 'utf8');
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(html.match(/<svg [^>]*role="img"/g)?.length).toBe(4);
    expect(html).toContain('Haaglanden');
    expect((await stat(file)).mode & 0o777).toBe(0o644);
  });

  it('to stdout without --uit', async () => {
    const r = await run(['rapport', '--van', today, '--formaat', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
  });
});

describe('lla rapport --formaat xlsx', () => {
  it('writes a workbook that opens with the eight sheets', async () => {
    const file = path.join(dir, 'x.xlsx');
    const r = await run(['rapport', '--van', today, '--formaat', 'xlsx', '--uit', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ file, format: 'xlsx', period: { from: today, to: today, days: 1 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kerncijfers', 'Knelpunten', 'Regio’s', 'Besluiten ambassadeurs', 'Taakgroepen', 'Bijeenkomsten', 'Monitor', 'Trend']);
    const kern = wb.getWorksheet('Kerncijfers')!;
    expect(kern.getCell('A2').value).toBe('Nieuwe vastgelopen casussen');
    expect(kern.getCell('B2').value).toBe(1);
    expect(kern.getCell('B8').value).toBe(3); // signals
    const knelpunten = wb.getWorksheet('Knelpunten')!;
    expect(knelpunten.getCell('B2').value).toMatch(/^KP-09 /);
    expect(knelpunten.getCell('C2').value).toBe(2);
    expect(wb.getWorksheet('Regio’s')!.rowCount).toBe(32); // header + 31 regions
  });

  it('through a pipe to stdout; an existing directory as --uit gets the default name', async () => {
    const piped = await runBytes(['rapport', '--van', today, '--formaat', 'xlsx']);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(piped.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(8);

    const out = path.join(dir, 'rapporten');
    await mkdir(out);
    const r = await run(['rapport', '--van', today, '--tot', today, '--formaat', 'xlsx', '--uit', out]);
    expect(r.code, r.stderr).toBe(0);
    const expected = path.join(out, `signalenrapportage-${today}-${today}.xlsx`);
    expect(r.stdout).toBe(`Rapport geschreven: ${expected}\n`);
    expect((await stat(expected)).size).toBeGreaterThan(5000);
  });

  it('refuses an unknown format (exit 2) naming the four', async () => {
    const r = await run(['rapport', '--formaat', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Onbekend formaat „pdf”. Beschikbaar: md, html, xlsx, json.');
  });
});

describe('lla rapport --formaat json', () => {
  it('has every section, and its keys are the ones the README documents', async () => {
    const r = await run(['rapport', '--van', today, '--formaat', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rep = r.json();
    expect(rep.headline).toMatchObject({ newCases: 1, openCases: 1, signals: 3, regionsStarted: 29 });
    expect(rep.regions).toHaveLength(31);
    expect(rep.bottlenecks.length).toBeGreaterThanOrEqual(14);
    expect(rep.monitor).toMatchObject({ regionsStarted: 29, regionsTotal: 31, latestRound: null, perYear: [] });
    expect(rep.trend).toHaveLength(12);
    expect(rep.trend.at(-1)).toMatchObject({ month: today.slice(0, 7), newCases: 1, signals: 3 });

    // The README's JSON row for rapport names the top-level keys in order (test/report-formats.test.ts checks the nested ones).
    expect([...(await readmeReportKeys()).keys()]).toEqual(Object.keys(rep));
  });
});
