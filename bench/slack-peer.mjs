#!/usr/bin/env node
/**
 * One side of the Slack ack benchmark, in its own process so that the load
 * generator (bench/run.mjs) never shares an event loop with what it measures.
 *
 *   node bench/slack-peer.mjs api                      a local stand-in for the Slack Web API
 *   node bench/slack-peer.mjs lla  <data-dir> <api-url> the bot's Slack platform on the bot's HTTP server
 *   node bench/slack-peer.mjs bare <api-url>            a bare Bolt app (HTTPReceiver) whose command handler only acks
 *
 * Each listens on 127.0.0.1, port 0, and writes one line `{"url": …}` to
 * stderr when ready. Uses the compiled code in dist/ (`npm run build`).
 * The signing secret is SIGNING_SECRET below, for every side.
 */
import { createServer } from 'node:http';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);
const ready = (url) => process.stderr.write(`${JSON.stringify({ url })}\n`);

/** The Web API methods the bot calls, answered as Slack does (enough for acks and modals). */
async function api() {
  let seq = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const method = (req.url ?? '').split('?')[0].replace(/^\/api\//, '');
      const args = Object.fromEntries(new URLSearchParams(body));
      let out = { ok: true };
      if (method === 'auth.test') out = { ok: true, team_id: 'T0LLA0001', user_id: 'U0BOT00001', bot_id: 'B0BOT00001', team: 'LLA', user: 'lla' };
      else if (method.startsWith('views.')) out = { ok: true, view: { id: `V0BENCH${String(++seq).padStart(5, '0')}` } };
      else if (method === 'chat.postMessage' || method === 'chat.update') out = { ok: true, channel: args.channel, ts: `1700000000.${String(++seq).padStart(6, '0')}` };
      else if (method === 'users.info') out = { ok: false, error: 'user_not_found' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  ready(`http://127.0.0.1:${server.address().port}/api/`);
}

async function lla(dataDir, apiUrl) {
  const [{ createSlackPlatform }, { startServer }, { createConversation }, { FileStore }, { systemClock }, { createLogger }] = await Promise.all([
    dist('bot/slack/index.js'),
    dist('bot/server.js'),
    dist('bot/conversation/index.js'),
    dist('data/file-store.js'),
    dist('core/dates.js'),
    dist('bot/log.js'),
  ]);
  // As in production: info-level JSON lines (stdout is discarded by the benchmark).
  const logger = await createLogger('info');
  const store = new FileStore({ dir: dataDir });
  const conversation = createConversation({ store, clock: systemClock, logger });
  const platform = await createSlackPlatform(
    { botToken: 'xoxb-bench-token', signingSecret: SIGNING_SECRET, apiUrl },
    { conversation, store, clock: systemClock, logger, onChange: () => undefined },
  );
  const server = await startServer(platform.routes, { port: 0, host: '127.0.0.1', logger });
  await platform.start();
  ready(`${server.url}/slack/events`);
}

async function bare(apiUrl) {
  const { App, HTTPReceiver } = await import('@slack/bolt');
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
  const app = new App({ token: 'xoxb-bench-token', receiver, clientOptions: { slackApiUrl: apiUrl } });
  app.command('/lla', async ({ ack }) => {
    await ack();
  });
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  ready(`http://127.0.0.1:${server.address().port}/slack/events`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
  const [role, ...rest] = process.argv.slice(2);
  const run = { api, lla: () => lla(rest[0], rest[1]), bare: () => bare(rest[0]) }[role];
  if (!run) {
    process.stderr.write('gebruik: slack-peer.mjs api | lla <map> <api-url> | bare <api-url>\n');
    process.exit(2);
  }
  run().catch((err) => {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  });
}
