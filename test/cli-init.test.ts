import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lla, tempDataDir } from './helpers/cli.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

async function fresh(): Promise<string> {
  const t = await tempDataDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('lla init and the global contract', () => {
  it('--help lists the command groups in Dutch, leading with examples', async () => {
    const r = await lla(await fresh(), ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimStart().startsWith('Voorbeelden:')).toBe(true);
    expect(r.stdout).toContain('Gebruik: lla [opties] [opdracht]');
    expect(r.stdout).toContain('Opdrachten:');
    expect(r.stdout).toContain('init');
    expect(r.stdout).not.toMatch(/\bUsage:|Options:|display help/);
  });

  it('creates the store with reference data and the first quartermaster (--json)', async () => {
    const dir = await fresh();
    const r = await lla(dir, ['init', '--naam', 'Kim Kwartier', '--email', 'Kim@Voorbeeld.nl', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = r.json();
    expect(out.quartermaster).toMatchObject({ id: 'P-0001', name: 'Kim Kwartier', email: 'kim@voorbeeld.nl', roles: ['quartermaster'] });
    expect(out.counts).toEqual({ regions: 31, bottlenecks: 14, cases: 0 });
    expect(out.file).toBe(path.join(dir, 'lla.json'));
    expect((await stat(out.file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a second init and leaves the file as it was (exit 2)', async () => {
    const dir = await fresh();
    expect((await lla(dir, ['init', '--naam', 'Kim Kwartier', '--email', 'kim@voorbeeld.nl'])).code).toBe(0);
    const before = await readFile(path.join(dir, 'lla.json'));
    const r = await lla(dir, ['init', '--naam', 'Ander', '--email', 'ander@voorbeeld.nl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Fout: Er staat al een gegevensbestand/);
    expect((await readFile(path.join(dir, 'lla.json'))).equals(before)).toBe(true);
  });

  it('without a TTY, missing flags fail at once with exit 2 naming the flag, even with stdin left open', async () => {
    const dir = await fresh();
    const r = await lla(dir, ['init', '--email', 'kim@voorbeeld.nl'], { keepStdinOpen: true, timeoutMs: 10_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--naam');
    const s = await lla(dir, ['init', '--naam', 'Kim'], { keepStdinOpen: true, timeoutMs: 10_000 });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--email');
  });

  it('a bad e-mail is a validation error (exit 2) and creates no store', async () => {
    const dir = await fresh();
    const r = await lla(dir, ['init', '--naam', 'Kim', '--email', 'geen-adres']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('e-mailadres');
    await expect(stat(path.join(dir, 'lla.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('unknown commands and options are usage errors in Dutch (exit 2)', async () => {
    const dir = await fresh();
    const a = await lla(dir, ['onzin']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('Onbekende opdracht „onzin”');
    const b = await lla(dir, ['--onzin']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('Onbekende optie --onzin');
  });

  it('--demo fills the store with synthetic data', async () => {
    const dir = await fresh();
    const r = await lla(dir, ['init', '--demo', '--naam', 'Kim Kwartier', '--email', 'kim@voorbeeld.nl', '--json'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().counts.cases).toBeGreaterThan(50);
    expect(r.json().quartermaster.id).toBe('P-0001');
  });
});
