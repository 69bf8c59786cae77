/**
 * `lla taakgroep`, `lla knelpunt`, `lla signaal`: task groups, bottlenecks
 * and signals. Definitions only at load; every action imports the core
 * (use-cases, dates) when it runs. No business rules here: authorization,
 * validation and the privacy guard live in the use-cases.
 */
import type { Command } from 'commander';
import { cliMsg } from '../../core/messages-cli.js';
import { bottleneckMsg, signalMsg, taskGroupMsg } from '../../core/messages-cli/task-groups.js';
import type { Runner } from '../main.js';
import { lazyActions } from '../lazy.js';
import type { ListSignalOptions, NewBottleneckOptions, NewSignalOptions, NewTaskGroupOptions } from './task-groups-actions.js';

/** The actions are in task-groups-actions.ts, loaded when a command runs. */
const lazy = lazyActions(() => import('./task-groups-actions.js'));

export function register(program: Command, run: Runner): void {
  registerTaskGroups(program, run);
  registerBottlenecks(program, run);
  registerSignals(program, run);
}

// Shared helpers -------------------------------------------------------------

function registerTaskGroups(program: Command, run: Runner): void {
  const tg = program
    .command('taakgroep')
    .alias('taskgroup')
    .description(taskGroupMsg.description())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla taakgroep lijst',
        'lla taakgroep nieuw --naam "Signalenrapportage" --taak 5 --doel "Knelpunten bundelen" --leden P-0004,P-0005 --aanspreekpunt P-0005',
        'lla taakgroep toon TG-001',
        'lla taakgroep voortgang TG-001 --tekst "Eerste rapportage besproken met de ambassadeurs"',
      ]),
    );

  tg.command('nieuw')
    .alias('new')
    .description(taskGroupMsg.newDescription())
    .option('--naam <naam>', taskGroupMsg.optName())
    .option('--taak <1-5>', taskGroupMsg.optTask())
    .option('--doel <doel>', taskGroupMsg.optGoal())
    .option('--leden <personen>', taskGroupMsg.optMembers())
    .option('--aanspreekpunt <persoon>', taskGroupMsg.optFirstContact())
    .option('--deadline <datum>', taskGroupMsg.optDeadline())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla taakgroep nieuw --naam "Signalenrapportage" --taak 5 --doel "Knelpunten uit casussen bundelen voor de ambassadeurs"',
        'lla taakgroep nieuw --naam "Uniform Levensloopplan" --taak 2 --doel "Eén plan voor alle regio’s" --leden P-0004,P-0005 --aanspreekpunt P-0004 --deadline 2027-03-01 --json',
      ]),
    )
    .action(run((app, o: NewTaskGroupOptions) => lazy('newTaskGroup')(app, o)));

  tg.command('lijst')
    .alias('list')
    .description(taskGroupMsg.listDescription())
    .option('--alle', taskGroupMsg.optAll())
    .addHelpText('before', cliMsg.examples(['lla taakgroep lijst', 'lla taakgroep lijst --alle --json']))
    .action(run((app, o: { alle?: boolean }) => lazy('listTaskGroupsCmd')(app, o)));

  tg.command('toon')
    .alias('show')
    .description(taskGroupMsg.showDescription())
    .argument('[taakgroep]', taskGroupMsg.argTaskGroup())
    .addHelpText('before', cliMsg.examples(['lla taakgroep toon TG-001', 'lla taakgroep toon TG-001 --json']))
    .action(run((app, id: string | undefined) => lazy('showTaskGroup')(app, id)));

  tg.command('lid')
    .alias('member')
    .description(taskGroupMsg.memberDescription())
    .argument('[taakgroep]', taskGroupMsg.argTaskGroup())
    .argument('[persoon]', taskGroupMsg.argPerson())
    .option('--verwijder', taskGroupMsg.optRemove())
    .option('--aanspreekpunt', taskGroupMsg.optMakeFirstContact())
    .addHelpText(
      'before',
      cliMsg.examples(['lla taakgroep lid TG-001 P-0004', 'lla taakgroep lid TG-001 petra@voorbeeld.nl --aanspreekpunt', 'lla taakgroep lid TG-001 P-0004 --verwijder']),
    )
    .action(
      run((app, id: string | undefined, person: string | undefined, o: { verwijder?: boolean; aanspreekpunt?: boolean }) => lazy('memberCmd')(app, id, person, o),
      ),
    );

  tg.command('voortgang')
    .alias('progress')
    .description(taskGroupMsg.progressDescription())
    .argument('[taakgroep]', taskGroupMsg.argTaskGroup())
    .option('--tekst <tekst>', taskGroupMsg.optText())
    .addHelpText('before', cliMsg.examples(['lla taakgroep voortgang TG-001 --tekst "Concept-draaiboek rondgestuurd aan de regio’s"']))
    .action(run((app, id: string | undefined, o: { tekst?: string }) => lazy('progressCmd')(app, id, o)));

  tg.command('ophef')
    .alias('dissolve')
    .description(taskGroupMsg.dissolveDescription())
    .argument('[taakgroep]', taskGroupMsg.argTaskGroup())
    .option('--resultaat <tekst>', taskGroupMsg.optResult())
    .addHelpText(
      'before',
      cliMsg.examples(['lla taakgroep ophef TG-001 --resultaat "Draaiboek vastgesteld en verspreid"', 'lla taakgroep ophef TG-001 --resultaat "Klaar" --yes']),
    )
    .action(run((app, id: string | undefined, o: { resultaat?: string }) => lazy('dissolveCmd')(app, id, o)));
}

