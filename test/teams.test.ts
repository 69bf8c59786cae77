/**
 * The Teams platform end to end, in local mode (no app id, as with the Bot
 * Framework Emulator): activities POSTed over HTTP to `/api/messages` on the
 * bot's real server, the real conversation layer and a FileStore made by the
 * real CLI; the bot's replies and proactive messages land in a fake Bot
 * Connector on 127.0.0.1. Every card that comes back is checked by the
 * Adaptive Cards parser.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../core/dates.js';
import type { Context } from '../core/context.js';
import type { StoreData } from '../core/schema.js';
import { addPerson, updatePerson } from '../core/usecases/people.js';
import { reportCase } from '../core/usecases/cases.js';
import { createConversation } from '../bot/conversation/index.js';
import type { BotLogger } from '../bot/conversation/types.js';
import type { MessageView } from '../bot/conversation/view.js';
import { SendFailure } from '../bot/outbound.js';
import type { Platform } from '../bot/platform.js';
import { startServer, type BotServer } from '../bot/server.js';
import { createTeamsPlatform } from '../bot/teams/index.js';
import { FileStore } from '../data/file-store.js';
import { seededDataDir } from './helpers/cli.js';
import { activities, BOT_ID, cardText, inputsOf, post, submitActionOf, teamsUser, TENANT_ID } from './helpers/teams-activity.js';
import { expectValidCard } from './helpers/teams-card-check.js';
import { startFakeConnector, type FakeConnector } from './helpers/teams-connector.js';

const SKETCH = 'Man van 40 komt over drie weken vrij uit detentie; geen Wlz-plek en geen woonplek gevonden ondanks de casustafel.';

function captureLogger(): BotLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (obj: object, msg?: string) => void lines.push(JSON.stringify({ level, ...obj, msg }));
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

const piet = teamsUser(3, 'Piet Projectleider'); // P-0003, project lead HGL
const uma = teamsUser(5, 'Uma Utrecht'); // P-0005, project lead UTR
const kim = teamsUser(1, 'Kim Kwartier'); // P-0001, quartermaster
const petra = teamsUser(4, 'Petra Procesregisseur'); // P-0004, no Teams id stored: linked by e-mail
const stranger = teamsUser(99, 'Onbekend');

describe('Teams platform (local mode, HTTP)', () => {
  let cleanup: () => Promise<void>;
  let store: FileStore;
  let connector: FakeConnector;
  let platform: Platform;
  let server: BotServer;
  let url: string;
  let changes = 0;
  const logger = captureLogger();
  let act: ReturnType<typeof activities>;
  const qm = (): Context => ({ actor: { personId: 'P-0001' }, channel: 'cli', clock: systemClock, store });
  const data = (): Promise<StoreData> => store.read();

  beforeAll(async () => {
    const dir = await seededDataDir();
    cleanup = dir.cleanup;
    store = new FileStore({ dir: dir.dir });
    for (const [personId, user] of [
      ['P-0001', kim],
      ['P-0003', piet],
      ['P-0005', uma],
    ] as const) {
      await updatePerson(qm(), { personId, teamsAadObjectId: user.aadObjectId });
    }
    connector = await startFakeConnector();
    act = activities(connector.url);
    const conversation = createConversation({ store, clock: systemClock, logger });
    platform = await createTeamsPlatform({ appType: 'MultiTenant' }, { conversation, store, clock: systemClock, logger, onChange: () => void (changes += 1) });
    server = await startServer(platform.routes, { port: 0, host: '127.0.0.1', logger });
    url = `${server.url}/api/messages`;
  });

  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await cleanup?.();
  });

  beforeEach(() => connector.reset());

  async function send(activity: unknown) {
    const r = await post(url, activity);
    return r;
  }

  /** Send "meld" as a user and return the form card the bot replied with. */
  async function openReportForm(user = piet) {
    const before = connector.calls.length;
    const r = await send(act.message(user, 'meld'));
    expect(r.status).toBe(200);
    const calls = await connector.waitForCalls(before + 1);
    const card = calls[before]!.body.attachments[0].content;
    expectValidCard(card, 'report form');
    return card;
  }

  function goodValues(card: any): Record<string, string> {
    const inputs = inputsOf(card);
    const choices = (id: string): string[] => (inputs.get(id)?.choices ?? []).map((c: any) => c.value as string);
    return {
      theme: choices('theme')[0]!,
      bottleneckIds: choices('bottleneckIds').slice(0, 2).join(','),
      sketch: SKETCH,
      stepsTried: choices('stepsTried').slice(0, 2).join(','),
      stepsNote: '',
      homelessOn: '2031-05-01',
      helpAsked: choices('helpAsked')[0]!,
    };
  }

  it('logs that it runs in local mode', () => {
    expect(logger.lines.some((l) => l.includes('"mode":"local"') && l.includes('"level":"warn"'))).toBe(true);
  });

  it('a message "meld" gets the report form card, with Action.Execute submit and cancel', async () => {
    const card = await openReportForm();
    const call = connector.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.conversationId).toBe(act.conversationId(piet));
    const inputs = inputsOf(card);
    expect([...inputs.keys()]).toEqual(expect.arrayContaining(['theme', 'bottleneckIds', 'sketch', 'stepsTried', 'homelessOn', 'helpAsked']));
    expect(inputs.get('sketch')).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true, maxLength: 4000 });
    expect(inputs.get('stepsTried')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, isRequired: true });
    expect(inputs.get('homelessOn')).toMatchObject({ type: 'Input.Date' });
    expect(inputs.has('regionCode')).toBe(false); // a project lead reports for their own region
    const [submit, cancel] = card.actions;
    expect(submit).toMatchObject({ type: 'Action.Execute', verb: 'reportCase', data: { verb: 'reportCase' } });
    expect(cancel).toMatchObject({ type: 'Action.Execute', verb: 'form.cancel', associatedInputs: 'none' });
  });

  it('stores the conversation reference of a one-to-one chat on the first message, once', async () => {
    const person = (await data()).people.find((p) => p.id === 'P-0003')!;
    expect(person.teamsConversation).toMatchObject({
      serviceUrl: connector.url,
      conversationId: act.conversationId(piet),
      channelId: 'msteams',
      botId: BOT_ID,
      userId: piet.id,
      tenantId: TENANT_ID,
    });
    const auditBefore = (await data()).audit.filter((a) => a.action === 'person.teamsAddress').length;
    await send(act.message(piet, 'help'));
    await connector.waitForCalls(1);
    const auditAfter = (await data()).audit.filter((a) => a.action === 'person.teamsAddress').length;
    expect(auditAfter).toBe(auditBefore); // same address: no write
  });

  it('in a team channel it shows no views, only where to go (and stores no address from there)', async () => {
    const channel = { id: '19:channel@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID };
    const msg = act.message(uma, '<at>Coördinatiepunt LLA</at> mijn casussen', {
      conversation: channel,
      entities: [{ type: 'mention', text: '<at>Coördinatiepunt LLA</at>', mentioned: { id: BOT_ID, name: 'Coördinatiepunt LLA' } }],
    });
    expect((await send(msg)).status).toBe(200);
    const [call] = await connector.waitForCalls(1);
    const card = call!.body.attachments[0].content;
    expectValidCard(card, 'shared chat notice');
    expect(cardText(card)).toMatch(/persoonlijke chat/);
    expect(card.actions).toBeUndefined();
    expect((await data()).people.find((p) => p.id === 'P-0005')!.teamsConversation).toBeUndefined();

    // A card action there is answered with the notice too, and changes nothing.
    const before = JSON.stringify(await data());
    const r = await send({ ...act.cardAction(uma, 'cases.mine', { verb: 'cases.mine', value: '' }), conversation: channel });
    expect(cardText(r.json().value)).toMatch(/persoonlijke chat/);
    expect(JSON.stringify(await data())).toBe(before);
  });

  it('a card submit with good values creates the case; the response card shows the case code', async () => {
    const card = await openReportForm();
    const { verb, data: actionData } = submitActionOf(card);
    const casesBefore = (await data()).cases.length;
    const changesBefore = changes;
    const r = await send(act.cardAction(piet, verb, { ...actionData, ...goodValues(card) }));
    expect(r.status).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expectValidCard(body.value, 'confirmation');
    const after = await data();
    expect(after.cases.length).toBe(casesBefore + 1);
    const created = after.cases.at(-1)!;
    expect(created).toMatchObject({ regionCode: 'HGL', sketch: SKETCH, channel: 'teams' });
    expect(created.stepsTried.length).toBe(2);
    expect(created.bottleneckIds.length).toBe(2);
    expect(cardText(body.value)).toContain(created.code);
    expect(changes).toBeGreaterThan(changesBefore);
    // The case's free text never reaches the logs.
    expect(logger.lines.join('\n')).not.toContain('detentie');
  });

  it('a sketch with a BSN re-renders the form with the error on the field, values kept, no case', async () => {
    const card = await openReportForm();
    const { verb, data: actionData } = submitActionOf(card);
    const casesBefore = (await data()).cases.length;
    const bad: Record<string, string> = { ...goodValues(card), sketch: 'Cliënt met BSN 111222333 staat op straat.' };
    const r = await send(act.cardAction(piet, verb, { ...actionData, ...bad }));
    expect(r.status).toBe(200);
    const form = r.json().value;
    expectValidCard(form, 'form with errors');
    const sketch = inputsOf(form).get('sketch');
    expect(sketch.errorMessage).toMatch(/BSN|burgerservicenummer/i);
    expect(sketch.value).toBe(bad.sketch);
    expect(inputsOf(form).get('stepsTried').value).toBe(bad.stepsTried);
    expect(form.body.some((b: any) => b.type === 'TextBlock' && b.color === 'Attention' && b.text === sketch.errorMessage)).toBe(true);
    expect(submitActionOf(form).verb).toBe('reportCase');
    expect((await data()).cases.length).toBe(casesBefore);
  });

  it('missing regional steps re-render the form with that error, no case', async () => {
    const card = await openReportForm();
    const { verb, data: actionData } = submitActionOf(card);
    const casesBefore = (await data()).cases.length;
    const r = await send(act.cardAction(piet, verb, { ...actionData, ...goodValues(card), stepsTried: '' }));
    const form = r.json().value;
    expectValidCard(form, 'form with errors');
    expect(inputsOf(form).get('stepsTried').errorMessage).toBeTruthy();
    expect(inputsOf(form).get('sketch').value).toBe(SKETCH);
    expect((await data()).cases.length).toBe(casesBefore);
  });

  it('cancel replaces the form with a short notice and saves nothing', async () => {
    const casesBefore = (await data()).cases.length;
    const r = await send(act.cardAction(piet, 'form.cancel', { verb: 'form.cancel' }));
    expect(r.status).toBe(200);
    expectValidCard(r.json().value, 'cancelled');
    expect(cardText(r.json().value)).toContain('Geannuleerd');
    expect((await data()).cases.length).toBe(casesBefore);
  });

  it('a message-back submit (Action.Submit from an older client) updates the card in place', async () => {
    const card = await openReportForm();
    const { data: actionData } = submitActionOf(card);
    const casesBefore = (await data()).cases.length;
    const before = connector.calls.length;
    const r = await send(act.message(piet, '', { replyToId: 'activity-card-1', value: { ...actionData, ...goodValues(card) } }));
    expect(r.status).toBe(200);
    const [update] = (await connector.waitForCalls(before + 1)).slice(before);
    expect(update).toMatchObject({ method: 'PUT', activityId: 'activity-card-1' });
    expectValidCard(update!.body.attachments[0].content, 'updated card');
    expect((await data()).cases.length).toBe(casesBefore + 1);
    expect(cardText(update!.body.attachments[0].content)).toContain((await data()).cases.at(-1)!.code);
  });

  it('the message action prefills the sketch from the message (HTML stripped) and creates the case on submit', async () => {
    const html = '<p>Vrouw komt over een maand vrij uit de kliniek&nbsp;en heeft <b>geen</b> woonplek.</p><p>Casustafel &amp; gemeente gedaan.</p>';
    const r = await send(act.fetchTask(piet, html));
    expect(r.status).toBe(200);
    const task = r.json().task;
    expect(task.type).toBe('continue');
    const card = task.value.card.content;
    expectValidCard(card, 'task module form');
    expect(inputsOf(card).get('sketch').value).toBe('Vrouw komt over een maand vrij uit de kliniek en heeft geen woonplek.\nCasustafel & gemeente gedaan.');
    const submit = card.actions.find((a: any) => a.data?.lla);
    expect(submit.type).toBe('Action.Submit');

    // An error comes back as the dialog's card again.
    const casesBefore = (await data()).cases.length;
    const values = { ...goodValues(card), sketch: inputsOf(card).get('sketch').value };
    const bad = await send(act.submitAction(piet, { ...submit.data, ...values, sketch: 'Bel haar op 06-12345678.' }));
    expect(bad.json().task.type).toBe('continue');
    const again = bad.json().task.value.card.content;
    expectValidCard(again, 'task module form with errors');
    expect(inputsOf(again).get('sketch').errorMessage).toBeTruthy();
    expect((await data()).cases.length).toBe(casesBefore);

    const good = await send(act.submitAction(piet, { ...submit.data, ...values }));
    expect(good.status).toBe(200);
    expect(good.json().task.type).toBe('message');
    const created = (await data()).cases.at(-1)!;
    expect((await data()).cases.length).toBe(casesBefore + 1);
    expect(created.sketch).toBe(values.sketch);
    expect(good.json().task.value).toContain(created.code);

    // Cancel closes the dialog.
    const cancel = await send(act.submitAction(piet, { verb: 'form.cancel' }));
    expect(cancel.status).toBe(200);
    expect(cancel.text).toBe('');
  });

  it('a proactive message reaches the fake connector in local mode (empty app id)', async () => {
    const person = (await data()).people.find((p) => p.id === 'P-0003')!;
    expect(platform.outbound.canReach(person)).toBe(true);
    const view: MessageView = { kind: 'message', tone: 'success', title: 'Casus bijgewerkt', text: ['De status is gewijzigd.'], facts: [{ label: 'Status', value: 'in behandeling' }] };
    await platform.outbound.send(person, view);
    const [call] = await connector.waitForCalls(1);
    expect(call!.method).toBe('POST');
    expect(call!.conversationId).toBe(act.conversationId(piet));
    expect(call!.body.recipient.id).toBe(piet.id);
    expectValidCard(call!.body.attachments[0].content, 'proactive');
    expect(cardText(call!.body.attachments[0].content)).toContain('Casus bijgewerkt');
  });

  it('a 429 becomes a SendFailure with retryAfterMs, at once; 403 a permanent one; nobody without an address is reachable', async () => {
    const person = (await data()).people.find((p) => p.id === 'P-0003')!;
    const view: MessageView = { kind: 'message', tone: 'info', text: ['Hallo'] };
    connector.failNext(429, { 'Retry-After': '30' });
    const started = Date.now();
    const throttled = await platform.outbound.send(person, view).then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(5000); // no built-in waiting for the Retry-After
    expect(throttled).toBeInstanceOf(SendFailure);
    expect(throttled).toMatchObject({ retryAfterMs: 30_000, permanent: false });

    connector.failNext(403);
    const gone = await platform.outbound.send(person, view).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(SendFailure);
    expect(gone).toMatchObject({ permanent: true });

    connector.failNext(500);
    const broken = await platform.outbound.send(person, view).catch((e: unknown) => e);
    expect(broken).toMatchObject({ name: 'SendFailure', permanent: false });

    const petraNow = (await data()).people.find((p) => p.id === 'P-0004')!;
    expect(platform.outbound.canReach(petraNow)).toBe(false);
    expect(connector.calls).toEqual([]);
  });

  it('a project lead of HGL cannot see or move a UTR case through card actions', async () => {
    const umaCtx: Context = { actor: { personId: 'P-0005' }, channel: 'teams', clock: systemClock, store };
    const utr = await reportCase(umaCtx, { theme: 'housing', sketch: 'Utrechtse casus zonder passende plek na de kliniek.', stepsTried: ['caseTable'], helpAsked: ['advice'] });
    const show = await send(act.cardAction(piet, 'case.show', { verb: 'case.show', value: utr.code }));
    expect(show.status).toBe(200);
    expectValidCard(show.json().value, 'refusal');
    expect(cardText(show.json().value)).not.toContain('Utrechtse casus');
    expect(cardText(show.json().value)).toMatch(/eigen regio/);

    const move = await send(act.cardAction(piet, 'case.move', { verb: 'case.move', value: `${utr.code}|inTreatment` }));
    expectValidCard(move.json().value, 'refusal');
    // A forged move-form submission is refused by the core too.
    const forged = await send(
      act.cardAction(piet, 'moveCase', { verb: 'moveCase', lla: { state: { caseCode: utr.code, to: 'inTreatment' }, fields: ['reason'], multi: [] }, reason: 'opgepakt' }),
    );
    expectValidCard(forged.json().value, 'refusal');
    const after = (await data()).cases.find((c) => c.code === utr.code)!;
    expect(after.status).toBe('reported');
    expect(after.history.length).toBe(utr.history.length);

    // The list of "mijn casussen" has HGL cases only.
    await send(act.message(piet, 'mijn casussen'));
    const [list] = await connector.waitForCalls(1);
    const listCard = list!.body.attachments[0].content;
    expectValidCard(listCard, 'my cases');
    expect(cardText(listCard)).not.toContain(utr.code);

    // The quartermaster can move it from a card.
    const qmMove = await send(act.cardAction(kim, 'case.move', { verb: 'case.move', value: `${utr.code}|inTreatment` }));
    expectValidCard(qmMove.json().value, 'moved');
    expect((await data()).cases.find((c) => c.code === utr.code)!.status).toBe('inTreatment');
  });

  it('an unknown Teams account is linked by its e-mail from the member lookup; a stranger gets a polite refusal and nothing is stored', async () => {
    connector.members.set(petra.id, { id: petra.id, name: petra.name, aadObjectId: petra.aadObjectId, email: 'Petra@Voorbeeld.nl' });
    await send(act.message(petra, 'help'));
    await connector.waitForCalls(1);
    const p = (await data()).people.find((x) => x.id === 'P-0004')!;
    expect(p.teamsAadObjectId).toBe(petra.aadObjectId);
    expect(p.teamsConversation?.userId).toBe(petra.id);

    connector.reset();
    const before = await data();
    await send(act.message(stranger, 'mijn casussen'));
    const [reply] = await connector.waitForCalls(1);
    const card = reply!.body.attachments[0].content;
    expectValidCard(card, 'refusal');
    expect(cardText(card)).toMatch(/kwartiermaker/);
    const after = await data();
    expect(after.people).toEqual(before.people);
    expect(after.audit.length).toBe(before.audit.length);
  });

  it('serves the Bot Framework Emulator: no Entra id (its user id stands in), no conversation type; proactive messages reach it', async () => {
    const emulatorUserId = '5e1b1a36-0c1e-4f5b-9a57-2f1d5d0e7a11';
    await addPerson(qm(), { name: 'Eva Emulator', email: 'eva@voorbeeld.nl', roles: ['projectLead'], regionCode: 'UTR', teamsAadObjectId: emulatorUserId });
    const activity = {
      type: 'message',
      id: 'emu-1',
      serviceUrl: connector.url,
      channelId: 'emulator',
      from: { id: emulatorUserId, name: 'User', role: 'user' },
      recipient: { id: 'bot-1', name: 'Bot', role: 'bot' },
      conversation: { id: 'emu-conv-1|livechat' },
      text: 'meld',
      locale: 'nl-NL',
    };
    expect((await send(activity)).status).toBe(200);
    const [reply] = await connector.waitForCalls(1);
    expect(reply!.conversationId).toBe('emu-conv-1|livechat');
    expect(submitActionOf(reply!.body.attachments[0].content).verb).toBe('reportCase');
    const eva = (await data()).people.find((p) => p.email === 'eva@voorbeeld.nl')!;
    expect(eva.teamsConversation).toMatchObject({ channelId: 'emulator', conversationId: 'emu-conv-1|livechat', botId: 'bot-1', userId: emulatorUserId });
    expect(eva.teamsConversation?.tenantId).toBeUndefined();
    await platform.outbound.send(eva, { kind: 'message', tone: 'info', text: ['Proactief'] });
    const calls = await connector.waitForCalls(2);
    expect(calls[1]!.body.channelId).toBe('emulator');
  });

  it('welcomes a person when the bot is added to their personal chat', async () => {
    expect((await send(act.botAdded(piet))).status).toBe(200);
    const [call] = await connector.waitForCalls(1);
    const welcome = call!.body.attachments[0].content;
    expectValidCard(welcome, 'welcome');
    // Its "Meld casus" button opens the report form in place of the card.
    const actions: any[] = [...(welcome.actions ?? []), ...welcome.body.filter((b: any) => b.type === 'ActionSet').flatMap((b: any) => b.actions)];
    const report = actions.find((a) => a.verb === 'form.open' && String(a.data.value).startsWith('reportCase'));
    expect(report).toBeDefined();
    const r = await send(act.cardAction(piet, report.verb, report.data));
    expect(submitActionOf(r.json().value).verb).toBe('reportCase');
  });

  describe('malformed requests', () => {
    const cases: { name: string; body: () => unknown; status: number }[] = [
      { name: 'bad JSON', body: () => '{"type": "message", ', status: 400 },
      { name: 'a JSON array', body: () => '[1,2]', status: 400 },
      { name: 'no type', body: () => ({ ...act.message(piet, 'meld'), type: undefined }), status: 400 },
      { name: 'no from', body: () => ({ ...act.message(piet, 'meld'), from: undefined }), status: 400 },
      { name: 'no conversation', body: () => ({ ...act.message(piet, 'meld'), conversation: undefined }), status: 400 },
      { name: 'no serviceUrl', body: () => ({ ...act.message(piet, 'meld'), serviceUrl: undefined }), status: 400 },
      { name: 'an invoke with a broken value', body: () => ({ ...act.cardAction(piet, 'reportCase', {}), value: { action: 'nope' } }), status: 400 },
      { name: 'a submitAction without data', body: () => ({ ...act.submitAction(piet, {}), value: { commandId: 'meldAlsCasus' } }), status: 400 },
    ];
    it.each(cases)('$name → $status, no state change, server stays up', async ({ body, status }) => {
      const before = JSON.stringify(await data());
      const r = await send(body());
      expect(r.status).toBe(status);
      expect(JSON.stringify(await data())).toBe(before);
      expect(connector.calls).toEqual([]);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });

    it('a body over 1 MB → 413', async () => {
      const big = JSON.stringify({ ...act.message(piet, 'x'), padding: 'x'.repeat(1024 * 1024) });
      expect((await send(big)).status).toBe(413);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });

    it('an unknown verb or an old form without its data gets a notice card, nothing saved', async () => {
      const before = (await data()).cases.length;
      const unknown = await send(act.cardAction(piet, 'nope.nope', { verb: 'nope.nope' }));
      expect(unknown.status).toBe(200);
      expectValidCard(unknown.json().value, 'unknown verb');
      const old = await send(act.cardAction(piet, 'reportCase', { verb: 'reportCase', sketch: 'x' }));
      expectValidCard(old.json().value, 'old form');
      expect((await data()).cases.length).toBe(before);
    });

    it('activities of other kinds are accepted and ignored', async () => {
      const typing = { ...act.message(piet, ''), type: 'typing' };
      expect((await send(typing)).status).toBe(200);
      expect(connector.calls).toEqual([]);
    });
  });

  it('a person added later with a Teams id is served at once', async () => {
    await addPerson(qm(), { name: 'Nina Nieuw', email: 'nina@voorbeeld.nl', roles: ['processDirector'], regionCode: 'HGL', teamsAadObjectId: teamsUser(6, 'Nina').aadObjectId });
    await openReportForm(teamsUser(6, 'Nina Nieuw'));
  });
});
