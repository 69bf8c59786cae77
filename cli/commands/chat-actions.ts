/** The action of `lla chat` (see chat.ts for the definition). */
import type { CliApp } from '../app.js';

export async function chat(app: CliApp): Promise<void> {
  const ctx = await app.ctx();
  const [{ createConversation }, { createLogger }, { myNotifications }, { whoAmI }, { LlaError }, { readlineReader }, { runSession, TerminalSession }, { MAX_WIDTH }, { terminalMsg }] =
    await Promise.all([
      import('../../bot/conversation/index.js'),
      import('../../bot/log.js'),
      import('../../core/usecases/chat.js'),
      import('../../core/usecases/people.js'),
      import('../../core/errors.js'),
      import('../../bot/terminal/lines.js'),
      import('../../bot/terminal/session.js'),
      import('../../bot/terminal/render.js'),
      import('../../core/messages-chat/terminal.js'),
    ]);
  // The bot's log (JSON lines) on stderr, warnings and up unless LOG_LEVEL says otherwise; the transcript stays on stdout.
  const logger = await createLogger(app.io.env.LOG_LEVEL ?? 'warn', app.io.stderr as NodeJS.WritableStream);
  const conversation = createConversation({ store: ctx.store, clock: ctx.clock, logger });
  const turn = { actor: ctx.actor, channel: 'terminal' as const };
  const stdout = app.io.stdout;
  const columns = (stdout as { columns?: number }).columns;
  const render = { color: app.useColor, ...(stdout.isTTY ? { width: Math.min(MAX_WIDTH, columns ?? MAX_WIDTH) } : {}) };
  const write = (s: string) => void stdout.write(s);

  // Someone the store does not know (or no longer active) gets the conversation's
  // polite refusal, and the session ends as every refused command does (exit 3).
  const known = await whoAmI(ctx).then(
    () => true,
    (error: unknown) => {
      if (error instanceof LlaError && error.code === 'unknownPerson') return false;
      throw error;
    },
  );
  const notifications = () => myNotifications(ctx);
  if (!known) {
    const closed = { read: async () => null, close: () => undefined };
    await new TerminalSession({ conversation, turn, reader: closed, write, render, logger, notifications }).home({ usage: false });
    throw new LlaError('unknownPerson', terminalMsg.refusedExit());
  }
  const stdin = app.io.stdin as NodeJS.ReadableStream;
  const reader = readlineReader(stdin, app.canPrompt ? (stdout as NodeJS.WritableStream) : undefined);
  await runSession({ conversation, turn, reader, write, render, logger, notifications });
}
