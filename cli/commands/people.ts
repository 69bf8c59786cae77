/**
 * `lla persoon`, `lla regio`, `lla audit`, `lla backup`, `lla herstel`:
 * who works with the Coördinatiepunt and where, the audit trail, and the
 * store's back-ups. Definitions import no core code; actions load what they
 * need when they run. Every rule lives in the use-cases.
 */
import type { Command } from 'commander';
import { cliMsg } from '../../core/messages-cli.js';
import { peopleMsg as m } from '../../core/messages-cli/people.js';
import type { Runner } from '../main.js';
import { lazyActions } from '../lazy.js';
import type { AuditOptions, PersonListOptions, PersonOptions, RegionOptions } from './people-actions.js';

/** The actions are in people-actions.ts, loaded when a command runs. */
const lazy = lazyActions(() => import('./people-actions.js'));

/** The person fields shared by `toevoegen` and `wijzig`. */
function personFieldOptions(cmd: Command): Command {
  return cmd
    .option('--naam <naam>', m.optName())
    .option('--email <e-mail>', m.optEmail())
    .option('--rollen <rollen>', m.optRoles())
    .option('--regio <code>', m.optRegion())
    .option('--organisatie <organisatie>', m.optOrganisation())
    .option('--vaste-schil', m.optPool())
    .option('--geen-vaste-schil', m.optNoPool())
    .option('--slack <id>', m.optSlack())
    .option('--teams <aad-id>', m.optTeams());
}

export function register(program: Command, run: Runner): void {
  registerPerson(program, run);
  registerRegion(program, run);

  program
    .command('audit')
    .description(m.auditDescription())
    .option('--sinds <datum>', m.optSince())
    .option('--limiet <n>', m.optLimit())
    .addHelpText('before', cliMsg.examples(['lla audit --sinds 2026-01-01', 'lla audit --limiet 20', 'lla audit --sinds 2026-03-01 --json']))
    .action(run((app, o: AuditOptions) => lazy('audit')(app, o)));

  program
    .command('backup')
    .description(m.backupDescription())
    .addHelpText('before', cliMsg.examples(['lla backup', 'lla backup --json']))
    .action(run((app) => lazy('backup')(app)));

  program
    .command('herstel')
    .alias('restore')
    .description(m.restoreDescription())
    .argument('[back-up]', m.argBackup())
    .addHelpText('before', cliMsg.examples(['lla herstel', 'lla herstel lla.json.2026-03-01T10-00-00-000Z.bak --yes', 'lla herstel /pad/naar/back-up.json --yes']))
    .action(run((app, backupFile: string | undefined) => lazy('restore')(app, backupFile)));
}

// persoon --------------------------------------------------------------------

function registerPerson(program: Command, run: Runner): void {
  const person = program
    .command('persoon')
    .alias('person')
    .description(m.personDescription())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla persoon lijst',
        'lla persoon toevoegen --naam "Piet Jansen" --email piet@zvh.nl --rollen projectleider --regio HGL',
        'lla persoon wijzig piet@zvh.nl --inactief',
      ]),
    );

  personFieldOptions(person.command('toevoegen').alias('add').description(m.personAddDescription()))
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla persoon toevoegen --naam "Piet Jansen" --email piet@zvh.nl --rollen projectleider --regio HGL',
        'lla persoon toevoegen --naam "Petra de Vries" --email petra@zvh.nl --rollen procesregisseur --regio HGL --vaste-schil --slack U012ABCDEF',
        'lla persoon toevoegen --naam "Ada Ambassadeur" --email ada@vws.nl --rollen ambassadeur --json',
      ]),
    )
    .action(run((app, o: PersonOptions) => lazy('addPerson')(app, o)));

  person
    .command('lijst')
    .alias('list')
    .description(m.personListDescription())
    .option('--rol <rol>', m.optRole())
    .option('--regio <code>', m.optRegionFilter())
    .option('--alle', m.optAll())
    .addHelpText('before', cliMsg.examples(['lla persoon lijst', 'lla persoon lijst --rol procesregisseur --regio HGL', 'lla persoon lijst --alle --json']))
    .action(run((app, o: PersonListOptions) => lazy('listPeople')(app, o)));

  personFieldOptions(person.command('wijzig').alias('update').description(m.personUpdateDescription()).argument('[persoon]', m.argPerson()))
    .option('--actief', m.optActive())
    .option('--inactief', m.optInactive())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla persoon wijzig P-0003 --rollen projectleider,procesregisseur',
        'lla persoon wijzig piet@zvh.nl --regio UTR --slack -',
        'lla persoon wijzig P-0004 --inactief',
      ]),
    )
    .addHelpText('after', `\n${m.optClearHint()}\n`)
    .action(run((app, who: string | undefined, o: PersonOptions) => lazy('updatePerson')(app, who, o)));
}

function registerRegion(program: Command, run: Runner): void {
  const region = program
    .command('regio')
    .alias('region')
    .description(m.regionDescription())
    .addHelpText('before', cliMsg.examples(['lla regio lijst', 'lla regio toevoegen --code ABC --naam "Regio Voorbeeld"', 'lla regio wijzig ARN --gestart --startdatum 2026-09-01']));

  region
    .command('lijst')
    .alias('list')
    .description(m.regionListDescription())
    .option('--alle', m.optAllRegions())
    .addHelpText('before', cliMsg.examples(['lla regio lijst', 'lla regio lijst --alle --json']))
    .action(run((app, o: RegionOptions) => lazy('listRegions')(app, o)));

  region
    .command('toevoegen')
    .alias('add')
    .description(m.regionAddDescription())
    .option('--code <code>', m.optCode())
    .option('--naam <naam>', m.optRegionName())
    .option('--gestart', m.optStarted())
    .option('--niet-gestart', m.optNotStarted())
    .option('--startdatum <datum>', m.optStartDate())
    .option('--coordinerend <aanbieder>', m.optCoordinating())
    .addHelpText(
      'before',
      cliMsg.examples([
        'lla regio toevoegen --code ABC --naam "Regio Voorbeeld"',
        'lla regio toevoegen --code XYZ --naam "Regio Elders" --gestart --startdatum 2026-01-15 --coordinerend "Forensische Zorg Elders" --json',
      ]),
    )
    .action(run((app, o: RegionOptions) => lazy('addRegion')(app, o)));

  region
    .command('wijzig')
    .alias('update')
    .description(m.regionUpdateDescription())
    .argument('[code]', m.argRegion())
    .option('--code <code>', m.argRegion())
    .option('--naam <naam>', m.optRegionName())
    .option('--gestart', m.optStarted())
    .option('--niet-gestart', m.optNotStarted())
    .option('--startdatum <datum>', m.optStartDate())
    .option('--coordinerend <aanbieder>', m.optCoordinating())
    .option('--actief', m.optRegionActive())
    .option('--inactief', m.optRegionInactive())
    .addHelpText(
      'before',
      cliMsg.examples(['lla regio wijzig ARN --gestart --startdatum 2026-09-01', 'lla regio wijzig HGL --coordinerend "Fivoor"', 'lla regio wijzig --code NOG --coordinerend -']),
    )
    .action(run((app, code: string | undefined, o: RegionOptions) => lazy('updateRegion')(app, code, o)));
}
