import { describe, expect, it } from 'vitest';
import { expectLlaError, expectRefusedWithoutWrite, makeFixture } from '../../test/helpers/core-fixture.js';
import { msg } from '../messages.js';
import { reportCase } from './cases.js';
import {
  addPerson,
  addRegion,
  createFirstQuartermaster,
  findRegionOrThrow,
  listPeople,
  listRegions,
  updatePerson,
  updateRegion,
  whoAmI,
} from './people.js';

describe('the fixture and the first quartermaster', () => {
  it('creates the first quartermaster with the system actor, then five people', async () => {
    const f = await makeFixture();
    const d = await f.data();
    expect(d.people.map((p) => p.id)).toEqual(['P-0001', 'P-0002', 'P-0003', 'P-0004', 'P-0005', 'P-0006']);
    expect(f.people.quartermaster.roles).toEqual(['quartermaster']);
    expect(f.people.quartermaster.createdAt).toBe('2026-03-02T09:00:00.000Z');
    const first = d.audit.find((a) => a.action === 'person.add' && a.entityId === 'P-0001');
    expect(first).toMatchObject({ actorId: 'system', channel: 'system' });
    const second = d.audit.find((a) => a.action === 'person.add' && a.entityId === 'P-0002');
    expect(second).toMatchObject({ actorId: 'P-0001', channel: 'cli' });
    expect(f.people.projectLeadHgl).toMatchObject({ regionCode: 'HGL', roles: ['projectLead'], poolMember: false, active: true });
    expect(f.people.poolMember.poolMember).toBe(true);
  });

  it('refuses a second first quartermaster, writing nothing', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => createFirstQuartermaster(f.system, { name: 'Nog Een', email: 'nog@example.org' }), 'conflict');
  });
});

describe('use-cases reject; they never throw synchronously', () => {
  it('bad input comes back as a rejected promise', async () => {
    const f = await makeFixture();
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = addPerson(f.quartermaster, { name: 'X', email: 'nope', roles: [] });
    }).not.toThrow();
    await expectLlaError(promise as Promise<unknown>, 'validation', 'email');
    expect(() => {
      promise = reportCase(f.projectLeadHgl, { theme: 'nope' as 'housing', sketch: '', helpAsked: [] });
    }).not.toThrow();
    await expectLlaError(promise as Promise<unknown>, 'validation', 'theme');
  });
});

describe('who may manage people', () => {
  it('only the quartermaster adds people', async () => {
    const f = await makeFixture();
    const input = { name: 'Nieuwe Persoon', email: 'nieuw@example.org', roles: ['ambassador' as const] };
    for (const ctx of [f.ambassador, f.projectLeadHgl, f.processDirectorHgl, f.poolMember, f.system]) {
      const err = await expectRefusedWithoutWrite(f.store, () => addPerson(ctx, input), 'forbidden');
      expect(err.message).toBe(msg.forbidden('mensen toevoegen'));
    }
    await expectLlaError(updatePerson(f.ambassador, { personId: f.people.projectLeadHgl.id, name: 'Ander' }), 'forbidden');
    const added = await addPerson(f.quartermaster, input);
    expect(added.id).toBe('P-0007');
  });

  it('an unknown person is refused with unknownPerson and nothing is written', async () => {
    const f = await makeFixture();
    for (const actor of [{ personId: 'P-9999' }, { email: 'onbekend@example.org' }, { slackUserId: 'UNOBODY' }, { teamsAadObjectId: '00000000-0000-4000-8000-000000000000' }]) {
      const err = await expectRefusedWithoutWrite(
        f.store,
        () => addPerson(f.as(actor), { name: 'Iemand', email: 'iemand@example.org', roles: ['ambassador'] }),
        'unknownPerson',
      );
      expect(err.message).toBe(msg.unknownPerson());
      await expectLlaError(listPeople(f.as(actor)), 'unknownPerson');
    }
  });

  it('resolves actors by e-mail (any case) and Slack id', async () => {
    const f = await makeFixture();
    expect((await whoAmI(f.as({ email: '  PL.HGL@fivoor.example ' })))?.id).toBe(f.people.projectLeadHgl.id);
    expect((await whoAmI(f.as({ slackUserId: 'U0PLHGL' })))?.id).toBe(f.people.projectLeadHgl.id);
    expect(await whoAmI(f.system)).toBeNull();
  });

  it('an inactive person is refused everywhere', async () => {
    const f = await makeFixture();
    await updatePerson(f.quartermaster, { personId: f.people.projectLeadHgl.id, active: false });
    const err = await expectRefusedWithoutWrite(
      f.store,
      () => reportCase(f.projectLeadHgl, { theme: 'housing', sketch: 'Geen plek.', stepsTried: ['caseTable'], helpAsked: ['advice'] }),
      'unknownPerson',
    );
    expect(err.message).toBe(msg.inactivePerson());
    await expectLlaError(whoAmI(f.projectLeadHgl), 'unknownPerson');
    // Reactivated, they work again.
    await updatePerson(f.quartermaster, { personId: f.people.projectLeadHgl.id, active: true });
    expect((await whoAmI(f.projectLeadHgl))?.active).toBe(true);
  });
});

