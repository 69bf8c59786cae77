import { describe, expect, it } from 'vitest';
import { createTaskGroup, openMonitorRound, reportCase } from '../../core/index.js';
import { caseInput } from '../../test/helpers/core-fixture.js';
import { asForm, asMessage, makeConversationFixture } from '../../test/helpers/conversation-fixture.js';
import { parseIntent } from './intents.js';

describe('parseIntent', () => {
  it.each([
    ['meld', { kind: 'form', formId: 'reportCase' }],
    ['  MELD  ', { kind: 'form', formId: 'reportCase' }],
    ['/lla meld', { kind: 'form', formId: 'reportCase' }],
    ['signaal', { kind: 'form', formId: 'reportSignal' }],
    ['Mijn   Casussen', { kind: 'cases' }],
    ['casussen', { kind: 'cases' }],
    ['mijn regio', { kind: 'cases' }],
    ['casus vc-2026-0001', { kind: 'case', code: 'VC-2026-0001' }],
    ['Casus   VC-2026-0012 ', { kind: 'case', code: 'VC-2026-0012' }],
    ['VC-2026-0003', { kind: 'case', code: 'VC-2026-0003' }],
    ['voortgang', { kind: 'form', formId: 'progress' }],
    ['vakdagen', { kind: 'events' }],
    ['Vakdag', { kind: 'events' }],
    ['monitor', { kind: 'form', formId: 'monitor' }],
    ['help', { kind: 'help', unknown: false }],
    ['Hallo!', { kind: 'help', unknown: false }],
    ['wat kan ik hier', { kind: 'help', unknown: true }],
  ])('%j', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });
});

describe('text intents', () => {
  it('meld and signaal open their forms; monitor and voortgang open forms when there is something to fill in', async () => {
    const f = await makeConversationFixture();
    const t = f.turns.projectLeadHgl;
    expect(asForm(await f.conv.text(t, 'meld')).formId).toBe('reportCase');
    expect(asForm(await f.conv.text(t, '/lla signaal')).formId).toBe('reportSignal');
    expect(asMessage(await f.conv.text(t, 'monitor')).text.join(' ')).toMatch(/geen open monitorronde/);
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    expect(asForm(await f.conv.text(t, 'monitor')).formId).toBe('monitor');

    const pool = f.turns.poolMember;
    expect(asMessage(await f.conv.text(pool, 'voortgang')).text.join(' ')).toMatch(/geen eerste aanspreekpunt/);
    await createTaskGroup(f.quartermaster, { name: 'Werkproces', task: 2, goal: 'Playbook', firstContactId: f.people.poolMember.id });
    expect(asForm(await f.conv.text(pool, 'voortgang')).formId).toBe('progress');
  });

  it('mijn casussen, casus <code>, vakdagen, help and unknown text answer with messages', async () => {
    const f = await makeConversationFixture();
    const c = await reportCase(f.projectLeadHgl, caseInput());
    const t = f.turns.projectLeadHgl;
    const list = asMessage(await f.conv.text(t, 'mijn casussen'));
    expect(list.title).toBe('Open casussen in Haaglanden');
    expect(list.items?.map((i) => i.title)).toEqual([`${c.code} · Haaglanden`]);
    const detail = asMessage(await f.conv.text(t, `casus ${c.code.toLowerCase()}`));
    expect(detail.title).toBe(`Casus ${c.code}`);
    expect(asMessage(await f.conv.text(t, 'vakdagen')).title).toBe('Komende vakdagen en bijeenkomsten');
    const help = asMessage(await f.conv.text(t, 'help'));
    expect(help.facts?.map((x) => x.label)).toEqual(['meld', 'signaal', 'mijn casussen', 'casus VC-2026-0001', 'voortgang', 'vakdagen', 'monitor', 'help']);
    const forAmbassador = asMessage(await f.conv.text(f.turns.ambassador, 'help'));
    expect(forAmbassador.facts?.map((x) => x.label)).toContain('rapport');
    const unknown = asMessage(await f.conv.text(t, 'doe iets'));
    expect(unknown.text[0]).toBe('Die opdracht ken ik niet.');
    expect(unknown.facts).toEqual(help.facts);
  });

  it('a case code that does not exist gets a Dutch not-found message', async () => {
    const f = await makeConversationFixture();
    const m = asMessage(await f.conv.text(f.turns.quartermaster, 'casus VC-2026-0099'));
    expect(m.tone).toBe('warning');
    expect(m.text[0]).toMatch(/bestaat niet/);
  });

  it('an ambassador may not report: the form is refused with a message', async () => {
    const f = await makeConversationFixture();
    const m = asMessage(await f.conv.text(f.turns.ambassador, 'meld'));
    expect(m.text[0]).toMatch(/projectleiders en procesregisseurs/);
  });
});
