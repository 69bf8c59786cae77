import { describe, expect, it } from 'vitest';
import { LlaError } from './errors.js';
import { migrate, MIGRATIONS } from './store.js';
import { SCHEMA_VERSION } from './schema.js';

describe('schema migrations', () => {
  it('the current version needs no migration, and there is a step for every older version', () => {
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION - 1);
    const raw = { schemaVersion: SCHEMA_VERSION, people: [] };
    expect(migrate(raw, 'f.json')).toEqual({ data: raw, migrated: false });
  });

  it('runs each step in order and stamps the new version', () => {
    const steps = [
      (r: Record<string, unknown>) => ({ ...r, added: ['v2'] }),
      (r: Record<string, unknown>) => ({ ...r, added: [...(r.added as string[]), 'v3'] }),
    ];
    const { data, migrated } = migrate({ schemaVersion: 1 }, 'f.json', steps, 3);
    expect(migrated).toBe(true);
    expect(data).toEqual({ schemaVersion: 3, added: ['v2', 'v3'] });
    expect(migrate({ schemaVersion: 2, added: ['v2'] }, 'f.json', steps, 3).data).toEqual({ schemaVersion: 3, added: ['v2', 'v3'] });
  });

  it('refuses a file from a newer lla, a missing version and a missing step, naming the file', () => {
    const cases: unknown[] = [{ schemaVersion: SCHEMA_VERSION + 1 }, {}, { schemaVersion: '1' }, null, []];
    for (const raw of cases) {
      expect(() => migrate(raw, '/data/lla.json')).toThrow(LlaError);
      try {
        migrate(raw, '/data/lla.json');
      } catch (err) {
        expect((err as LlaError).code).toBe('storeInvalid');
        expect((err as LlaError).message).toContain('/data/lla.json');
      }
    }
    expect(() => migrate({ schemaVersion: 1 }, 'f.json', [], 2)).toThrow(/geen migratie van versie 1/);
  });
});
