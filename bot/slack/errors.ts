/**
 * Errors of the Slack Web API as log fields and as outbound failures. Only
 * names and codes leave here: never a message text, which might quote what
 * a person typed.
 */
import { SendFailure } from '../outbound.js';

interface WebApiErrorShape {
  name?: string;
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

const shape = (err: unknown): WebApiErrorShape => (err && typeof err === 'object' ? (err as WebApiErrorShape) : {});

/** Log fields for an error: its kind and Slack's error code, no free text. */
export function errorSummary(err: unknown): { name: string; code?: string; slackError?: string; status?: number } {
  const e = shape(err);
  const out: { name: string; code?: string; slackError?: string; status?: number } = { name: err instanceof Error ? err.name : typeof err };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.data?.error === 'string') out.slackError = e.data.error;
  if (typeof e.statusCode === 'number') out.status = e.statusCode;
  return out;
}

/** Slack errors after which sending the same message again cannot succeed. */
const PERMANENT = new Set([
  'user_not_found',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'invalid_blocks',
  'invalid_arguments',
  'msg_too_long',
  'no_text',
  'restricted_action',
]);

/** A failed chat.postMessage as the dispatcher's SendFailure: 429 with its Retry-After, permanent when retrying cannot help. */
export function toSendFailure(err: unknown): SendFailure {
  if (err instanceof SendFailure) return err;
  const e = shape(err);
  if (e.code === 'slack_webapi_rate_limited_error') {
    const seconds = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : 60;
    return new SendFailure('slack: rate limited', Math.max(1, seconds) * 1000);
  }
  if (e.code === 'slack_webapi_platform_error') {
    const slackError = e.data?.error ?? 'unknown';
    return new SendFailure(`slack: ${slackError}`, undefined, PERMANENT.has(slackError));
  }
  if (e.code === 'slack_webapi_http_error') return new SendFailure(`slack: http ${e.statusCode ?? '?'}`);
  return new SendFailure(`slack: ${e.code ?? (err instanceof Error ? err.name : 'error')}`);
}
