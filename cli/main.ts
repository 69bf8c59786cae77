/**
 * `lla`: the kwartiermaker's terminal. Builds the commander program from the
 * command groups in `cli/commands/`, translates commander's own texts to
 * Dutch, and maps every outcome to the exit codes of the contract:
 * 0 ok, 1 unexpected, 2 invalid input or usage, 3 not allowed, 4 not found.
 *
 * Start-up stays light: command definitions import no core code; actions
 * import what they need when they run.
 */
import { Command, CommanderError, Help } from 'commander';
import { cliMsg } from '../core/messages-cli.js';
import { CliApp, EXIT, reportError, type GlobalOptions, type Io } from './app.js';
import { registerAll } from './commands/index.js';

export type Action = (app: CliApp, ...args: any[]) => Promise<void>;
/** Wraps an action: builds the app from the global options, runs it, maps errors to exit codes. */
export type Runner = (action: Action) => (...args: any[]) => Promise<void>;

const dutchTerms = (s: string) => s.replace('[options]', '[opties]').replace('[command]', '[opdracht]');

class DutchHelp extends Help {
  override styleTitle(title: string): string {
    return cliMsg.titles[title] ?? title;
  }
  override commandUsage(cmd: Command): string {
    return dutchTerms(super.commandUsage(cmd));
  }
  override subcommandTerm(cmd: Command): string {
    return dutchTerms(super.subcommandTerm(cmd));
  }
}

/** Commander's English error texts, in Dutch from the catalog. */
function translateCommanderError(err: CommanderError): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption':
      return cliMsg.unknownOption(quoted);
    case 'commander.unknownCommand':
      return cliMsg.unknownCommand(quoted);
    case 'commander.missingArgument':
      return cliMsg.missingArgument(quoted);
    case 'commander.optionMissingArgument':
      return cliMsg.optionNeedsValue(quoted.split(/[ ,]/)[0] ?? quoted);
    case 'commander.missingMandatoryOptionValue':
      return cliMsg.missingFlag(quoted.split(/[ ,]/)[0] ?? quoted);
    case 'commander.excessArguments':
      return cliMsg.tooManyArguments();
    case 'commander.invalidArgument':
      return cliMsg.invalidValue(quoted, err.message.split('. ').slice(1).join('. '));
    default:
      return err.message.replace(/^error: /, '');
  }
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('lla');
  const run: Runner =
    (action) =>
    async (...args: any[]) => {
      const cmd = args[args.length - 1] as Command;
      const app = new CliApp(cmd.optsWithGlobals<GlobalOptions>(), io);
      try {
        await action(app, ...args.slice(0, -1));
        setExit(EXIT.ok);
      } catch (error) {
        setExit(await reportError(app, error));
      }
    };

  program
    .description(cliMsg.programDescription())
    .option('--data <map>', cliMsg.optData())
    .option('--as <persoon>', cliMsg.optAs())
    .option('--json', cliMsg.optJson())
    .option('--no-input', cliMsg.optNoInput())
    .option('--yes', cliMsg.optYes())
    .option('--no-color', cliMsg.optNoColor())
    .helpOption('-h, --help', cliMsg.optHelp())
    .helpCommand('help [opdracht]', cliMsg.helpCommand())
    .version(process.env.npm_package_version ?? '0.1.0', '-V, --version', cliMsg.optVersion())
    .addHelpText('before', cliMsg.programExamples())
    .showSuggestionAfterError(false)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // written translated in exitOverride
    })
    .exitOverride();

  registerAll(program, run);

  // Every command: Dutch help headings, errors through exitOverride.
  const configure = (cmd: Command) => {
    cmd.createHelp = () => Object.assign(new DutchHelp(), cmd.configureHelp());
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined });
    cmd.helpOption('-h, --help', cliMsg.optHelp());
    cmd.commands.forEach(configure);
  };
  configure(program);
  return program;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" in commander's exit override, with exit code 0.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      io.stderr.write(`${cliMsg.errorPrefix(translateCommanderError(error))}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}

/** For the executable's last-resort error message. */
export { cliMsg } from '../core/messages-cli.js';