describe('addPerson validation', () => {
  it('a project lead or process director needs a region', async () => {
    const f = await makeFixture();
    for (const role of ['projectLead', 'processDirector'] as const) {
      const err = await expectRefusedWithoutWrite(
        f.store,
        () => addPerson(f.quartermaster, { name: 'Zonder Regio', email: 'zr@example.org', roles: [role] }),
        'validation',
        'regionCode',
      );
      expect(err.message).toBe(msg.regionRequiredForRole());
    }
  });

  it('refuses an unknown region', async () => {
    const f = await makeFixture();
    const err = await expectLlaError(
      addPerson(f.quartermaster, { name: 'Verkeerde Regio', email: 'vr@example.org', roles: ['projectLead'], regionCode: 'XYZ' }),
      'validation',
      'regionCode',
    );
    expect(err.message).toContain('Regio „XYZ” bestaat niet.');
  });

  it('refuses an invalid e-mail, empty roles and a bad Slack id with Dutch messages', async () => {
    const f = await makeFixture();
    const err = await expectLlaError(
      addPerson(f.quartermaster, { name: 'A', email: 'geen-mail', roles: [], slackUserId: 'abc' }),
      'validation',
    );
    const fields = err.fields.map((x) => x.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'roles', 'slackUserId']));
    expect(err.message).toContain('e-mailadres: geen geldig e-mailadres');
    expect(err.message).toContain('rollen: kies er minstens 1');
    expect(err.message).toContain('Slack-gebruikers-id: een Slack-gebruikers-id begint met U of W');
  });

  it('normalises e-mail and refuses duplicates (any case), duplicate Slack and Teams ids', async () => {
    const f = await makeFixture();
    const p = await addPerson(f.quartermaster, {
      name: 'Teams Persoon',
      email: '  Teams.Persoon@Example.ORG ',
      roles: ['ambassador'],
      teamsAadObjectId: '8F14E45F-CEEA-4E7A-9F6B-2D3C4B5A6978',
    });
    expect(p.email).toBe('teams.persoon@example.org');
    expect(p.teamsAadObjectId).toBe('8f14e45f-ceea-4e7a-9f6b-2d3c4b5a6978');
    await expectRefusedWithoutWrite(f.store, () => addPerson(f.quartermaster, { name: 'Dubbel', email: 'PL.HGL@fivoor.example', roles: ['ambassador'] }), 'conflict', 'email');
    await expectRefusedWithoutWrite(
      f.store,
      () => addPerson(f.quartermaster, { name: 'Dubbel', email: 'd1@example.org', roles: ['ambassador'], slackUserId: 'U0PLHGL' }),
      'conflict',
      'slackUserId',
    );
    await expectRefusedWithoutWrite(
      f.store,
      () => addPerson(f.quartermaster, { name: 'Dubbel', email: 'd2@example.org', roles: ['ambassador'], teamsAadObjectId: '8f14e45f-ceea-4e7a-9f6b-2d3c4b5a6978' }),
      'conflict',
      'teamsAadObjectId',
    );
  });

  it('deduplicates roles and audits the addition', async () => {
    const f = await makeFixture();
    const p = await addPerson(f.quartermaster, { name: 'Twee Rollen', email: 'twee@example.org', roles: ['projectLead', 'processDirector', 'projectLead'], regionCode: 'UTR' });
    expect(p.roles).toEqual(['projectLead', 'processDirector']);
    const d = await f.data();
    expect(d.audit.at(-1)).toMatchObject({ action: 'person.add', entityType: 'person', entityId: p.id, details: { roles: 'projectLead,processDirector', regionCode: 'UTR' } });
  });
});

