/**
 * `lla vakdag`, `lla monitor` and `lla rapport`: professional days and
 * meetings, the half-yearly monitor, and the signal report. Definitions
 * import no core code; actions load what they need when they run.
 */
import type { Command } from 'commander';
import { cliMsg } from '../../core/messages-cli.js';
import { eventsMsg } from '../../core/messages-cli/events.js';
import type { Runner } from '../main.js';
import { lazyActions } from '../lazy.js';
import type { NewEventOptions, ReportOptions, SubmitOptions } from './events-actions.js';

const ex = (lines: string[]) => cliMsg.examples(lines);

/** The actions are in events-actions.ts, loaded when a command runs. */
const lazy = lazyActions(() => import('./events-actions.js'));

export function register(program: Command, run: Runner): void {
  registerVakdag(program, run);
  registerMonitor(program, run);
  registerReport(program, run);
}

// vakdag ---------------------------------------------------------------------

function registerVakdag(program: Command, run: Runner): void {
  const vakdag = program
    .command('vakdag')
    .alias('event')
    .description(eventsMsg.groupDescription())
    .addHelpText('before', ex(['lla vakdag plan 2027', 'lla vakdag lijst --komend', 'lla vakdag aanmelden EV-2027-02', 'lla vakdag ics EV-2027-02 --uit vakdag.ics']));

  vakdag
    .command('plan')
    .argument('[jaar]', eventsMsg.argYear())
    .description(eventsMsg.planDescription())
    .addHelpText('before', ex(['lla vakdag plan 2027', 'lla vakdag plan 2027 --json']))
    .action(run((app, year?: string) => lazy('planYearCmd')(app, year)));

  vakdag
    .command('nieuw')
    .alias('new')
    .description(eventsMsg.newDescription())
    .option('--soort <soort>', eventsMsg.optKind())
    .option('--datum <datum>', eventsMsg.optDate())
    .option('--capaciteit <aantal>', eventsMsg.optCapacity())
    .option('--titel <titel>', eventsMsg.optTitle())
    .option('--plaats <plaats>', eventsMsg.optPlace())
    .option('--begin <uu:mm>', eventsMsg.optStart())
    .option('--eind <uu:mm>', eventsMsg.optEnd())
    .option('--deadline <datum>', eventsMsg.optDeadline())
    .option('--programma <tekst>', eventsMsg.optProgramme())
    .addHelpText(
      'before',
      ex([
        'lla vakdag nieuw --soort vakdag-procesregisseurs --datum 2027-04-08 --capaciteit 120 --plaats Utrecht --begin 09:30 --eind 16:30 --deadline 2027-03-25',
        'lla vakdag nieuw --soort overig --titel "Werkbezoek VWS" --datum 2027-02-01 --capaciteit 12 --json',
      ]),
    )
    .action(run((app, o: NewEventOptions) => lazy('newEventCmd')(app, o)));

  vakdag
    .command('lijst')
    .alias('list')
    .description(eventsMsg.listDescription())
    .option('--jaar <jaar>', eventsMsg.optYearFilter())
    .option('--komend', eventsMsg.optUpcoming())
    .addHelpText('before', ex(['lla vakdag lijst', 'lla vakdag lijst --jaar 2027', 'lla vakdag lijst --komend --json']))
    .action(run((app, o: { jaar?: string; komend?: boolean }) => lazy('listCmd')(app, o)));

  vakdag
    .command('toon')
    .alias('show')
    .argument('[id]', eventsMsg.argId())
    .description(eventsMsg.showDescription())
    .addHelpText('before', ex(['lla vakdag toon EV-2027-02', 'lla vakdag toon EV-2027-02 --json']))
    .action(run((app, id?: string) => lazy('showCmd')(app, id)));

  vakdag
    .command('aanmelden')
    .alias('register')
    .argument('[id]', eventsMsg.argId())
    .option('--persoon <persoon>', eventsMsg.optPerson())
    .description(eventsMsg.registerDescription())
    .addHelpText('before', ex(['lla vakdag aanmelden EV-2027-02', 'lla vakdag aanmelden EV-2027-02 --persoon petra@voorbeeld.nl']))
    .action(run((app, id: string | undefined, o: { persoon?: string }) => lazy('registrationCmd')(app, id, o.persoon, true)));

  vakdag
    .command('afmelden')
    .alias('unregister')
    .argument('[id]', eventsMsg.argId())
    .option('--persoon <persoon>', eventsMsg.optPerson())
    .description(eventsMsg.unregisterDescription())
    .addHelpText('before', ex(['lla vakdag afmelden EV-2027-02', 'lla vakdag afmelden EV-2027-02 --persoon P-0004']))
    .action(run((app, id: string | undefined, o: { persoon?: string }) => lazy('registrationCmd')(app, id, o.persoon, false)));

  vakdag
    .command('aankondigen')
    .alias('announce')
    .argument('[id]', eventsMsg.argId())
    .description(eventsMsg.announceDescription())
    .addHelpText('before', ex(['lla vakdag aankondigen EV-2027-02', 'lla vakdag aankondigen EV-2027-02 --json']))
    .action(run((app, id?: string) => lazy('announceCmd')(app, id)));

  vakdag
    .command('deelnemers')
    .alias('participants')
    .argument('[id]', eventsMsg.argId())
    .description(eventsMsg.participantsDescription())
    .addHelpText('before', ex(['lla vakdag deelnemers EV-2027-02', 'lla vakdag deelnemers EV-2027-02 --json']))
    .action(run((app, id?: string) => lazy('participantsCmd')(app, id)));

  vakdag
    .command('ics')
    .argument('[id]', eventsMsg.argId())
    .option('--uit <bestand>', eventsMsg.optOut())
    .description(eventsMsg.icsDescription())
    .addHelpText('before', ex(['lla vakdag ics EV-2027-02 > vakdag.ics', 'lla vakdag ics EV-2027-02 --uit vakdag.ics']))
    .action(run((app, id: string | undefined, o: { uit?: string }) => lazy('icsCmd')(app, id, o.uit)));
}

