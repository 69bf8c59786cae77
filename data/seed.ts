/** A new store: reference data, default settings, no people or cases yet. */
import { SCHEMA_VERSION, type StoreData } from '../core/schema.js';
import { DEFAULT_SETTINGS, REFERENCE, REGIONS, WLZ_BOTTLENECKS } from './reference.js';

export function createSeedStore(now: Date): StoreData {
  const at = now.toISOString();
  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt: at,
    counters: {
      person: 0,
      taskGroup: 0,
      signal: 0,
      audit: 1,
      notification: 0,
      bottleneck: WLZ_BOTTLENECKS.length,
      caseByYear: {},
      eventByYear: {},
    },
    settings: structuredClone(DEFAULT_SETTINGS),
    reference: structuredClone(REFERENCE),
    regions: REGIONS.map((r) => ({ ...r, active: true })),
    people: [],
    taskGroups: [],
    cases: [],
    bottlenecks: WLZ_BOTTLENECKS.map((b, i) => ({
      id: `KP-${String(i + 1).padStart(2, '0')}`,
      wlzNumber: i + 1,
      ...b,
      source: 'wlz' as const,
      createdAt: at,
      active: true,
    })),
    signals: [],
    events: [],
    monitorRounds: [],
    audit: [{ seq: 1, at, actorId: 'system', channel: 'system', action: 'store.create', entityType: 'store', entityId: 'lla', details: { schemaVersion: SCHEMA_VERSION } }],
    outbox: [],
    jobRuns: [],
  };
}
