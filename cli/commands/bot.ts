/**
 * `lla bot`: start the chat bot (Slack, Teams) and its outbox dispatcher on
 * this data directory; the same as `npm start`. Definition only.
 */
import type { Command } from 'commander';
import { cliMsg } from '../../core/messages-cli.js';
import { botCliMsg } from '../../core/messages-chat/bot-cli.js';
import type { Runner } from '../main.js';
import { lazyActions } from '../lazy.js';

const lazy = lazyActions(() => import('./bot-actions.js'));

export function register(program: Command, run: Runner): void {
  program
    .command('bot')
    .description(botCliMsg.description())
    .option('--poort <nummer>', botCliMsg.optPort())
    .addHelpText('before', cliMsg.examples(['lla bot', 'PORT=8080 lla bot', 'SLACK_BOT_TOKEN=xoxb-… SLACK_SIGNING_SECRET=… lla bot --poort 3000']))
    .addHelpText('after', botCliMsg.helpAfter())
    .action(run((app, o: { poort?: string }) => lazy('startBotCmd')(app, o)));
}
