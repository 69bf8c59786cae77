/** `lla init`: create the store with reference data and its first kwartiermaker. */
import type { Command } from 'commander';
import { cliMsg } from '../../core/messages-cli.js';
import { initMsg } from '../../core/messages-cli/init.js';
import { UsageError, type CliApp } from '../app.js';
import type { Runner } from '../main.js';

interface InitOptions {
  naam?: string;
  email?: string;
  organisatie?: string;
  demo?: boolean;
}

export function register(program: Command, run: Runner): void {
  program
    .command('init')
    .description(initMsg.description())
    .option('--naam <naam>', initMsg.optName())
    .option('--email <e-mail>', initMsg.optEmail())
    .option('--organisatie <organisatie>', initMsg.optOrganisation())
    .option('--demo', initMsg.optDemo())
    .addHelpText('before', cliMsg.examples([
      'lla init --naam "Kim de Kwartiermaker" --email kim@coordinatiepunt.nl',
      'lla init --demo --naam "Kim de Kwartiermaker" --email kim@coordinatiepunt.nl',
      'lla --data /srv/lla init --naam "Kim de Kwartiermaker" --email kim@coordinatiepunt.nl --json',
    ]))
    .action(run((app, options: InitOptions) => init(app, options)));
}

async function init(app: CliApp, o: InitOptions): Promise<void> {
  const store = await app.store({ createIfMissing: true });
  if (await store.exists()) throw new UsageError(cliMsg.storeExists(store.file));
  const name = await app.need(o.naam, '--naam', (p) => p.askText(initMsg.askName()));
  const email = await app.need(o.email, '--email', (p) => p.askText(initMsg.askEmail()));
  const { SYSTEM } = await import('../../core/context.js');
  const { systemClock } = await import('../../core/dates.js');
  const { createFirstQuartermaster, AddPersonInput } = await import('../../core/usecases/people.js');
  const { parseInput } = await import('../../core/context.js');
  const person = { name, email, ...(o.organisatie ? { organisation: o.organisatie } : {}) };
  // Validate before any work, so a bad e-mail never leaves a half-made store.
  parseInput(AddPersonInput, { ...person, roles: ['quartermaster'] });

  if (o.demo) {
    const progress = app.progress(initMsg.demoProgress());
    const { generateDemoStore } = await import('../../data/demo.js');
    const demo = generateDemoStore({ now: systemClock.now(), quartermaster: { name, email } });
    if (!(await store.initialise(demo))) throw new UsageError(cliMsg.storeExists(store.file));
    progress.done();
  } else {
    await createFirstQuartermaster({ actor: SYSTEM, channel: 'cli', clock: systemClock, store }, person);
  }
  const data = await store.read();
  const q = data.people.find((p) => p.email.toLowerCase() === email.trim().toLowerCase());
  app.print({ dataDir: store.dir, file: store.file, demo: !!o.demo, quartermaster: q, counts: { regions: data.regions.length, bottlenecks: data.bottlenecks.length, cases: data.cases.length } }, () => [
    initMsg.created(store.file),
    initMsg.quartermaster(q?.name ?? name, q?.id ?? ''),
    initMsg.reference(data.regions.length, data.bottlenecks.length),
    ...(o.demo ? [initMsg.demoAdded(data.cases.length, data.signals.length)] : []),
    initMsg.next(),
  ]);
}
