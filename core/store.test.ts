import { describe, expect, it } from 'vitest';
import { createSeedStore } from '../data/seed.js';
import { expectDutch, expectLlaError, makeFixture } from '../test/helpers/core-fixture.js';
import { LlaError } from './errors.js';
import { SCHEMA_VERSION, type StoreData } from './schema.js';
import { integrityProblems, MemoryStore, migrate, validateResult, validateStore } from './store.js';

const AT = '2026-03-02T09:00:00.000Z';
const seed = (): StoreData => createSeedStore(new Date(AT));

function person(id: string, email: string, extra: Partial<StoreData['people'][number]> = {}): StoreData['people'][number] {
  return { id, name: 'Iemand Anders', email, roles: ['quartermaster'], poolMember: false, active: true, createdAt: AT, ...extra };
}

function storeError(fn: () => unknown): LlaError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LlaError);
    const err = e as LlaError;
    expect(err.code).toBe('storeInvalid');
    expectDutch(err.message);
    return err;
  }
  throw new Error('expected a storeInvalid error');
}

describe('validateStore', () => {
  it('accepts a seeded store and reports no migration', () => {
    const { data, migrated } = validateStore(JSON.parse(JSON.stringify(seed())), 'lla.json');
    expect(migrated).toBe(false);
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(integrityProblems(data)).toEqual([]);
  });

  it('refuses something that is not an object', () => {
    for (const raw of [null, 42, 'tekst', []]) {
      const err = storeError(() => validateStore(raw, 'lla.json'));
      expect(err.message).toContain('lla.json');
      expect(err.message).toContain('geen object');
    }
  });

  it('refuses a missing or invalid schemaVersion, naming it', () => {
    const { schemaVersion: _drop, ...rest } = seed();
    for (const raw of [rest, { ...seed(), schemaVersion: 0 }, { ...seed(), schemaVersion: '1' }, { ...seed(), schemaVersion: 1.5 }]) {
      const err = storeError(() => validateStore(raw, 'lla.json'));
      expect(err.message).toContain('schemaVersion ontbreekt of is ongeldig');
      expect(err.message).toContain('lla.json');
      expect(err.message).toContain('back-up');
    }
  });

  it('refuses a schemaVersion newer than this version knows, asking to update lla', () => {
    const err = storeError(() => validateStore({ ...seed(), schemaVersion: SCHEMA_VERSION + 1 }, 'lla.json'));
    expect(err.message).toContain(`schemaversie ${SCHEMA_VERSION + 1}`);
    expect(err.message).toContain('Werk lla bij');
    expect(() => migrate({ schemaVersion: 99 }, 'x')).toThrow(/schemaversie 99/);
  });

  it('refuses schema faults, naming the path and the problem in Dutch', () => {
    const bad = seed();
    bad.people.push(person('P-0001', 'geen-mail'));
    const err = storeError(() => validateStore(bad, 'lla.json'));
    expect(err.message).toContain('people.0.email: geen geldig e-mailadres');

    const bad2 = seed() as unknown as Record<string, unknown>;
    delete bad2['regions'];
    expect(storeError(() => validateStore(bad2, 'lla.json')).message).toContain('regions: ontbreekt');
  });

  it('refuses duplicate ids, naming them', () => {
    const dupRegion = seed();
    dupRegion.regions.push({ code: 'HGL', name: 'Haaglanden bis', started: true, active: true });
    expect(storeError(() => validateStore(dupRegion, 'lla.json')).message).toContain('regions: dubbel id HGL');

    const dupPerson = seed();
    dupPerson.people.push(person('P-0001', 'a@example.org'), person('P-0001', 'b@example.org'));
    expect(storeError(() => validateStore(dupPerson, 'lla.json')).message).toContain('people: dubbel id P-0001');

    const dupEmail = seed();
    dupEmail.people.push(person('P-0001', 'a@example.org'), person('P-0002', 'A@example.org'));
    expect(storeError(() => validateStore(dupEmail, 'lla.json')).message).toContain('dubbel id a@example.org');

    const dupBottleneck = seed();
    const first = dupBottleneck.bottlenecks[0];
    if (!first) throw new Error('seed has bottlenecks');
    dupBottleneck.bottlenecks.push({ ...first });
    expect(storeError(() => validateStore(dupBottleneck, 'lla.json')).message).toContain('bottlenecks: dubbel id KP-01');
  });

  it('refuses dangling references, naming where and what', () => {
    const data = seed();
    data.people.push(person('P-0001', 'a@example.org', { roles: ['projectLead'], regionCode: 'XYZ' }));
    expect(storeError(() => validateStore(data, 'lla.json')).message).toContain('people.P-0001.regionCode: verwijst naar onbekend XYZ');

    const withCase = seed();
    withCase.people.push(person('P-0001', 'a@example.org'));
    withCase.cases.push({
      code: 'VC-2026-0001',
      regionCode: 'HGL',
      reporterId: 'P-0009',
      channel: 'cli',
      theme: 'housing',
      bottleneckIds: ['KP-77'],
      sketch: '',
      stepsTried: ['caseTable'],
      helpAsked: ['advice'],
      status: 'reported',
      history: [{ from: null, to: 'reported', at: AT, byPersonId: 'P-0001', channel: 'cli' }],
      notes: [],
      reportedAt: AT,
    });
    const problems = integrityProblems(withCase);
    expect(problems).toContain('cases.VC-2026-0001.reporterId: verwijst naar onbekend P-0009');
    expect(problems).toContain('cases.VC-2026-0001.bottleneckIds: verwijst naar onbekend KP-77');
    expect(storeError(() => validateStore(withCase, 'lla.json')).message).toContain('verwijst naar onbekend P-0009');

    const signal = seed();
    signal.signals.push({ id: 'S-000001', bottleneckId: 'KP-01', regionCode: 'HGL', caseCode: 'VC-2026-0042', reportedById: 'P-0001', channel: 'cli', at: AT });
    expect(integrityProblems(signal)).toContain('signals.S-000001.caseCode: verwijst naar onbekend VC-2026-0042');

    const tg = seed();
    tg.taskGroups.push({ id: 'TG-001', name: 'Groep', task: 1, goal: 'Doel', memberIds: ['P-0005'], status: 'active', progress: [], createdAt: AT, createdById: 'P-0001' });
    expect(integrityProblems(tg)).toContain('taskGroups.TG-001.memberIds: verwijst naar onbekend P-0005');
  });

  it('summarises many problems: the first three and how many more', () => {
    const data = seed();
    for (let i = 1; i <= 5; i++) data.people.push(person(`P-000${i}`, `p${i}@example.org`, { roles: ['projectLead'], regionCode: `X${i}` }));
    expect(storeError(() => validateStore(data, 'lla.json')).message).toContain('(en nog 2)');
  });
});

