/** `lla casus meld|lijst|toon|status|notitie|sluit`: stuck cases along the escalation route. */
import type { Command } from 'commander';
import { cliMsg } from '../../core/messages-cli.js';
import { casesMsg, helpSlug, stepSlug, themeSlug } from '../../core/messages-cli/cases.js';
import type { Runner } from '../main.js';
import { lazyActions } from '../lazy.js';
import type { LijstOptions, MeldOptions, NotitieOptions, SluitOptions, StatusOptions } from './cases-actions.js';
import { STATUS_SLUGS, slugs } from './cases-slugs.js';

/** The actions are in cases-actions.ts, loaded when a command runs. */
const lazy = lazyActions(() => import('./cases-actions.js'));

export function register(program: Command, run: Runner): void {
  const casus = program
    .command('casus')
    .alias('case')
    .description(casesMsg.groupDescription())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla casus meld --thema wonen --schets "Uitstroom uit kliniek stokt, geen woonplek" --stappen casustafel --hulp advies',
        'lla casus lijst --regio HGL --status in-behandeling',
        'lla casus status VC-2026-0042 geescaleerd-landelijk --toelichting "Regionale route uitgeput"',
      ]),
    );

  casus
    .command('meld')
    .alias('report')
    .description(casesMsg.meldDescription())
    .option('--regio <code>', casesMsg.optRegion())
    .option('--thema <thema>', casesMsg.optTheme(slugs(themeSlug)))
    .option('--knelpunten <ids>', casesMsg.optBottlenecks())
    .option('--schets <tekst>', casesMsg.optSketch())
    .option('--stappen <stappen>', casesMsg.optSteps(slugs(stepSlug)))
    .option('--toelichting-stappen <tekst>', casesMsg.optStepsNote())
    .option('--dakloos-op <datum>', casesMsg.optHomelessOn())
    .option('--hulp <soorten>', casesMsg.optHelp(slugs(helpSlug)))
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla casus meld',
        'lla casus meld --thema wonen --knelpunten KP-02,KP-09 --schets "Ontslag uit detentie zonder woonplek; Wlz-indicatie sluit opvang uit" --stappen casustafel,zorgkantoor --dakloos-op 2026-12-01 --hulp bemiddeling-regio',
        'lla --as piet@voorbeeld.nl casus meld --thema indicatie --schets "CIZ vraagt steeds aanvullende informatie" --stappen casustafel --hulp advies --json',
      ]),
    )
    .action(run((app, o: MeldOptions) => lazy('meld')(app, o)));

  casus
    .command('lijst')
    .alias('list')
    .description(casesMsg.lijstDescription())
    .option('--regio <code>', casesMsg.optFilterRegion())
    .option('--status <statussen>', casesMsg.optFilterStatus(STATUS_SLUGS))
    .option('--ouder-dan <dagen>', casesMsg.optOlderThan())
    .option('--open', casesMsg.optOpen())
    .addHelpText('before', cliMsg.examples(['lla casus lijst', 'lla casus lijst --regio HGL --status in-behandeling,bemiddeling-regio', 'lla casus lijst --open --ouder-dan 30 --json']))
    .action(run((app, o: LijstOptions) => lazy('lijst')(app, o)));

  casus
    .command('toon')
    .alias('show')
    .description(casesMsg.toonDescription())
    .argument('<code>', casesMsg.argCode())
    .addHelpText('before', cliMsg.examples(['lla casus toon VC-2026-0042', 'lla casus toon VC-2026-0042 --json']))
    .action(run((app, code: string) => lazy('toon')(app, code)));

  casus
    .command('status')
    .alias('move')
    .description(casesMsg.statusDescription())
    .argument('<code>', casesMsg.argCode())
    .argument('[status]', casesMsg.argStatus(STATUS_SLUGS))
    .option('--toelichting <tekst>', casesMsg.optReason())
    .option('--probleemeigenaar <naam>', casesMsg.optProblemOwner())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla casus status VC-2026-0042 in-behandeling',
        'lla casus status VC-2026-0042 geescaleerd-landelijk --toelichting "Regionale route uitgeput"',
        'lla casus status VC-2026-0042 bij-probleemeigenaar --probleemeigenaar VWS',
        'lla casus status VC-2026-0042 in-behandeling --toelichting "Nieuwe informatie uit de regio"',
      ]),
    )
    .action(run((app, code: string, status: string | undefined, o: StatusOptions) => lazy('status_')(app, code, status, o)));

  casus
    .command('notitie')
    .alias('note')
    .description(casesMsg.notitieDescription())
    .argument('<code>', casesMsg.argCode())
    .option('--tekst <tekst>', casesMsg.optNoteText())
    .option('--aan <persoon>', casesMsg.optNoteTo())
    .addHelpText(
      'before',
      cliMsg.examples(['lla casus notitie VC-2026-0042 --tekst "Zorgkantoor gebeld; terugkoppeling volgt"', 'lla casus notitie VC-2026-0042 --tekst "Graag uw reactie" --aan piet@voorbeeld.nl']),
    )
    .action(run((app, code: string, o: NotitieOptions) => lazy('notitie')(app, code, o)));

  casus
    .command('sluit')
    .alias('close')
    .description(casesMsg.sluitDescription())
    .argument('<code>', casesMsg.argCode())
    .option('--uitkomst <tekst>', casesMsg.optOutcome())
    .option('--les <tekst>', casesMsg.optLesson())
    .option('--zonder-oplossing', casesMsg.optUnresolved())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla casus sluit VC-2026-0042 --uitkomst "Woonplek gevonden via de corporatie" --les "Corporatie vroeg betrekken"',
        'lla casus sluit VC-2026-0042 --zonder-oplossing --uitkomst "Cliënt verhuisd naar andere regio" --yes',
      ]),
    )
    .action(run((app, code: string, o: SluitOptions) => lazy('sluit')(app, code, o)));
}

// Helpers --------------------------------------------------------------------
