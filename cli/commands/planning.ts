/**
 * `lla planning`: the scheduled jobs (weekly digest, monthly report,
 * reminders, retention), their schedules, next and last run; running one now
 * and changing a schedule. Definitions only at load; the actions (and the
 * core) load when a command runs.
 */
import type { Command } from 'commander';
import { cliMsg } from '../../core/messages-cli.js';
import { planningMsg } from '../../core/messages-cli/planning.js';
import type { Runner } from '../main.js';
import { lazyActions } from '../lazy.js';

/** The actions are in planning-actions.ts, loaded when a command runs. */
const lazy = lazyActions(() => import('./planning-actions.js'));

export function register(program: Command, run: Runner): void {
  const planning = program
    .command('planning')
    .alias('schedule')
    .description(planningMsg.description())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla planning',
        'lla planning uitvoeren weekoverzicht --dry-run',
        'lla planning uitvoeren dakloosheid-alerts',
        'lla planning zet weekoverzicht "0 8 * * 1"',
        'lla planning --json',
      ]),
    )
    .action(run((app) => lazy('listPlanning')(app)));

  planning
    .command('lijst')
    .alias('list')
    .description(planningMsg.listDescription())
    .addHelpText('before', cliMsg.examples(['lla planning lijst', 'lla planning lijst --json']))
    .action(run((app) => lazy('listPlanning')(app)));

  planning
    .command('uitvoeren')
    .alias('run')
    .description(planningMsg.runDescription())
    .argument('[taak]', planningMsg.argJob())
    .option('--dry-run', planningMsg.optDryRun())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla planning uitvoeren weekoverzicht --dry-run',
        'lla planning uitvoeren monitor-herinneringen',
        'lla planning uitvoeren maandrapport --json',
      ]),
    )
    .action(run((app, job: string | undefined, o: { dryRun?: boolean }) => lazy('runPlanning')(app, job, o)));

  planning
    .command('zet')
    .alias('set')
    .description(planningMsg.setDescription())
    .argument('[taak]', planningMsg.argJob())
    .argument('[cron]', planningMsg.argCron())
    .addHelpText(
      'before',
      cliMsg.examples(['lla planning zet weekoverzicht "0 8 * * 1"', 'lla planning zet dakloosheid-alerts "0 7 * * 1-5"', 'lla planning zet maandrapport "0 9 2 * *" --json']),
    )
    .action(run((app, job: string | undefined, cron: string | undefined) => lazy('setPlanning')(app, job, cron)));
}
