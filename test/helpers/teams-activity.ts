/**
 * Bot Framework activities as Teams (or the Emulator) sends them to
 * `/api/messages`, for tests: a personal chat per user, the bot as
 * recipient, replies going to a fake connector's `serviceUrl`. And a small
 * POST helper that returns status and parsed body.
 */

export const BOT_ID = '28:lla-bot-id';
export const TENANT_ID = '72f988bf-0000-4000-8000-00000000aaaa';

export interface TeamsUser {
  /** Entra object id (lower-case UUID). */
  aadObjectId: string;
  /** The id in the bot conversation. */
  id: string;
  name: string;
}

export const teamsUser = (n: number, name: string): TeamsUser => ({
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  id: `29:user-${n}`,
  name,
});

let seq = 0;

export function activities(serviceUrl: string) {
  const base = (user: TeamsUser, type: string, extra: Record<string, unknown> = {}) => ({
    type,
    id: `in-${++seq}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'Coördinatiepunt LLA' },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'nl-NL',
    ...extra,
  });
  return {
    conversationId: (user: TeamsUser) => `a:personal-${user.id}`,
    message: (user: TeamsUser, text: string, extra: Record<string, unknown> = {}) => base(user, 'message', { text, textFormat: 'plain', ...extra }),
    /** A Universal Actions (Action.Execute) invoke. */
    cardAction: (user: TeamsUser, verb: string, data: Record<string, unknown>) =>
      base(user, 'invoke', { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }),
    fetchTask: (user: TeamsUser, content: string, commandId = 'meldAlsCasus') =>
      base(user, 'invoke', {
        name: 'composeExtension/fetchTask',
        value: { commandId, commandContext: 'message', context: { theme: 'default' }, messagePayload: { id: 'msg-1', body: { contentType: 'html', content } } },
      }),
    submitAction: (user: TeamsUser, data: Record<string, unknown>, commandId = 'meldAlsCasus') =>
      base(user, 'invoke', { name: 'composeExtension/submitAction', value: { commandId, commandContext: 'message', data } }),
    botAdded: (user: TeamsUser) => base(user, 'conversationUpdate', { membersAdded: [{ id: BOT_ID }] }),
  };
}

export interface PostResult {
  status: number;
  text: string;
  json(): any;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: () => {
      try {
        return JSON.parse(text);
      } catch {
        throw new Error(`not JSON (${res.status}): ${text.slice(0, 300)}`);
      }
    },
  };
}

/** The submit action of a form card (Action.Execute or Action.Submit whose data has the `lla` form data). */
export function submitActionOf(card: any): { verb: string; data: Record<string, unknown> } {
  const action = (card.actions ?? []).find((a: any) => a.data?.lla);
  if (!action) throw new Error(`no form submit in card: ${JSON.stringify(card).slice(0, 300)}`);
  return { verb: action.data.verb, data: action.data };
}

/** All inputs of a card body by id. */
export function inputsOf(card: any): Map<string, any> {
  const out = new Map<string, any>();
  const walk = (node: any) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (typeof node.type === 'string' && node.type.startsWith('Input.')) out.set(node.id, node);
      Object.values(node).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}

/** Every text of a card (TextBlocks, facts, action titles) joined, to search in. */
export function cardText(card: any): string {
  const parts: string[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const key of ['text', 'title', 'value', 'label', 'errorMessage']) if (typeof node[key] === 'string') parts.push(node[key]);
      Object.entries(node).forEach(([k, v]) => k !== 'data' && walk(v));
    }
  };
  walk(card);
  return parts.join('\n');
}
