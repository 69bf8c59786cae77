import { describe, expect, it } from 'vitest';
import {
  createTaskGroup,
  LlaError,
  openMonitorRound,
  type StoreData,
  type StorePort,
} from '../../core/index.js';
import { allText, asForm, asMessage, makeConversationFixture, recordingLogger, checked } from '../../test/helpers/conversation-fixture.js';
import { createConversation } from './index.js';
import type { FormValues } from './view.js';

const CLEAN_SKETCH = 'Cliënt komt over drie weken vrij uit detentie; geen Wlz-indicatie en geen woonplek beschikbaar.';
const PHONE_SKETCH = 'Cliënt komt vrij; bel de begeleider op 06-12345678 voor een plek.';

const caseValues = (over: FormValues = {}): FormValues => ({
  theme: 'housing',
  bottleneckIds: ['KP-02'],
  sketch: CLEAN_SKETCH,
  stepsTried: ['caseTable', 'regionalEscalation'],
  helpAsked: ['nationalEscalation'],
  ...over,
});

/** A store port that counts reads around the real one. */
function countingStore(inner: StorePort): StorePort & { reads: number; transacts: number } {
  const s = {
    reads: 0,
    transacts: 0,
    read: async (): Promise<StoreData> => {
      s.reads++;
      return inner.read();
    },
    transact: async <T>(fn: (d: StoreData) => T): Promise<T> => {
      s.transacts++;
      return inner.transact(fn);
    },
  };
  return s;
}

