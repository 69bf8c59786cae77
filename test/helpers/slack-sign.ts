/**
 * Requests as Slack sends them: v0-signed (`v0:<ts>:<body>`, HMAC-SHA256 with
 * the signing secret), form-encoded for commands and interactions, JSON for
 * events. Plus builders for the payloads the tests send.
 */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackResponse {
  status: number;
  text: string;
  /** The body as JSON, or undefined when empty or not JSON. */
  json: any;
  ms: number;
}

export interface SendOptions {
  secret?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Replace the signature (a bad one). */
  signature?: string;
  timeoutMs?: number;
}

export async function sendSigned(url: string, body: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature ?? slackSignature(options.secret ?? SIGNING_SECRET, ts, body);
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature },
    body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, ms: Date.now() - started };
}

const FORM = 'application/x-www-form-urlencoded';

/** A slash command `/lla <text>`. */
export function slashCommandBody(user: string, text: string, responseUrl: string, triggerId = 'trigger-cmd'): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T0LLA0001',
    team_domain: 'lla',
    channel_id: 'C0ALGEMEEN',
    channel_name: 'algemeen',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/lla',
    text,
    api_app_id: 'A0LLA0001',
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

export const sendCommand = (url: string, user: string, text: string, responseUrl: string, options?: SendOptions) =>
  sendSigned(url, slashCommandBody(user, text, responseUrl), FORM, options);

/** An interaction payload (block_actions, view_submission, shortcut, message_action). */
export const interactionBody = (payload: object) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

export const sendInteraction = (url: string, payload: object, options?: SendOptions) => sendSigned(url, interactionBody(payload), FORM, options);

/** An Events API callback. */
export const sendEvent = (url: string, event: object, options?: SendOptions) =>
  sendSigned(
    url,
    JSON.stringify({
      token: 'legacy',
      team_id: 'T0LLA0001',
      api_app_id: 'A0LLA0001',
      type: 'event_callback',
      event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T0LLA0001', user_id: 'U0BOT00001', is_bot: true }],
      event,
    }),
    'application/json',
    options,
  );

const team = { id: 'T0LLA0001', domain: 'lla' };

/** What a person enters in a modal, per block id: a string or string[] as the field wants. */
export type Entered = Record<string, string | string[] | undefined>;

/**
 * A view_submission of a modal the app opened, with the person's input put
 * in the state shape Block Kit uses for each element type.
 */
export function viewSubmission(user: string, modal: any, entered: Entered, viewId = 'V0FAKE9999'): object {
  const values: Record<string, Record<string, any>> = {};
  for (const block of modal.blocks as any[]) {
    if (block.type !== 'input') continue;
    const el = block.element;
    const v = entered[block.block_id];
    const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
    let state: any;
    switch (el.type) {
      case 'plain_text_input':
      case 'number_input':
        state = { type: el.type, value: typeof v === 'string' ? v : null };
        break;
      case 'static_select':
        state = { type: el.type, selected_option: typeof v === 'string' ? option(v) : null };
        break;
      case 'multi_static_select':
        state = { type: el.type, selected_options: Array.isArray(v) ? v.map(option) : [] };
        break;
      case 'datepicker':
        state = { type: el.type, selected_date: typeof v === 'string' ? v : null };
        break;
      default:
        throw new Error(`viewSubmission: element type ${el.type} not supported`);
    }
    values[block.block_id] = { [el.action_id]: state };
  }
  return {
    type: 'view_submission',
    team,
    user: { id: user, username: user.toLowerCase(), team_id: team.id },
    api_app_id: 'A0LLA0001',
    token: 'legacy',
    trigger_id: 'trigger-submit',
    view: {
      ...modal,
      id: viewId,
      team_id: team.id,
      app_id: 'A0LLA0001',
      bot_id: 'B0BOT00001',
      hash: 'hash-1',
      state: { values },
      root_view_id: viewId,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
  };
}

/** A button press; `where` says what the button was on. */
export function blockAction(
  user: string,
  button: { action_id: string; value: string },
  where:
    | { kind: 'message'; channel: string; ts: string; ephemeral?: boolean; responseUrl: string }
    | { kind: 'home'; viewId?: string }
    | { kind: 'modal'; viewId?: string; title?: string },
): object {
  const action = { type: 'button', block_id: 'b1', action_id: button.action_id, value: button.value, text: { type: 'plain_text', text: 'x' }, action_ts: '1700000000.1' };
  const base = { type: 'block_actions', team, user: { id: user, username: user.toLowerCase(), team_id: team.id }, api_app_id: 'A0LLA0001', token: 'legacy', trigger_id: 'trigger-action', actions: [action] };
  if (where.kind === 'message') {
    return {
      ...base,
      container: { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: Boolean(where.ephemeral) },
      channel: { id: where.channel, name: 'directmessage' },
      message: { type: 'message', ts: where.ts, text: 'x', user: 'U0BOT00001' },
      response_url: where.responseUrl,
    };
  }
  const id = where.viewId ?? 'V0HOME0001';
  const view =
    where.kind === 'home'
      ? { id, type: 'home', blocks: [], state: { values: {} }, hash: 'h', private_metadata: '', callback_id: '', title: { type: 'plain_text', text: 'x' } }
      : { id, type: 'modal', blocks: [], state: { values: {} }, hash: 'h', private_metadata: '', callback_id: '', title: { type: 'plain_text', text: where.title ?? 'Coördinatiepunt LLA' } };
  return { ...base, container: { type: 'view', view_id: id }, view };
}

export function globalShortcut(user: string, callbackId = 'lla_meld'): object {
  return { type: 'shortcut', token: 'legacy', action_ts: '1700000000.2', team, user: { id: user, username: user.toLowerCase(), team_id: team.id }, callback_id: callbackId, trigger_id: 'trigger-shortcut' };
}

export function messageShortcut(user: string, text: string, callbackId = 'lla_meld_bericht'): object {
  return {
    type: 'message_action',
    token: 'legacy',
    action_ts: '1700000000.3',
    team,
    user: { id: user, username: user.toLowerCase(), team_id: team.id },
    channel: { id: 'C0ALGEMEEN', name: 'algemeen' },
    callback_id: callbackId,
    trigger_id: 'trigger-msgshortcut',
    message_ts: '1700000000.000100',
    message: { type: 'message', user: 'U0COLLEGA1', ts: '1700000000.000100', text },
    response_url: 'http://127.0.0.1:9/unused',
  };
}
