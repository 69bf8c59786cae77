/**
 * Reading a store file the way the product does (FileStore's parse: JSON,
 * migration, schema, integrity), plus the checks the resilience tests make
 * on top: unique ids everywhere, and finding changes by their marker.
 */
import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { expect } from 'vitest';
import type { StoreData } from '../../core/schema.js';
import { parseStoreBytes, STORE_FILE } from '../../data/file-store.js';

/** Parse and validate `dir/lla.json` (throws `storeInvalid` when it is not valid); assert unique ids. */
export async function readValidStore(dir: string): Promise<StoreData> {
  const file = path.join(dir, STORE_FILE);
  const { data } = parseStoreBytes(await readFile(file), file);
  const unique = (label: string, ids: string[]) => expect(new Set(ids).size, `${label}: duplicate ids`).toBe(ids.length);
  unique('cases', data.cases.map((c) => c.code));
  unique('signals', data.signals.map((s) => s.id));
  unique('people', data.people.map((p) => p.id));
  unique('outbox', data.outbox.map((n) => n.id));
  unique('audit', data.audit.map((a) => String(a.seq)));
  return data;
}

/** How often each marker occurs in the texts given (a marker is `<letters/digits>-<n>` followed by a colon). */
export function markerCounts(texts: Array<string | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const m = /\b([A-Za-z0-9]+-\d+):/.exec(t ?? '');
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return counts;
}

/**
 * Leftovers of killed writers that nothing will clean up: the store's temp
 * files (swept under the lock by the next write), the lock itself, and lock
 * temp files of a process that is still alive. A lock temp file of a dead
 * process is not counted: the next lock taken after 5 s removes it.
 */
export async function strayFiles(dir: string): Promise<string[]> {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  return (await readdir(dir)).filter((n) => {
    if (n === `${STORE_FILE}.lock`) return true;
    const lockTemp = new RegExp(`^${STORE_FILE.replace('.', '\\.')}\\.lock(?:\\.breaker)?\\.(\\d+)\\.[0-9a-f]+\\.tmp$`).exec(n);
    if (lockTemp) return alive(Number(lockTemp[1]));
    return n.endsWith('.tmp');
  });
}