describe('reportCase form', () => {
  it('regional people see their region in the intro, the quartermaster chooses it', async () => {
    const f = await makeConversationFixture();
    const own = asForm(await f.conv.openForm(f.turns.projectLeadHgl, 'reportCase'));
    expect(own.fields.map((x) => x.id)).toEqual(['theme', 'bottleneckIds', 'sketch', 'stepsTried', 'stepsNote', 'homelessOn', 'helpAsked']);
    expect(own.intro).toMatch(/Haaglanden/);
    expect(own.title.length).toBeLessThanOrEqual(24);
    const sketch = own.fields.find((x) => x.id === 'sketch');
    expect(sketch).toMatchObject({ kind: 'text', multiline: true, maxLength: 4000, required: true });
    expect(sketch?.hint).toMatch(/geen namen, geboortedata, adressen, BSN/);
    const bottlenecks = own.fields.find((x) => x.id === 'bottleneckIds');
    if (bottlenecks?.kind !== 'choice') throw new Error('choice expected');
    expect(bottlenecks.multiple).toBe(true);
    expect(bottlenecks.choices).toHaveLength(14);
    expect(bottlenecks.choices.every((c) => c.label.length <= 75 && c.label.startsWith(`${c.value} — `))).toBe(true);
    expect(bottlenecks.choices.some((c) => c.label.endsWith('…'))).toBe(true);

    const qm = asForm(await f.conv.openForm(f.turns.quartermaster, 'reportCase'));
    const region = qm.fields[0];
    if (region?.kind !== 'choice') throw new Error('choice expected');
    expect(region.id).toBe('regionCode');
    expect(region.choices).toHaveLength(31);
  });

  it('submit saves the case and confirms the code, the facts and what happens next', async () => {
    const f = await makeConversationFixture();
    const r = await f.conv.submit(f.turns.projectLeadHgl, 'reportCase', caseValues({ homelessOn: '2026-04-01', stepsNote: 'Zorgkantoor gebeld.' }), {});
    expect(r.kind).toBe('done');
    if (r.kind !== 'done') return;
    expect(r.view.tone).toBe('success');
    expect(r.view.title).toBe('Casus VC-2026-0001 is gemeld');
    expect(r.view.text.join(' ')).toMatch(/kwartiermaker bekijkt de casus/);
    expect(r.view.facts).toEqual(
      expect.arrayContaining([
        { label: 'Casuscode', value: 'VC-2026-0001' },
        { label: 'Regio', value: 'Haaglanden' },
        { label: 'Dreigende dakloosheid', value: '1 april 2026' },
      ]),
    );
    const data = await f.data();
    const c = data.cases[0]!;
    expect(c).toMatchObject({ regionCode: 'HGL', channel: 'slack', theme: 'housing', homelessOn: '2026-04-01', stepsNote: 'Zorgkantoor gebeld.' });
    expect(c.stepsTried).toEqual(['caseTable', 'regionalEscalation']);
    expect(data.outbox.filter((n) => n.kind === 'caseReported').map((n) => n.recipientId)).toEqual([f.people.quartermaster.id]);
    expect(JSON.stringify(f.logger.calls)).not.toContain('detentie');
  });

  it('the quartermaster reports for the region chosen', async () => {
    const f = await makeConversationFixture();
    const r = await f.conv.submit(f.turns.quartermaster, 'reportCase', caseValues({ regionCode: 'UTR' }), {});
    expect(r.kind).toBe('done');
    expect((await f.data()).cases[0]?.regionCode).toBe('UTR');
    const missing = await f.conv.submit(f.turns.quartermaster, 'reportCase', caseValues(), {});
    expect(missing.kind).toBe('invalid');
    if (missing.kind === 'invalid') expect(missing.form.errors?.regionCode).toBe('ontbreekt');
  });

  it('field errors come back on the fields with every value kept', async () => {
    const f = await makeConversationFixture();
    const writes = f.store.writes;
    const values = caseValues({ stepsTried: [], helpAsked: [], stepsNote: 'Nog een notitie.' });
    const r = await f.conv.submit(f.turns.projectLeadHgl, 'reportCase', values, {});
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(Object.keys(r.form.errors ?? {})).toEqual(['helpAsked']);
    const initial = Object.fromEntries(r.form.fields.map((x) => [x.id, x.initial]));
    expect(initial).toMatchObject({ theme: 'housing', bottleneckIds: ['KP-02'], sketch: CLEAN_SKETCH, stepsNote: 'Nog een notitie.' });
    const second = await f.conv.submit(f.turns.projectLeadHgl, 'reportCase', caseValues({ stepsTried: [] }), {});
    expect(second.kind === 'invalid' && second.form.errors?.stepsTried).toMatch(/opschalingsroute is doorlopen/);
    expect(f.store.writes).toBe(writes);
  });

  it('the privacy guard refuses on the field, naming what looked identifying, and nothing is saved', async () => {
    const f = await makeConversationFixture();
    const writes = f.store.writes;
    const r = await f.conv.submit(f.turns.projectLeadHgl, 'reportCase', caseValues({ sketch: PHONE_SKETCH }), {});
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.form.errors?.sketch).toMatch(/een telefoonnummer/);
    expect(r.form.errors?.sketch).toContain('06-••••••78');
    expect(r.form.fields.find((x) => x.id === 'sketch')?.initial).toBe(PHONE_SKETCH);
    expect(f.store.writes).toBe(writes);
    expect((await f.data()).cases).toEqual([]);
  });

  it('a chat message made into a case: prefilled sketch, flagged at once when it looks identifying', async () => {
    const f = await makeConversationFixture();
    const flagged = asForm(await f.conv.openForm(f.turns.projectLeadHgl, 'reportCase', { sketch: `Dhr. Jansen, ${PHONE_SKETCH}` }));
    expect(flagged.fields.find((x) => x.id === 'sketch')?.initial).toBe(`Dhr. Jansen, ${PHONE_SKETCH}`);
    expect(flagged.errors?.sketch).toMatch(/naam met aanhef/);
    expect(flagged.errors?.sketch).toMatch(/telefoonnummer/);
    const clean = asForm(await f.conv.openForm(f.turns.projectLeadHgl, 'reportCase', { sketch: CLEAN_SKETCH }));
    expect(clean.errors).toBeUndefined();
    const long = asForm(await f.conv.openForm(f.turns.projectLeadHgl, 'reportCase', { sketch: 'a '.repeat(3000) }));
    const field = long.fields.find((x) => x.id === 'sketch');
    expect(field?.kind === 'text' && field.initial?.length).toBeLessThanOrEqual(4000);
  });
});

describe('check', () => {
  it('finds schema, privacy and use-case problems without writing, with one store read, fast', async () => {
    const f = await makeConversationFixture();
    const store = countingStore(f.store);
    const conv = checked(createConversation({ store, clock: f.clock, logger: recordingLogger() }));
    const t = f.turns.projectLeadHgl;

    const shape = await conv.check(t, 'reportCase', caseValues({ theme: undefined, helpAsked: [], sketch: PHONE_SKETCH, stepsNote: 'Mail naar jan@voorbeeld.nl' }), {});
    expect(Object.keys(shape ?? {}).sort()).toEqual(['helpAsked', 'sketch', 'stepsNote', 'theme']);
    expect(shape?.stepsNote).toMatch(/e-mailadres/);
    expect(store.reads).toBe(1);

    store.reads = 0;
    const past = await conv.check(t, 'reportCase', caseValues({ homelessOn: '2026-01-01' }), {});
    expect(past).toEqual({ homelessOn: 'Deze datum ligt in het verleden.' });
    const route = await conv.check(t, 'reportCase', caseValues({ stepsTried: [] }), {});
    expect(route?.stepsTried).toMatch(/opschalingsroute/);

    store.reads = 0;
    const started = performance.now();
    expect(await conv.check(t, 'reportCase', caseValues(), {})).toBeNull();
    expect(performance.now() - started).toBeLessThan(20);
    expect(store.reads).toBe(1);
    expect(store.transacts).toBe(0);
    expect(f.store.writes).toBeGreaterThan(0);
    expect((await f.data()).cases).toEqual([]);
  });

  it('returns null for people who may not use the form (submit says why) and never throws', async () => {
    const f = await makeConversationFixture();
    expect(await f.conv.check(f.turns.ambassador, 'reportCase', caseValues(), {})).toBeNull();
    expect(await f.conv.check(f.turn({ slackUserId: 'U0NOBODY' }), 'reportCase', caseValues(), {})).toBeNull();
  });
});

