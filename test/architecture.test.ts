/**
 * The house rules that can be checked mechanically: core/ is pure (no fs, no
 * env, no chat SDK, no data/ or fronts), and Teams stays inside bot/teams/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  const full = path.join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) return sources(path.join(dir, name));
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path.join(dir, name)] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

describe('architecture rules', () => {
  const core = sources('core');

  it('finds the core sources', () => {
    expect(core.length).toBeGreaterThan(10);
  });

  it('core imports nothing but zod and itself', () => {
    const offenders = core.flatMap((f) => imports(f).filter((i) => !(i === 'zod' || i.startsWith('./') || i.startsWith('../'))).map((i) => `${f}: ${i}`));
    expect(offenders).toEqual([]);
    const outward = core.flatMap((f) => imports(f).filter((i) => /\.\.\/(\.\.\/)?(data|cli|bot)\//.test(i)).map((i) => `${f}: ${i}`));
    expect(outward).toEqual([]);
  });

  it('core does not touch process, the file system or the environment', () => {
    const offenders = core.filter((f) => /\bprocess\.|\brequire\(|node:/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('Teams libraries are imported only inside bot/teams/, Slack only inside bot/slack/', () => {
    const all = ['core', 'data', 'cli', 'bot', 'test'].flatMap(sources);
    const teams = all.filter((f) => !f.startsWith(path.join('bot', 'teams')) && imports(f).some((i) => /^(botbuilder|@microsoft\/teams|botframework)/.test(i)));
    const slack = all.filter((f) => !f.startsWith(path.join('bot', 'slack')) && !f.startsWith('test') && imports(f).some((i) => /^@slack\//.test(i)));
    expect(teams).toEqual([]);
    expect(slack).toEqual([]);
  });

  it('bot/slack and bot/teams never import each other; the conversation layer imports no platform and no SDK (zod for input types only)', () => {
    const importsOf = (dir: string) => sources(dir).flatMap((f) => imports(f).map((i) => ({ f, i, to: path.normalize(path.join(path.dirname(f), i)) })));
    const cross = [
      ...importsOf(path.join('bot', 'slack')).filter((x) => x.to.startsWith(path.join('bot', 'teams'))),
      ...importsOf(path.join('bot', 'teams')).filter((x) => x.to.startsWith(path.join('bot', 'slack'))),
    ];
    expect(cross.map((x) => `${x.f}: ${x.i}`)).toEqual([]);
    const conversation = importsOf(path.join('bot', 'conversation')).filter(
      (x) => !(x.i === 'zod' || x.i.startsWith('./') || x.i.startsWith('../')) || /^bot[\\/](slack|teams|terminal)/.test(x.to),
    );
    expect(conversation.map((x) => `${x.f}: ${x.i}`)).toEqual([]);
  });
});
