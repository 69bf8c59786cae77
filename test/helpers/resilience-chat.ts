/**
 * Changes made through the chat fronts, for the resilience tests: a stuck
 * case reported through a signed Slack modal submission, a signal reported
 * through a Teams card submit. Each returns what the platform answered, so a
 * test knows which changes were acknowledged.
 */
import type { FakeSlackApi } from './slack-fake-api.js';
import { sendCommand, sendInteraction, viewSubmission } from './slack-sign.js';
import { activities, cardText, inputsOf, post, submitActionOf, type TeamsUser } from './teams-activity.js';
import type { FakeConnector } from './teams-connector.js';

export const CASE_CODE = /VC-\d{4}-\d{4}/;

/** The report modal as the bot opened it for `user` after `/lla meld` (reusable: its state is in private_metadata). */
export async function openSlackReportModal(botUrl: string, api: FakeSlackApi, user: string): Promise<any> {
  const since = api.calls.length;
  const r = await sendCommand(`${botUrl}/slack/events`, user, 'meld', api.responseUrl('cmd'));
  if (r.status !== 200) throw new Error(`/lla meld → ${r.status} ${r.text}`);
  return (await api.waitFor('views.open', undefined, { since, timeoutMs: 10_000 })).args.view;
}

export interface SlackAck {
  status: number;
  /** The case code when the ack showed the saved case (a slow save acks "Bezig met opslaan…" first). */
  code?: string;
}

/** Submit the report modal with a sketch carrying `marker`. */
export async function submitSlackCase(botUrl: string, user: string, modal: any, marker: string, timeoutMs = 15_000): Promise<SlackAck> {
  const r = await sendInteraction(
    `${botUrl}/slack/events`,
    viewSubmission(user, modal, {
      theme: 'housing',
      sketch: `Slackmelding ${marker}: geen passende woonplek na ontslag uit de kliniek.`,
      stepsTried: ['caseTable'],
      helpAsked: ['advice'],
    }),
    { timeoutMs },
  );
  const code = CASE_CODE.exec(r.text)?.[0];
  return code ? { status: r.status, code } : { status: r.status };
}

export interface TeamsSignalForm {
  verb: string;
  data: Record<string, unknown>;
}

/** Ask for the signal form in a personal chat ("signaal") and return its submit action. */
export async function openTeamsSignalForm(botUrl: string, connector: FakeConnector, user: TeamsUser): Promise<TeamsSignalForm> {
  const act = activities(connector.url);
  const before = connector.calls.length;
  const r = await post(`${botUrl}/api/messages`, act.message(user, 'signaal'));
  if (r.status >= 300) throw new Error(`signaal → ${r.status} ${r.text}`);
  const calls = await connector.waitForCalls(before + 1, 10_000);
  const card = calls.slice(before).map((c) => c.body?.attachments?.[0]?.content).find((c) => c && JSON.stringify(c).includes('reportSignal'));
  if (!card) throw new Error('no signal form card');
  return submitActionOf(card);
}

export interface TeamsAck {
  status: number;
  /** The answer is a card without inputs (the confirmation), not the form again with errors. */
  saved: boolean;
  text: string;
}

/** Submit the signal form with a note carrying `marker`. */
export async function submitTeamsSignal(botUrl: string, connectorUrl: string, user: TeamsUser, form: TeamsSignalForm, marker: string, bottleneckId = 'KP-02'): Promise<TeamsAck> {
  const act = activities(connectorUrl);
  const r = await post(`${botUrl}/api/messages`, act.cardAction(user, form.verb, { ...form.data, bottleneckId, note: `Teamssignaal ${marker}: plek geweigerd.` }));
  let card: any;
  try {
    card = r.json().value;
  } catch {
    return { status: r.status, saved: false, text: r.text };
  }
  const saved = r.status === 200 && typeof card === 'object' && card !== null && Array.isArray(card.body) && inputsOf(card).size === 0;
  return { status: r.status, saved, text: saved ? cardText(card) : r.text };
}
