import { describe, expect, it } from 'vitest';
import { moveCase, reportCase } from '../../core/index.js';
import { caseInput } from '../../test/helpers/core-fixture.js';
import { allText, asMessage, makeConversationFixture } from '../../test/helpers/conversation-fixture.js';

describe('rapport in chat', () => {
  it('gives the kwartiermaker and ambassadors last month\'s report in short, with the decisions waiting for them', async () => {
    const f = await makeConversationFixture(); // clock: 2 March 2026
    f.clock.set('2026-02-10T09:00:00Z');
    const c = await reportCase(f.projectLeadHgl, caseInput());
    await moveCase(f.quartermaster, { caseCode: c.code, to: 'nationalEscalation' });
    f.clock.set('2026-03-02T09:00:00Z');
    const m = asMessage(await f.conv.text(f.turns.ambassador, 'rapport'));
    expect(m.title).toBe('Signalenrapportage februari 2026');
    expect(m.facts).toEqual(expect.arrayContaining([{ label: 'Nieuwe casussen', value: '1' }]));
    expect(m.items?.map((i) => i.buttons?.[0]?.action)).toEqual([{ id: 'case.show', value: c.code }]);
    expect(allText(m)).toContain('lla rapport --formaat html --van 2026-02-01 --tot 2026-02-28');
    expect(asMessage(await f.conv.text(f.turns.quartermaster, 'Rapport.')).title).toBe('Signalenrapportage februari 2026');
  });

  it('refuses project leads without disclosing figures', async () => {
    const f = await makeConversationFixture();
    await reportCase(f.projectLeadHgl, caseInput());
    const m = asMessage(await f.conv.text(f.turns.projectLeadHgl, 'rapport'));
    expect(m.tone).not.toBe('info');
    expect(m.facts ?? []).toEqual([]);
    expect(allText(m)).not.toMatch(/VC-\d{4}/);
  });
});