describe('updatePerson', () => {
  it('changes fields and audits which ones', async () => {
    const f = await makeFixture();
    const p = await updatePerson(f.quartermaster, { personId: 'pl.hgl@fivoor.example', poolMember: true, organisation: null, slackUserId: null });
    expect(p.poolMember).toBe(true);
    expect(p.organisation).toBeUndefined();
    expect(p.slackUserId).toBeUndefined();
    const d = await f.data();
    expect(d.audit.at(-1)?.details).toEqual({ fields: 'organisation,poolMember,slackUserId' });
  });

  it('removing the region of a project lead is refused', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => updatePerson(f.quartermaster, { personId: f.people.projectLeadHgl.id, regionCode: null }), 'validation', 'regionCode');
  });

  it('keeps at least one active quartermaster', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => updatePerson(f.quartermaster, { personId: f.people.quartermaster.id, active: false }), 'conflict');
    expect(err.message).toBe(msg.lastQuartermaster());
    await expectRefusedWithoutWrite(f.store, () => updatePerson(f.quartermaster, { personId: f.people.quartermaster.id, roles: ['ambassador'] }), 'conflict');
    // With a second quartermaster, the first may step down.
    const second = await addPerson(f.quartermaster, { name: 'Tweede Kwartiermaker', email: 'qm2@example.org', roles: ['quartermaster'] });
    await updatePerson(f.quartermaster, { personId: f.people.quartermaster.id, active: false });
    expect((await whoAmI(f.as(second)))?.id).toBe(second.id);
  });

  it('an unknown person id is notFound', async () => {
    const f = await makeFixture();
    const err = await expectLlaError(updatePerson(f.quartermaster, { personId: 'P-4242', name: 'Wie' }), 'notFound', 'personId');
    expect(err.message).toBe('Persoon „P-4242” bestaat niet.');
  });
});

describe('listPeople', () => {
  it('national roles see everyone', async () => {
    const f = await makeFixture();
    expect(await listPeople(f.ambassador)).toHaveLength(6);
    expect(await listPeople(f.quartermaster, { role: 'projectLead' })).toHaveLength(2);
    expect((await listPeople(f.quartermaster, { regionCode: 'HGL' })).map((p) => p.id)).toEqual([f.people.projectLeadHgl.id, f.people.processDirectorHgl.id]);
  });

  it('regional people see their region and the national roles only', async () => {
    const f = await makeFixture();
    const ids = (await listPeople(f.projectLeadHgl)).map((p) => p.id).sort();
    expect(ids).toEqual(
      [f.people.quartermaster.id, f.people.ambassador.id, f.people.projectLeadHgl.id, f.people.processDirectorHgl.id].sort(),
    );
    expect(ids).not.toContain(f.people.projectLeadUtr.id);
  });

  it('inactive people only on request', async () => {
    const f = await makeFixture();
    await updatePerson(f.quartermaster, { personId: f.people.poolMember.id, active: false });
    expect(await listPeople(f.quartermaster)).toHaveLength(5);
    expect(await listPeople(f.quartermaster, { includeInactive: true })).toHaveLength(6);
  });
});

describe('regions', () => {
  it('the seed has 31 regions; lookup by code or name', async () => {
    const f = await makeFixture();
    expect(await listRegions(f.projectLeadHgl)).toHaveLength(31);
    const d = await f.data();
    expect(findRegionOrThrow(d, 'hgl').code).toBe('HGL');
    expect(findRegionOrThrow(d, 'Regio Utrecht').code).toBe('UTR');
    await expectLlaError(() => findRegionOrThrow(d, 'Atlantis'), 'notFound', 'regionCode');
    expect(d.regions.filter((r) => !r.started).map((r) => r.code).sort()).toEqual(['ARN', 'NOG']);
  });

  it('only the quartermaster adds and changes regions', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => addRegion(f.ambassador, { code: 'NEW', name: 'Nieuwe Regio' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => updateRegion(f.projectLeadHgl, { code: 'HGL', name: 'Den Haag' }), 'forbidden');
    const r = await addRegion(f.quartermaster, { code: 'new', name: 'Nieuwe Regio' });
    expect(r).toEqual({ code: 'NEW', name: 'Nieuwe Regio', started: false, active: true });
    await expectRefusedWithoutWrite(f.store, () => addRegion(f.quartermaster, { code: 'HGL', name: 'Dubbel' }), 'conflict', 'code');
    await expectLlaError(addRegion(f.quartermaster, { code: 'H', name: 'Te kort' }), 'validation', 'code');
  });

  it('updateRegion sets and clears fields; inactive regions are hidden by default', async () => {
    const f = await makeFixture();
    const r = await updateRegion(f.quartermaster, { code: 'arn', started: true, startedOn: '2026-01-01', coordinatingProvider: 'Fivoor' });
    expect(r).toMatchObject({ code: 'ARN', started: true, startedOn: '2026-01-01', coordinatingProvider: 'Fivoor' });
    const cleared = await updateRegion(f.quartermaster, { code: 'ARN', coordinatingProvider: null, active: false });
    expect(cleared.coordinatingProvider).toBeUndefined();
    expect(await listRegions(f.quartermaster)).toHaveLength(30);
    expect(await listRegions(f.quartermaster, { includeInactive: true })).toHaveLength(31);
    await expectLlaError(updateRegion(f.quartermaster, { code: 'ZZZ', name: 'Nergens' }), 'notFound', 'code');
  });
});
