/**
 * The start-up bundle and its V8 code cache (bin/load-bundle.cjs, made by
 * scripts/bundle-cli.mjs): the cache made by the build is accepted, a cache
 * that does not belong to the bundle is never handed to V8, a damaged one
 * is refused by V8, and in every case the bundle runs, lazy imports included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundleDir = path.join(root, 'dist', 'lla-cli');
const loader = path.join(root, 'bin', 'load-bundle.cjs');

/** Load `file` with the loader in a fresh process; what V8 said of the cache and how many lines its help had. */
function probe(file: string): { given: boolean; rejected: boolean | null; helpLines: number } {
  const script = `
    const { Writable } = require('node:stream');
    const { loadBundle } = require(${JSON.stringify(loader)});
    const loaded = loadBundle(process.argv[1]);
    let out = '';
    const sink = new Writable({ write: (c, _e, done) => { out += c; done(); } });
    loaded.exports.main(['--help'], { stdout: sink, stderr: sink, stdin: process.stdin, env: {}, cwd: process.cwd() }).then(() => {
      const rejected = loaded.script.cachedDataRejected;
      process.stdout.write(JSON.stringify({ given: rejected !== undefined, rejected: rejected ?? null, helpLines: out.split('\\n').length }));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, file], { encoding: 'utf8' })) as ReturnType<typeof probe>;
}

const work = mkdtempSync(path.join(tmpdir(), 'lla-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the bundle folder, to spoil one part of. */
function copyBundle(name: string): string {
  const dir = path.join(work, name);
  execFileSync('cp', ['-r', bundleDir, dir]);
  return path.join(dir, 'main.cjs');
}

describe('start-up bundle with code cache', () => {
  it('the cache the build made is accepted by V8', () => {
    const { given, rejected, helpLines } = probe(path.join(bundleDir, 'main.cjs'));
    expect([given, rejected]).toEqual([true, false]);
    expect(helpLines).toBeGreaterThan(10);
  });

  it('a changed bundle (same length) with the old cache: the cache is not used, the bundle runs', () => {
    const file = copyBundle('changed');
    const source = readFileSync(file, 'utf8');
    // One character changed, length kept: V8's own check looks at the length only.
    const i = source.indexOf('Voorbeelden');
    expect(i).toBeGreaterThan(0);
    writeFileSync(file, `${source.slice(0, i)}voorbeelden${source.slice(i + 'Voorbeelden'.length)}`);
    expect(probe(file)).toMatchObject({ given: false, rejected: null });
  });

  it('a damaged cache is never handed to V8 (it would end the process), the bundle runs', () => {
    const file = copyBundle('damaged');
    const cache = readFileSync(`${file}.v8cache`);
    for (let k = 200; k < cache.length; k += 997) cache[k] = cache[k]! ^ 0xff;
    writeFileSync(`${file}.v8cache`, cache);
    const { given, helpLines } = probe(file);
    expect(given).toBe(false);
    expect(helpLines).toBeGreaterThan(10);
  });

  it('a truncated cache is not used either', () => {
    const file = copyBundle('truncated');
    const cache = readFileSync(`${file}.v8cache`);
    writeFileSync(`${file}.v8cache`, cache.subarray(0, cache.length >> 1));
    expect(probe(file)).toMatchObject({ given: false, rejected: null });
  });

  it('without a cache the bundle runs as usual', () => {
    const file = copyBundle('none');
    rmSync(`${file}.v8cache`);
    expect(probe(file)).toMatchObject({ given: false, rejected: null });
  });

  it('the bundle has no import() of its own: its lazy imports go through lazy-import.cjs', () => {
    const source = readFileSync(path.join(bundleDir, 'main.cjs'), 'utf8');
    expect(source).not.toMatch(/\bimport\(/);
    expect(source).toContain('require("./lazy-import.cjs")("./../cli/commands/cases-actions.js")');
    const lazyImport = createRequire(import.meta.url)(path.join(bundleDir, 'lazy-import.cjs')) as (s: string) => Promise<Record<string, unknown>>;
    return expect(lazyImport('./../core/dates.js')).resolves.toHaveProperty('systemClock');
  });
});