describe('MemoryStore', () => {
  it('rejects invalid initial data', () => {
    const bad = seed();
    bad.regions.push({ code: 'hgl', name: 'x', started: true, active: true });
    storeError(() => new MemoryStore(bad));
    const dangling = seed();
    dangling.people.push(person('P-0001', 'a@example.org', { regionCode: 'NOPE' }));
    storeError(() => new MemoryStore(dangling));
  });

  it('read() returns a fresh copy each time', async () => {
    const store = new MemoryStore(seed());
    const a = await store.read();
    a.regions.length = 0;
    const b = await store.read();
    expect(b.regions).toHaveLength(31);
  });

  it('a transaction that throws changes nothing', async () => {
    const store = new MemoryStore(seed());
    const before = store.snapshot();
    await expect(
      store.transact((d) => {
        d.regions.length = 0;
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(store.snapshot()).toBe(before);
    expect(store.writes).toBe(0);
  });

  it('a transaction whose result is invalid is refused and changes nothing', async () => {
    const store = new MemoryStore(seed());
    const before = store.snapshot();
    const err = await expectLlaError(
      store.transact((d) => {
        d.settings.retentionDays = 1;
      }),
      'storeInvalid',
    );
    expect(err.message).toContain('settings.retentionDays');
    expect(err.message).toContain('De wijziging is niet opgeslagen');
    await expectLlaError(
      store.transact((d) => {
        d.people.push(person('P-0001', 'x@example.org', { regionCode: 'QQQ' }));
      }),
      'storeInvalid',
    );
    expect(store.snapshot()).toBe(before);
    expect(store.writes).toBe(0);
  });

  it('a valid transaction is persisted and returns its result', async () => {
    const store = new MemoryStore(seed());
    const result = await store.transact((d) => {
      d.settings.retentionDays = 90;
      return 'ok';
    });
    expect(result).toBe('ok');
    expect((await store.read()).settings.retentionDays).toBe(90);
    expect(store.writes).toBe(1);
  });

  it('validateResult accepts the fixture store', async () => {
    const f = await makeFixture();
    expect(() => validateResult(JSON.parse(f.store.snapshot()))).not.toThrow();
  });
});