describe('reportSignal form', () => {
  it('saves a signal, refuses identifying notes, and asks the quartermaster for a region', async () => {
    const f = await makeConversationFixture();
    const form = asForm(await f.conv.openForm(f.turns.processDirectorHgl, 'reportSignal'));
    expect(form.fields.map((x) => x.id)).toEqual(['bottleneckId', 'note']);
    const ok = await f.conv.submit(f.turns.processDirectorHgl, 'reportSignal', { bottleneckId: 'KP-09', note: 'Weer een Wmo-plek geweigerd.' }, {});
    expect(ok.kind).toBe('done');
    if (ok.kind === 'done') expect(ok.view.text[0]).toMatch(/KP-09 in Haaglanden/);
    expect((await f.data()).signals).toMatchObject([{ bottleneckId: 'KP-09', regionCode: 'HGL', channel: 'teams' }]);

    const privacy = await f.conv.submit(f.turns.processDirectorHgl, 'reportSignal', { bottleneckId: 'KP-09', note: 'BSN 111222333 geweigerd' }, {});
    expect(privacy.kind === 'invalid' && privacy.form.errors?.note).toMatch(/BSN/);

    const qmForm = asForm(await f.conv.openForm(f.turns.quartermaster, 'reportSignal'));
    expect(qmForm.fields[0]?.id).toBe('regionCode');
    const noBottleneck = await f.conv.submit(f.turns.quartermaster, 'reportSignal', { regionCode: 'UTR' }, {});
    expect(noBottleneck.kind === 'invalid' && noBottleneck.form.errors?.bottleneckId).toBe('ontbreekt');
  });
});

describe('progress form', () => {
  it('the first contact gives progress for their group; several groups give a choice', async () => {
    const f = await makeConversationFixture();
    const pool = f.people.poolMember;
    const tg = await createTaskGroup(f.quartermaster, { name: 'Werkproces', task: 2, goal: 'Playbook', firstContactId: pool.id });
    const form = asForm(await f.conv.text(f.turns.poolMember, 'voortgang'));
    expect(form.state).toEqual({ taskGroupId: tg.id });
    expect(form.fields.map((x) => x.id)).toEqual(['text']);
    expect(form.intro).toMatch(/Werkproces/);

    const empty = await f.conv.submit(f.turns.poolMember, 'progress', {}, form.state);
    expect(empty.kind === 'invalid' && empty.form.errors?.text).toBe('ontbreekt');
    const ok = await f.conv.submit(f.turns.poolMember, 'progress', { text: 'Playbook in concept klaar.' }, form.state);
    expect(ok.kind === 'done' && ok.view.text[0]).toMatch(/Werkproces/);
    expect((await f.data()).taskGroups[0]?.progress).toMatchObject([{ text: 'Playbook in concept klaar.', channel: 'terminal', byPersonId: pool.id }]);

    await createTaskGroup(f.quartermaster, { name: 'Vakdagen', task: 3, goal: 'Vakdag', firstContactId: pool.id });
    const choose = asForm(await f.conv.text(f.turns.poolMember, 'voortgang'));
    expect(choose.fields.map((x) => x.id)).toEqual(['taskGroupId', 'text']);
    const viaButton = asForm(await f.conv.action(f.turns.poolMember, { id: 'form.open', value: `progress|taskGroupId=${tg.id}` }));
    expect(viaButton.state).toEqual({ taskGroupId: tg.id });
  });

  it('someone else cannot open the progress form of a group', async () => {
    const f = await makeConversationFixture();
    const tg = await createTaskGroup(f.quartermaster, { name: 'Werkproces', task: 2, goal: 'Playbook', firstContactId: f.people.poolMember.id });
    const m = asMessage(await f.conv.action(f.turns.projectLeadHgl, { id: 'form.open', value: `progress|taskGroupId=${tg.id}` }));
    expect(m.text[0]).toMatch(/eerste aanspreekpunt/);
  });
});

