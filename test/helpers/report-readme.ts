/**
 * The README documents the JSON of `lla rapport` in one row of its JSON
 * table: `key`, `key[]`, and the fields of an object or of an array's items
 * in braces: `headline` {`newCases`, `statusSteps[]` {`from`, `to`}}.
 * This reads that row into a tree, for tests that hold it against the output.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ROOT } from './cli.js';

export type KeyTree = Map<string, KeyTree>;

export async function readmeReportKeys(): Promise<KeyTree> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const row = readme.split('\n').find((l) => l.startsWith('| rapport |'));
  if (!row) throw new Error('README: no JSON table row for rapport');
  const text = row.slice('| rapport |'.length, row.lastIndexOf('|'));
  const tokens = [...text.matchAll(/`(\w+)(?:\[\])?`|[{}]/g)].map((m) => m[1] ?? m[0]);
  const root: KeyTree = new Map();
  const stack: KeyTree[] = [root];
  let last: string | null = null;
  for (const token of tokens) {
    const current = stack.at(-1)!;
    if (token === '{') {
      if (last === null) throw new Error('README rapport row: { without a key before it');
      const child: KeyTree = new Map();
      current.set(last, child);
      stack.push(child);
    } else if (token === '}') stack.pop();
    else {
      current.set(token, current.get(token) ?? new Map());
      last = token;
    }
  }
  return root;
}

/** Keys of `value` (an object, or the first item of an array of objects) missing from `tree`, as paths. */
export function undocumentedKeys(value: unknown, tree: KeyTree, at = ''): string[] {
  const item = Array.isArray(value) ? value[0] : value;
  if (item === null || typeof item !== 'object') return [];
  return Object.entries(item).flatMap(([key, child]) => {
    const p = at ? `${at}.${key}` : key;
    const sub = tree.get(key);
    if (!sub) return [p];
    // A record keyed by data (region codes) is documented as such, without fields.
    if (key === 'byRegion') return [];
    const nested = Array.isArray(child) ? child[0] : child;
    if (nested !== null && typeof nested === 'object' && sub.size === 0) return [`${p} (fields)`];
    return undocumentedKeys(child, sub, p);
  });
}
