/**
 * The Slack listeners against a scripted Conversation: what happens when the
 * conversation is slow (ack in time, result afterwards, never lost), fails,
 * or answers with a form where a message was expected; where button answers
 * go; how Block Kit state reaches the conversation. Real signed HTTP, fake
 * Web API, in-memory store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../bot/conversation/types.js';
import { createSlackPlatform } from '../bot/slack/index.js';
import { renderModal } from '../bot/slack/render.js';
import { slackMsg } from '../core/messages-chat/slack.js';
import { makeFixture } from './helpers/core-fixture.js';
import { fakeConversation, SAMPLE_FORM, said, sleep, type FakeConversation } from './helpers/slack-fake-conversation.js';
import { memoryLogger, startSlackHarness, type SlackHarness } from './helpers/slack-harness.js';
import { blockAction, sendCommand, sendEvent, sendInteraction, SIGNING_SECRET, viewSubmission } from './helpers/slack-sign.js';

const PIET = 'U0PLHGL'; // the fixture's project lead of HGL
const DEADLINE = 300;

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(overrides: Partial<Conversation> = {}, users: Record<string, string> = {}): Promise<{ h: SlackHarness; conv: FakeConversation }> {
  const f = await makeFixture();
  const conv = fakeConversation(overrides);
  h = await startSlackHarness({ conversation: conv, store: f.store, clock: f.clock, users, options: { ackDeadlineMs: DEADLINE } });
  return { h, conv };
}

const submission = (entered: Record<string, string | string[] | undefined> = { bottleneckId: 'KP-01' }) => viewSubmission(PIET, renderModal(SAMPLE_FORM), entered, 'V0MODAL001');

describe('view_submission', () => {
  it('hands the conversation the form id, the state and the values in FormValues shape', async () => {
    const { h, conv } = await start();
    const res = await sendInteraction(h.url, submission({ bottleneckId: 'KP-01', note: 'tekst', seenOn: '2026-03-01', count: '4', help: ['advice', 'regionalMediation'] }));
    expect(res.status).toBe(200);
    const submit = conv.calls.find((c) => c.method === 'submit')!;
    expect(submit.args).toEqual([
      { actor: { slackUserId: PIET }, channel: 'slack' },
      'reportSignal',
      { bottleneckId: 'KP-01', note: 'tekst', seenOn: '2026-03-01', count: '4', help: ['advice', 'regionalMediation'] },
      { origin: 'test' },
    ]);
    expect(res.json.response_action).toBe('update');
    expect(JSON.stringify(res.json.view)).toContain('Opgeslagen.');
    expect(h.changes.count).toBe(1);
  });

  it('a slow save: ack "Bezig met opslaan…" in time, then views.update with the result', async () => {
    const { h } = await start({
      submit: async () => {
        await sleep(DEADLINE + 400);
        return { kind: 'done', view: said('Casus VC-2026-0042 is gemeld.', { tone: 'success' }) };
      },
    });
    const res = await sendInteraction(h.url, submission());
    expect(res.ms).toBeLessThan(DEADLINE + 250);
    expect(res.json.response_action).toBe('update');
    expect(JSON.stringify(res.json.view)).toContain(slackMsg.savingTitle());
    expect(h.changes.count).toBe(0);
    const update = await h.api.waitFor('views.update');
    expect(update.args.view_id).toBe('V0MODAL001');
    expect(JSON.stringify(update.args.view)).toContain('VC-2026-0042');
    expect(h.changes.count).toBe(1);
  });

  it('a slow save whose modal was closed meanwhile: the result comes as a direct message', async () => {
    const { h } = await start({
      submit: async () => {
        await sleep(DEADLINE + 200);
        return { kind: 'done', view: said('Casus VC-2026-0043 is gemeld.', { tone: 'success' }) };
      },
    });
    h.api.on('views.update', () => ({ body: { ok: false, error: 'not_found' } }));
    await sendInteraction(h.url, submission());
    const dm = await h.api.waitFor('chat.postMessage');
    expect(dm.args.channel).toBe(PIET);
    expect(dm.args.text).toContain('VC-2026-0043');
  });

  it('a slow check: ack in time; the form comes back with its errors through views.update', async () => {
    const { h, conv } = await start({
      check: async () => {
        await sleep(DEADLINE + 200);
        return { note: 'bevat een telefoonnummer' };
      },
      submit: async () => ({ kind: 'invalid', form: { ...SAMPLE_FORM, errors: { note: 'bevat een telefoonnummer' } } }),
    });
    const res = await sendInteraction(h.url, submission());
    expect(res.ms).toBeLessThan(DEADLINE + 250);
    expect(JSON.stringify(res.json.view)).toContain(slackMsg.savingTitle());
    const update = await h.api.waitFor('views.update');
    expect(update.args.view.callback_id).toBe('reportSignal');
    expect(JSON.stringify(update.args.view.blocks[0])).toContain('bevat een telefoonnummer');
    expect(conv.calls.filter((c) => c.method === 'submit')).toHaveLength(1);
    expect(h.changes.count).toBe(0);
  });

  it('field errors from submit go on the fields; a general error re-renders the form', async () => {
    let answer: 'fields' | 'general' = 'fields';
    const { h } = await start({
      submit: async () =>
        answer === 'fields'
          ? { kind: 'invalid', form: { ...SAMPLE_FORM, errors: { note: 'te lang' } } }
          : { kind: 'invalid', form: { ...SAMPLE_FORM, error: 'De monitorronde is gesloten.' } },
    });
    const onFields = await sendInteraction(h.url, submission());
    expect(onFields.json).toEqual({ response_action: 'errors', errors: { note: 'te lang' } });
    answer = 'general';
    const general = await sendInteraction(h.url, submission());
    expect(general.json.response_action).toBe('update');
    expect(general.json.view.callback_id).toBe('reportSignal');
    expect(JSON.stringify(general.json.view.blocks[0])).toContain('De monitorronde is gesloten.');
    expect(h.changes.count).toBe(0);
  });

  it('a conversation that throws still gets an ack, with a Dutch apology', async () => {
    const { h } = await start({
      submit: async () => {
        throw new Error('boom');
      },
    });
    const res = await sendInteraction(h.url, submission());
    expect(res.status).toBe(200);
    expect(res.json.response_action).toBe('update');
    expect(JSON.stringify(res.json.view)).toContain(slackMsg.unexpected());
    expect(h.logger.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('a submission of a view this app does not know is acknowledged and ignored', async () => {
    const { h, conv } = await start();
    const res = await sendInteraction(h.url, viewSubmission(PIET, { ...renderModal(SAMPLE_FORM), callback_id: 'somethingElse' }, {}));
    expect(res.status).toBe(200);
    expect(conv.calls).toEqual([]);
  });
});

describe('slash command', () => {
  it('a slow answer: empty ack in time, the message follows through response_url', async () => {
    const { h } = await start({
      text: async () => {
        await sleep(DEADLINE + 200);
        return said('Uw open casussen.');
      },
    });
    const res = await sendCommand(h.url, PIET, 'mijn casussen', h.api.responseUrl('slow'));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(DEADLINE + 250);
    expect(res.text).toBe('');
    const followUp = await h.api.waitFor('response_url:slow');
    expect(followUp.args.response_type).toBe('ephemeral');
    expect(followUp.args.text).toBe('Uw open casussen.');
  });

  it('a slow form still opens the modal', async () => {
    const { h } = await start({
      text: async () => {
        await sleep(DEADLINE + 100);
        return SAMPLE_FORM;
      },
    });
    await sendCommand(h.url, PIET, 'signaal', h.api.responseUrl('cmd'));
    const open = await h.api.waitFor('views.open');
    expect(open.args.view.callback_id).toBe('reportSignal');
  });

  it('when the modal cannot be opened any more, a button to open it is offered instead', async () => {
    const { h } = await start({ text: async () => SAMPLE_FORM });
    h.api.on('views.open', () => ({ body: { ok: false, error: 'expired_trigger_id' } }));
    await sendCommand(h.url, PIET, 'signaal', h.api.responseUrl('late'));
    const offer = await h.api.waitFor('response_url:late');
    expect(JSON.stringify(offer.args.blocks)).toContain('"form.open"');
  });
});

describe('buttons', () => {
  it('an action id this app never rendered is acknowledged and ignored; a numbered one is decoded', async () => {
    const { h, conv } = await start();
    const where = { kind: 'message' as const, channel: 'D0DM', ts: '1.1', responseUrl: h.api.responseUrl('b') };
    expect((await sendInteraction(h.url, blockAction(PIET, { action_id: 'evil.do', value: 'x' }, where))).status).toBe(200);
    await sendInteraction(h.url, blockAction(PIET, { action_id: 'case.move#2', value: 'VC-2026-0001|inTreatment' }, where));
    await h.api.waitFor('chat.update');
    expect(conv.calls.filter((c) => c.method === 'action').map((c) => c.args[1])).toEqual([{ id: 'case.move', value: 'VC-2026-0001|inTreatment' }]);
    expect(h.changes.count).toBe(1);
  });

  it('a read-only answer on a message is posted below it; a change replaces the message', async () => {
    const { h } = await start({ action: async (_t, ref) => said(`antwoord op ${ref.id}`) });
    const where = { kind: 'message' as const, channel: 'D0DM', ts: '1700000000.000001', responseUrl: h.api.responseUrl('b') };
    await sendInteraction(h.url, blockAction(PIET, { action_id: 'case.show', value: 'VC-2026-0001' }, where));
    const posted = await h.api.waitFor('chat.postMessage');
    expect(posted.args).toMatchObject({ channel: 'D0DM', text: 'antwoord op case.show' });
    await sendInteraction(h.url, blockAction(PIET, { action_id: 'event.register', value: 'EV-0001' }, where));
    const updated = await h.api.waitFor('chat.update');
    expect(updated.args).toMatchObject({ channel: 'D0DM', ts: '1700000000.000001', text: 'antwoord op event.register' });
  });

  it('on an ephemeral message the answer goes through response_url', async () => {
    const { h } = await start();
    await sendInteraction(h.url, blockAction(PIET, { action_id: 'event.cancel', value: 'EV-0001' }, { kind: 'message', channel: 'C0X', ts: '1.2', ephemeral: true, responseUrl: h.api.responseUrl('eph') }));
    const r = await h.api.waitFor('response_url:eph');
    expect(r.args).toMatchObject({ response_type: 'ephemeral', replace_original: true, text: 'actie' });
  });

  it('in the App Home the answer opens a modal, and a change republishes the home', async () => {
    const { h } = await start({ home: async () => said('vernieuwd thuis') });
    await sendInteraction(h.url, blockAction(PIET, { action_id: 'event.register', value: 'EV-0001' }, { kind: 'home' }));
    const open = await h.api.waitFor('views.open');
    expect(open.args.view.type).toBe('modal');
    expect(JSON.stringify(open.args.view)).toContain('actie');
    const publish = await h.api.waitFor('views.publish');
    expect(publish.args.user_id).toBe(PIET);
    expect(JSON.stringify(publish.args.view)).toContain('vernieuwd thuis');
  });

  it('a form from a button in a modal is pushed on top of it', async () => {
    const { h } = await start({ action: async () => SAMPLE_FORM });
    await sendInteraction(h.url, blockAction(PIET, { action_id: 'form.open', value: 'reportSignal' }, { kind: 'modal' }));
    const push = await h.api.waitFor('views.push');
    expect(push.args.view.callback_id).toBe('reportSignal');
    expect(h.api.callsTo('views.open')).toHaveLength(0);
  });
});

describe('events and identity', () => {
  it('ignores messages from bots, edits and channels other than DMs', async () => {
    const { h, conv } = await start();
    const base = { type: 'message', channel: 'D0DM', user: PIET, text: 'help', ts: '1.1', event_ts: '1.1' };
    await sendEvent(h.url, { ...base, channel_type: 'im', bot_id: 'B0OTHER' });
    await sendEvent(h.url, { ...base, channel_type: 'im', subtype: 'message_changed' });
    await sendEvent(h.url, { ...base, channel_type: 'channel', channel: 'C0ALGEMEEN' });
    await sendEvent(h.url, { ...base, channel_type: 'im', text: 'echt' });
    await h.api.waitFor('chat.postMessage');
    await sleep(50);
    expect(conv.calls.filter((c) => c.method === 'text').map((c) => c.args[1])).toEqual(['echt']);
  });

  it('asks users.info about an unknown account once per retry window, and links it when the e-mail matches', async () => {
    const { h, conv } = await start({}, { U0NIEUW001: 'pr.hgl@zvh.example', U0VREEMD01: 'vreemd@elders.example' });
    // Each answer follows the ack through response_url; wait for it before the next command.
    const command = async (user: string) => {
      const since = h.api.calls.length;
      await sendCommand(h.url, user, 'help', h.api.responseUrl('a'));
      await h.api.waitFor('response_url:a', undefined, { since });
    };
    await command('U0VREEMD01');
    await command('U0VREEMD01');
    expect(h.api.callsTo('users.info').map((c) => c.args.user)).toEqual(['U0VREEMD01']);
    await command('U0NIEUW001');
    await command('U0NIEUW001');
    expect(h.api.callsTo('users.info').map((c) => c.args.user)).toEqual(['U0VREEMD01', 'U0NIEUW001']);
    expect(conv.calls.filter((c) => c.method === 'text')).toHaveLength(4);
    expect(h.logger.lines.some((l) => l.msg === 'chat account linked')).toBe(true);
  });

  it('a users.info failure does not stop the conversation', async () => {
    const { h, conv } = await start();
    h.api.on('users.info', () => ({ status: 500, body: { ok: false } }));
    const res = await sendCommand(h.url, 'U0ONBEKEND', 'help', h.api.responseUrl('a'));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(DEADLINE + 250);
    // The lookup is retried (and may outlast the deadline); the answer follows all the same.
    if (res.text === '') await h.api.waitFor('response_url:a');
    expect(conv.calls.some((c) => c.method === 'text')).toBe(true);
    expect(h.logger.lines.some((l) => l.msg === 'chat account lookup failed')).toBe(true);
  });
});

describe('the route', () => {
  it('answers 503 before start, touching nothing', async () => {
    const f = await makeFixture();
    const conv = fakeConversation();
    const platform = await createSlackPlatform(
      { botToken: 'xoxb-x', signingSecret: SIGNING_SECRET, apiUrl: 'http://127.0.0.1:9/api/' },
      { conversation: conv, store: f.store, clock: f.clock, logger: memoryLogger(), onChange: () => undefined },
    );
    expect(platform.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /slack/events']);
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => void platform.routes[0]!.handler(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const res = await sendCommand(`http://127.0.0.1:${port}/slack/events`, PIET, 'help', 'http://127.0.0.1:9/x');
      expect(res.status).toBe(503);
      expect(conv.calls).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('start fails loudly on a token Slack refuses', async () => {
    const f = await makeFixture();
    const { startFakeSlackApi } = await import('./helpers/slack-fake-api.js');
    const api = await startFakeSlackApi();
    try {
      api.on('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }));
      const platform = await createSlackPlatform(
        { botToken: 'xoxb-wrong', signingSecret: SIGNING_SECRET, apiUrl: api.url },
        { conversation: fakeConversation(), store: f.store, clock: f.clock, logger: memoryLogger(), onChange: () => undefined },
      );
      await expect(platform.start()).rejects.toThrow(/invalid_auth/);
    } finally {
      await api.close();
    }
  });

  it('with an app token: Socket Mode, no HTTP route; start connects with the app token (refused here, so start fails)', async () => {
    const f = await makeFixture();
    const { startFakeSlackApi } = await import('./helpers/slack-fake-api.js');
    const api = await startFakeSlackApi();
    try {
      api.on('apps.connections.open', () => ({ body: { ok: false, error: 'invalid_auth' } }));
      const platform = await createSlackPlatform(
        { botToken: 'xoxb-x', appToken: 'xapp-1-test', apiUrl: api.url },
        { conversation: fakeConversation(), store: f.store, clock: f.clock, logger: memoryLogger(), onChange: () => undefined },
      );
      expect(platform.routes).toEqual([]);
      await expect(platform.start()).rejects.toThrow(/invalid_auth/);
      expect(api.calls.map((c) => `${c.method} ${c.token}`)).toEqual(['auth.test xoxb-x', 'apps.connections.open xapp-1-test']);
      await platform.stop();
    } finally {
      await api.close();
    }
  });
});