function registerBottlenecks(program: Command, run: Runner): void {
  const kp = program
    .command('knelpunt')
    .alias('bottleneck')
    .description(bottleneckMsg.description())
    .addHelpText('before', cliMsg.examples(['lla knelpunt lijst', 'lla knelpunt toon KP-02', 'lla knelpunt nieuw --titel "Geen plek na detentie" --eigenaar DJI']));

  kp.command('lijst')
    .alias('list')
    .description(bottleneckMsg.listDescription())
    .option('--alle', bottleneckMsg.optAll())
    .addHelpText('before', cliMsg.examples(['lla knelpunt lijst', 'lla knelpunt lijst --json']))
    .action(run((app, o: { alle?: boolean }) => lazy('listBottlenecksCmd')(app, o)));

  kp.command('nieuw')
    .alias('new')
    .description(bottleneckMsg.newDescription())
    .option('--titel <titel>', bottleneckMsg.optTitle())
    .option('--eigenaar <eigenaar>', bottleneckMsg.optOwner())
    .option('--omschrijving <tekst>', bottleneckMsg.optDescription())
    .option('--aanvliegroute <tekst>', bottleneckMsg.optApproach())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla knelpunt nieuw --titel "Geen woonplek na detentie" --eigenaar DJI',
        'lla knelpunt nieuw --titel "Wachtlijst beschermd wonen" --eigenaar "VNG / gemeenten" --omschrijving "…" --aanvliegroute "Overleg met VNG" --json',
      ]),
    )
    .action(run((app, o: NewBottleneckOptions) => lazy('newBottleneck')(app, o)));

  kp.command('toon')
    .alias('show')
    .description(bottleneckMsg.showDescription())
    .argument('[knelpunt]', bottleneckMsg.argBottleneck())
    .addHelpText('before', cliMsg.examples(['lla knelpunt toon KP-02', 'lla knelpunt toon 2 --json']))
    .action(run((app, id: string | undefined) => lazy('showBottleneck')(app, id)));
}

function registerSignals(program: Command, run: Runner): void {
  const sg = program
    .command('signaal')
    .alias('signal')
    .description(signalMsg.description())
    .addHelpText('before', cliMsg.examples(['lla signaal nieuw --knelpunt KP-02 --regio HGL', 'lla signaal lijst --van 2026-01-01 --tot 2026-06-30 --json']));

  sg.command('nieuw')
    .alias('new')
    .description(signalMsg.newDescription())
    .option('--knelpunt <knelpunt>', signalMsg.optBottleneck())
    .option('--regio <regio>', signalMsg.optRegion())
    .option('--toelichting <tekst>', signalMsg.optNote())
    .addHelpText(
      'before',
      cliMsg.examples(['lla signaal nieuw --knelpunt 2', 'lla signaal nieuw --knelpunt KP-09 --regio HGL --toelichting "Wmo-plek vervalt door Wlz-indicatie" --json']),
    )
    .action(run((app, o: NewSignalOptions) => lazy('newSignal')(app, o)));

  sg.command('lijst')
    .alias('list')
    .description(signalMsg.listDescription())
    .option('--van <datum>', signalMsg.optFrom())
    .option('--tot <datum>', signalMsg.optTo())
    .option('--regio <regio>', signalMsg.optRegionFilter())
    .option('--knelpunt <knelpunt>', signalMsg.optBottleneckFilter())
    .addHelpText(
      'before',
      cliMsg.examples(['lla signaal lijst', 'lla signaal lijst --regio HGL --knelpunt KP-02', 'lla signaal lijst --van 2026-01-01 --tot 2026-06-30 --json']),
    )
    .action(run((app, o: ListSignalOptions) => lazy('listSignalsCmd')(app, o)));
}
