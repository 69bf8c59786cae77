/** `lla chat`: the chat bot in the terminal, as the person given with --as. */
import type { Command } from 'commander';
import { cliMsg } from '../../core/messages-cli.js';
import { terminalMsg } from '../../core/messages-chat/terminal.js';
import type { Runner } from '../main.js';
import { lazyActions } from '../lazy.js';

/** The action is in chat-actions.ts, loaded when the command runs. */
const lazy = lazyActions(() => import('./chat-actions.js'));

export function register(program: Command, run: Runner): void {
  program
    .command('chat')
    .description(terminalMsg.description())
    .addHelpText('before', cliMsg.examples(terminalMsg.examples()))
    .addHelpText('after', terminalMsg.helpAfter())
    .action(run((app) => lazy('chat')(app)));
}