describe('monitor form', () => {
  it('the project lead sends the figures of the open round; bad numbers come back on the fields', async () => {
    const f = await makeConversationFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1', closesOn: '2026-03-31' });
    const form = asForm(await f.conv.text(f.turns.projectLeadHgl, 'monitor'));
    expect(form.title).toBe('Monitor 2026-H1');
    expect(form.state).toEqual({ period: '2026-H1' });
    expect(form.fields.map((x) => [x.id, x.kind])).toEqual([
      ['includedClients', 'number'],
      ['newInclusions', 'number'],
      ['outflow', 'number'],
      ['started', 'choice'],
    ]);
    expect(form.fields.find((x) => x.id === 'started')?.initial).toBe('yes');
    expect(form.intro).toMatch(/31 maart 2026/);

    const notNumber = await f.conv.submit(f.turns.projectLeadHgl, 'monitor', { includedClients: 'veel', newInclusions: '1', outflow: '0', started: 'yes' }, form.state);
    expect(notNumber.kind === 'invalid' && Object.keys(notNumber.form.errors ?? {})).toEqual(['includedClients']);
    const inconsistent = await f.conv.submit(f.turns.projectLeadHgl, 'monitor', { includedClients: '1', newInclusions: '9', outflow: '0', started: 'yes' }, form.state);
    expect(inconsistent.kind === 'invalid' && inconsistent.form.errors?.newInclusions).toMatch(/Nieuwe inclusies/);

    const ok = await f.conv.submit(f.turns.projectLeadHgl, 'monitor', { includedClients: '40', newInclusions: '6', outflow: '2', started: 'yes' }, form.state);
    expect(ok.kind === 'done' && ok.view.text[0]).toBe('De cijfers van Haaglanden voor 2026-H1 zijn ingestuurd. Dank u wel!');
    expect((await f.data()).monitorRounds[0]?.submissions).toMatchObject([{ regionCode: 'HGL', includedClients: 40, newInclusions: 6, outflow: 2, started: true }]);

    const again = asForm(await f.conv.text(f.turns.projectLeadHgl, 'monitor'));
    expect(again.fields.find((x) => x.id === 'includedClients')?.initial).toBe(40);
    expect(again.intro).toMatch(/al cijfers in/);
  });

  it('a process director is sent to the project lead; the quartermaster chooses a region', async () => {
    const f = await makeConversationFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    expect(asMessage(await f.conv.text(f.turns.processDirectorHgl, 'monitor')).text[0]).toMatch(/projectleider/);
    const qm = asForm(await f.conv.text(f.turns.quartermaster, 'monitor'));
    expect(qm.fields[0]?.id).toBe('regionCode');
    const r = await f.conv.submit(f.turns.quartermaster, 'monitor', { regionCode: 'ARN', includedClients: '0', newInclusions: '0', outflow: '0', started: 'no' }, qm.state);
    expect(r.kind).toBe('done');
  });
});

describe('failures never throw', () => {
  it('an unexpected error is logged by name only and answered with a generic Dutch message', async () => {
    const f = await makeConversationFixture();
    const logger = recordingLogger();
    const broken: StorePort = {
      read: () => f.store.read(),
      transact: async () => {
        throw new TypeError(`kapot: ${CLEAN_SKETCH}`);
      },
    };
    const conv = checked(createConversation({ store: broken, clock: f.clock, logger }));
    const r = await conv.submit(f.turns.projectLeadHgl, 'reportCase', caseValues(), {});
    expect(r.kind).toBe('done');
    if (r.kind === 'done') {
      expect(r.view.tone).toBe('error');
      expect(r.view.text[0]).toMatch(/Er ging iets mis/);
    }
    expect(logger.calls).toEqual([{ level: 'error', obj: { err: 'TypeError', formId: 'reportCase', step: 'submit' }, msg: 'conversation failed' }]);
    expect(JSON.stringify(logger.calls)).not.toContain('detentie');
  });

  it('a busy store asks to try again', async () => {
    const f = await makeConversationFixture();
    const busy: StorePort = {
      read: () => f.store.read(),
      transact: async () => {
        throw new LlaError('storeBusy', 'bezet: /pad/naar/bestand');
      },
    };
    const conv = checked(createConversation({ store: busy, clock: f.clock, logger: recordingLogger() }));
    const r = await conv.submit(f.turns.projectLeadHgl, 'reportSignal', { bottleneckId: 'KP-01' }, {});
    expect(r.kind === 'done' && allText(r.view)).toMatch(/Probeer het zo opnieuw/);
    expect(r.kind === 'done' && allText(r.view)).not.toMatch(/pad/);
  });

  it('an unknown form id or broken action value gives a message, not a throw', async () => {
    const f = await makeConversationFixture();
    const bad = await f.conv.action(f.turns.projectLeadHgl, { id: 'form.open', value: 'nope|x=1' });
    expect(asMessage(bad).text[0]).toMatch(/knop werkt niet meer/);
    const move = await f.conv.action(f.turns.quartermaster, { id: 'case.move', value: 'VC-2026-0001|somewhere' });
    expect(asMessage(move).tone).toBe('warning');
  });
});
