import { describe, expect, it } from 'vitest';
import { caseInput, expectLlaError, expectRefusedWithoutWrite, makeFixture } from '../../test/helpers/core-fixture.js';
import { linkChatIdentity, myNotifications, pendingDeliveries, rememberTeamsAddress } from './chat.js';
import { moveCase, reportCase } from './cases.js';
import { recordDelivery } from './outbox.js';
import { addPerson, updatePerson } from './people.js';

const AAD = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
const address = {
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversationId: 'a:1xyz',
  channelId: 'msteams',
  botId: '28:bot',
  userId: '29:user',
  tenantId: 'tenant-1',
};

describe('linkChatIdentity', () => {
  it('links a Slack account to the active person with that e-mail, once, audited', async () => {
    const f = await makeFixture();
    const p = await linkChatIdentity(f.system, { platform: 'slack', externalId: 'U0PRHGL', email: 'PR.HGL@zvh.example' });
    expect(p?.id).toBe(f.people.processDirectorHgl.id);
    const data = await f.data();
    expect(data.people.find((x) => x.id === p!.id)?.slackUserId).toBe('U0PRHGL');
    expect(data.audit.at(-1)).toMatchObject({ action: 'person.linkChat', entityId: p!.id, actorId: 'system', details: { platform: 'slack' } });
    // Already linked: same answer, no new write.
    const before = f.store.snapshot();
    expect((await linkChatIdentity(f.system, { platform: 'slack', externalId: 'U0PRHGL', email: 'other@x.example' }))?.id).toBe(p!.id);
    expect(f.store.snapshot()).toBe(before);
  });

  it('never overrides an id the kwartiermaker set, and knows no strangers', async () => {
    const f = await makeFixture();
    // piet already has U0PLHGL.
    expect(await linkChatIdentity(f.system, { platform: 'slack', externalId: 'U0OTHER', email: 'pl.hgl@fivoor.example' })).toBeNull();
    expect(await linkChatIdentity(f.system, { platform: 'teams', externalId: AAD, email: 'nobody@nowhere.example' })).toBeNull();
    expect((await f.data()).people.find((x) => x.id === f.people.projectLeadHgl.id)?.slackUserId).toBe('U0PLHGL');
  });

  it('is for the system only, and checks the id shape per platform', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => linkChatIdentity(f.quartermaster, { platform: 'teams', externalId: AAD, email: 'pl.utr@fivoor.example' }), 'forbidden');
    await expectLlaError(linkChatIdentity(f.system, { platform: 'teams', externalId: 'U0ABC', email: 'pl.utr@fivoor.example' }), 'validation', 'externalId');
  });
});

describe('rememberTeamsAddress', () => {
  it('stores the address on the acting person and writes only when it changed', async () => {
    const f = await makeFixture();
    await updatePerson(f.quartermaster, { personId: f.people.projectLeadUtr.id, teamsAadObjectId: AAD });
    const ctx = f.as({ teamsAadObjectId: AAD }, 'teams');
    expect(await rememberTeamsAddress(ctx, address)).toBe(true);
    const before = f.store.snapshot();
    expect(await rememberTeamsAddress(ctx, address)).toBe(false);
    expect(f.store.snapshot()).toBe(before);
    expect(await rememberTeamsAddress(ctx, { ...address, serviceUrl: 'https://smba.trafficmanager.net/amer/' })).toBe(true);
    const person = (await f.data()).people.find((p) => p.id === f.people.projectLeadUtr.id)!;
    expect(person.teamsConversation).toMatchObject({ ...address, serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    // A new Teams account: the old address no longer applies.
    await updatePerson(f.quartermaster, { personId: person.id, teamsAadObjectId: '11111111-2222-4333-8444-555555555555' });
    expect((await f.data()).people.find((p) => p.id === person.id)!.teamsConversation).toBeUndefined();
  });

  it('refuses unknown people', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => rememberTeamsAddress(f.as({ teamsAadObjectId: AAD }, 'teams'), address), 'unknownPerson');
  });
});

describe('deliveries', () => {
  it('gives the dispatcher pending notifications with recipient and subject, and the person their inbox', async () => {
    const f = await makeFixture();
    const c = await reportCase(f.projectLeadHgl, caseInput());
    await moveCase(f.quartermaster, { caseCode: c.code, to: 'inTreatment' });
    const pending = await pendingDeliveries(f.system);
    expect(pending.map((d) => [d.notification.kind, d.recipient.id, d.case?.code, d.region?.code])).toEqual([
      ['caseReported', f.people.quartermaster.id, c.code, 'HGL'],
      ['caseStatusChanged', f.people.projectLeadHgl.id, c.code, 'HGL'],
    ]);
    await recordDelivery(f.system, { id: pending[0]!.notification.id });
    expect((await pendingDeliveries(f.system)).map((d) => d.notification.kind)).toEqual(['caseStatusChanged']);
    await expectLlaError(pendingDeliveries(f.quartermaster), 'forbidden');

    const inbox = await myNotifications(f.quartermaster);
    expect(inbox.map((d) => [d.notification.kind, !!d.notification.sentAt])).toEqual([['caseReported', true]]);
    expect(await myNotifications(f.projectLeadUtr)).toEqual([]);
  });

  it('leaves out notifications for people who are no longer active', async () => {
    const f = await makeFixture();
    const q2 = await addPerson(f.quartermaster, { name: 'Tweede Kwartier', email: 'q2@example.org', roles: ['quartermaster'] });
    await reportCase(f.projectLeadHgl, caseInput());
    await updatePerson(f.quartermaster, { personId: q2.id, active: false });
    expect((await pendingDeliveries(f.system)).map((d) => d.recipient.id)).toEqual([f.people.quartermaster.id]);
  });
});