function registerMonitor(program: Command, run: Runner): void {
  const monitor = program
    .command('monitor')
    .description(eventsMsg.monitorDescription())
    .addHelpText('before', ex(['lla monitor ronde 2026-H2 --sluit-op 2027-01-31', 'lla monitor invoer --clienten 14 --nieuw 3 --uitstroom 1 --gestart', 'lla monitor overzicht']));

  monitor
    .command('ronde')
    .alias('round')
    .argument('[periode]', eventsMsg.argPeriod())
    .option('--sluit-op <datum>', eventsMsg.optClosesOn())
    .description(eventsMsg.roundDescription())
    .addHelpText('before', ex(['lla monitor ronde 2026-H2', 'lla monitor ronde 2027-H1 --sluit-op 2027-07-31 --json']))
    .action(run((app, period: string | undefined, o: { sluitOp?: string }) => lazy('openRoundCmd')(app, period, o.sluitOp)));

  monitor
    .command('invoer')
    .alias('submit')
    .description(eventsMsg.submitDescription())
    .option('--periode <periode>', eventsMsg.optPeriod())
    .option('--regio <code>', eventsMsg.optRegion())
    .option('--clienten <aantal>', eventsMsg.optClients())
    .option('--nieuw <aantal>', eventsMsg.optNew())
    .option('--uitstroom <aantal>', eventsMsg.optOutflow())
    .option('--gestart', eventsMsg.optStarted())
    .option('--niet-gestart', eventsMsg.optNotStarted())
    .addHelpText(
      'before',
      ex(['lla --as piet@voorbeeld.nl monitor invoer --clienten 14 --nieuw 3 --uitstroom 1 --gestart', 'lla monitor invoer --periode 2026-H2 --regio HGL --clienten 14 --nieuw 3 --uitstroom 1 --gestart --json']),
    )
    .action(run((app, o: SubmitOptions) => lazy('submitCmd')(app, o)));

  monitor
    .command('overzicht')
    .alias('overview')
    .description(eventsMsg.overviewDescription())
    .option('--periode <periode>', eventsMsg.optPeriod())
    .addHelpText('before', ex(['lla monitor overzicht', 'lla monitor overzicht --periode 2026-H2 --json']))
    .action(run((app, o: { periode?: string }) => lazy('overviewCmd')(app, o.periode)));
}

function registerReport(program: Command, run: Runner): void {
  program
    .command('rapport')
    .alias('report')
    .description(eventsMsg.reportDescription())
    .option('--van <datum>', eventsMsg.optFrom())
    .option('--tot <datum>', eventsMsg.optTo())
    .option('--formaat <formaat>', eventsMsg.optFormat())
    .option('--uit <bestand>', eventsMsg.optReportOut())
    .addHelpText(
      'before',
      ex([
        'lla rapport',
        'lla rapport --van 2026-10-01 --tot 2026-10-31 --formaat md --uit signalen-oktober.md',
        'lla rapport --formaat html --uit rapporten/',
        'lla rapport --formaat xlsx --uit signalen.xlsx',
        'lla rapport --formaat json > signalen.json',
      ]),
    )
    .action(run((app, o: ReportOptions) => lazy('reportCmd')(app, o)));
}
