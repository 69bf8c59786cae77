import { describe, expect, it } from 'vitest';
import { createTaskGroup, openMonitorRound, reportCase, updatePerson } from '../../core/index.js';
import { caseInput } from '../../test/helpers/core-fixture.js';
import { allText, asMessage, makeConversationFixture } from '../../test/helpers/conversation-fixture.js';

const actionsOf = (m: { buttons?: Array<{ label: string }> }) => (m.buttons ?? []).map((b) => b.label);

describe('home', () => {
  it('greets by first name with role and region, quick buttons, and the region’s open cases (at most 10)', async () => {
    const f = await makeConversationFixture();
    for (let i = 0; i < 12; i++) await reportCase(f.processDirectorHgl, caseInput());
    await reportCase(f.projectLeadUtr, caseInput());
    const home = await f.conv.home(f.turns.projectLeadHgl);
    expect(home.title).toBe('Hallo Piet!');
    expect(home.text[0]).toBe('U bent projectleider in regio Haaglanden.');
    expect(home.items).toHaveLength(10);
    expect(home.items?.every((i) => i.title.endsWith('Haaglanden'))).toBe(true);
    expect(home.text).toContain('En nog 2 casussen; die staan in de CLI („lla casus lijst”).');
    expect(actionsOf(home)).toEqual(['Meld casus', 'Meld signaal', 'Mijn casussen', 'Vakdagen', 'Help']);
  });

  it('offers Voortgang to a first contact and Monitor to a project lead while a round is open', async () => {
    const f = await makeConversationFixture();
    await createTaskGroup(f.quartermaster, { name: 'Werkproces', task: 2, goal: 'Playbook', firstContactId: f.people.poolMember.id });
    expect(actionsOf(await f.conv.home(f.turns.poolMember))).toContain('Voortgang');
    expect(actionsOf(await f.conv.home(f.turns.projectLeadHgl))).not.toContain('Monitor');
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    expect(actionsOf(await f.conv.home(f.turns.projectLeadHgl))).toContain('Monitor');
    expect(actionsOf(await f.conv.home(f.turns.processDirectorHgl))).not.toContain('Monitor');
    const ambassador = await f.conv.home(f.turns.ambassador);
    expect(ambassador.text[0]).toBe('U bent ambassadeur.');
    expect(actionsOf(ambassador)).not.toContain('Meld casus');
  });
});

describe('unknown and inactive people', () => {
  it('get a polite refusal naming the kwartiermaker and nothing else, whatever they try', async () => {
    const f = await makeConversationFixture();
    const c = await reportCase(f.projectLeadHgl, caseInput());
    const stranger = f.turn({ slackUserId: 'U0STRANGER' }, 'slack');
    const views = [
      await f.conv.text(stranger, 'help'),
      await f.conv.text(stranger, 'mijn casussen'),
      await f.conv.text(stranger, `casus ${c.code}`),
      await f.conv.text(stranger, 'meld'),
      await f.conv.action(stranger, { id: 'case.show', value: c.code }),
      await f.conv.action(stranger, { id: 'event.register', value: 'EV-2026-01' }),
      await f.conv.openForm(stranger, 'monitor'),
      await f.conv.home(stranger),
    ];
    const submitted = await f.conv.submit(stranger, 'reportCase', { theme: 'housing', sketch: 'x', stepsTried: ['caseTable'], helpAsked: ['advice'] }, {});
    expect(submitted.kind).toBe('done');
    if (submitted.kind === 'done') views.push(submitted.view);
    for (const v of views) {
      const m = asMessage(v);
      expect(m.text).toEqual([
        'U bent (nog) niet bekend bij het Coördinatiepunt Levensloopaanpak. Vraag de kwartiermaker om u toe te voegen.',
        'U bereikt de kwartiermaker via Kim Kwartier (kwartiermaker@coordinatiepunt.example).',
      ]);
      expect(m.facts ?? []).toEqual([]);
      expect(m.items ?? []).toEqual([]);
      expect(m.buttons ?? []).toEqual([]);
      expect(allText(m)).not.toMatch(/VC-2026|Haaglanden|Piet|Anna/);
    }
    expect((await f.data()).cases).toHaveLength(1);
  });

  it('an inactive person hears their account is not active, and whom to ask', async () => {
    const f = await makeConversationFixture();
    await updatePerson(f.quartermaster, { personId: f.people.projectLeadUtr.id, active: false });
    const m = asMessage(await f.conv.text(f.turns.projectLeadUtr, 'help'));
    expect(m.text[0]).toBe('Uw account is niet actief. Neem contact op met de kwartiermaker.');
    expect(m.text[1]).toMatch(/Kim Kwartier \(kwartiermaker@coordinatiepunt\.example\)/);
  });
});
