/**
 * The runtime every `lla` command gets: global options, who is acting, the
 * store, output (JSON, tables, colour), the one prompt gate, confirmations,
 * progress, and the mapping from errors to exit codes.
 *
 * Loading this module is cheap on purpose: core (zod), the store and the
 * prompt library are imported only when a command runs.
 */
import { styleText } from 'node:util';
import { cliMsg } from '../core/messages-cli.js';
import type { Context } from '../core/context.js';
import type { FileStore } from '../data/file-store.js';

export interface GlobalOptions {
  data?: string;
  as?: string;
  json?: boolean;
  /** false with --no-input */
  input?: boolean;
  yes?: boolean;
  /** false with --no-color */
  color?: boolean;
}

export interface Io {
  stdout: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  stdin: { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit codes of the contract. */
export const EXIT = { ok: 0, unexpected: 1, usage: 2, forbidden: 3, notFound: 4 } as const;

/** A usage problem of the command line itself: exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class CliApp {
  private storeInstance: FileStore | undefined;

  constructor(
    readonly opts: GlobalOptions,
    readonly io: Io,
  ) {}

  get json(): boolean {
    return !!this.opts.json;
  }

  /** Whether prompting is possible: both ends are terminals and --no-input is not set. */
  get canPrompt(): boolean {
    return !!this.io.stdin.isTTY && !!this.io.stdout.isTTY && this.opts.input !== false;
  }

  get useColor(): boolean {
    return !!this.io.stdout.isTTY && this.opts.color !== false && !this.io.env.NO_COLOR;
  }

  async dataDir(): Promise<string> {
    const { resolveDataDir } = await import('../data/file-store.js');
    return resolveDataDir({ flag: this.opts.data, env: this.io.env, cwd: this.io.cwd });
  }

  /** The store; it must exist (except for `init`, which passes `createIfMissing`). */
  async store(options: { createIfMissing?: boolean } = {}): Promise<FileStore> {
    if (this.storeInstance) return this.storeInstance;
    const { FileStore } = await import('../data/file-store.js');
    const store = new FileStore({ dir: await this.dataDir(), createIfMissing: !!options.createIfMissing });
    if (!options.createIfMissing && !(await store.exists())) throw new UsageError(cliMsg.noStore(store.dir));
    this.storeInstance = store;
    return store;
  }

  /**
   * The use-case context: the acting person from --as / LLA_USER (person id
   * or e-mail), else the only active quartermaster.
   */
  async ctx(): Promise<Context> {
    const store = await this.store();
    const { systemClock } = await import('../core/dates.js');
    const who = this.opts.as ?? this.io.env.LLA_USER;
    if (who && who.trim() !== '') {
      const key = who.trim();
      const actor = /^P-\d+$/i.test(key) ? { personId: key.toUpperCase() } : { email: key };
      return { actor, channel: 'cli', clock: systemClock, store };
    }
    const data = await store.read();
    const quartermasters = data.people.filter((p) => p.active && p.roles.includes('quartermaster'));
    if (quartermasters.length !== 1) throw new UsageError(cliMsg.whoAreYou());
    return { actor: { personId: quartermasters[0]!.id }, channel: 'cli', clock: systemClock, store };
  }

  // Output -------------------------------------------------------------------

  out(line = ''): void {
    this.io.stdout.write(`${line}\n`);
  }

  err(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  /** JSON with --json, else the human rendering. */
  print(value: unknown, human: () => string | string[]): void {
    if (this.json) {
      this.out(JSON.stringify(value, null, 2));
      return;
    }
    const text = human();
    this.out(Array.isArray(text) ? text.join('\n') : text);
  }

  bold(s: string): string {
    return this.useColor ? styleText('bold', s) : s;
  }

  dim(s: string): string {
    return this.useColor ? styleText('dim', s) : s;
  }

  green(s: string): string {
    return this.useColor ? styleText('green', s) : s;
  }

  red(s: string): string {
    return this.useColor ? styleText('red', s) : s;
  }

  yellow(s: string): string {
    return this.useColor ? styleText('yellow', s) : s;
  }

  /**
   * A table: aligned columns with a header on a terminal, tab-separated
   * plain lines (header first) when piped.
   */
  table(headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
    const cells = rows.map((r) => r.map((c) => (c === null || c === undefined || c === '' ? '–' : String(c))));
    if (!this.io.stdout.isTTY) return [headers, ...cells].map((r) => r.join('\t')).join('\n');
    if (cells.length === 0) return this.dim(cliMsg.none());
    const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
    const maxWidth = Math.max(40, (this.io.stdout as { columns?: number }).columns ?? 120);
    const line = (r: string[]) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join('  ')
        .slice(0, maxWidth);
    return [this.bold(line(headers)), ...cells.map(line)].join('\n');
  }

  // Prompting ----------------------------------------------------------------

  /**
   * A value that may be asked for: given → used; missing on a terminal →
   * asked; missing otherwise → exit 2 naming the flag. Checked before any
   * prompt library is loaded (it would read piped stdin as keystrokes).
   */
  async need<T>(value: T | undefined, flag: string, ask: (p: typeof import('./prompt.js')) => Promise<T>): Promise<T> {
    if (value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')) return value;
    if (!this.canPrompt) throw new UsageError(cliMsg.missingFlag(flag));
    return ask(await import('./prompt.js'));
  }

  /** Dangerous actions: --yes, or a confirmation on a terminal. */
  async confirm(question: string): Promise<void> {
    if (this.opts.yes) return;
    if (!this.canPrompt) throw new UsageError(cliMsg.needsConfirmation());
    const { askConfirm } = await import('./prompt.js');
    if (!(await askConfirm(cliMsg.confirmPrompt(question)))) throw new UsageError(cliMsg.cancelled());
  }

  /** Progress on stderr for work that takes over a second; silent when piped or in JSON mode. */
  progress(what: string): { done(): void } {
    const stderr = this.io.stderr;
    if (!stderr.isTTY) return { done() {} };
    let shown = false;
    const timer = setTimeout(() => {
      shown = true;
      stderr.write(`${cliMsg.working(what)}`);
    }, 1000);
    return {
      done() {
        clearTimeout(timer);
        if (shown) stderr.write(`\r${cliMsg.done(what)}\n`);
      },
    };
  }
}

/** Parse a whole number option; exit 2 naming the flag. */
export function intOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(cliMsg.notANumber(flag));
  return Number(value);
}

/** Parse a calendar date option (jjjj-mm-dd); exit 2 naming the flag. */
export function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const d = new Date(`${v}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    throw new UsageError(cliMsg.notADate(flag));
  }
  return v;
}

/** Comma-separated list option: `--knelpunten KP-02,KP-09`. */
export function listOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The exit code for an error, after writing its Dutch message to stderr. */
export async function reportError(app: Pick<CliApp, 'err'>, error: unknown): Promise<number> {
  // By name: the bundled start-up and the lazily loaded actions each have their own copy of this module.
  if (error instanceof UsageError || (error instanceof Error && error.name === 'UsageError')) {
    app.err(cliMsg.errorPrefix(error.message));
    return EXIT.usage;
  }
  const { LlaError } = await import('../core/errors.js');
  if (error instanceof LlaError || (error instanceof Error && error.name === 'LlaError' && 'code' in error)) {
    app.err(cliMsg.errorPrefix(error.message));
    switch ((error as InstanceType<typeof LlaError>).code) {
      case 'validation':
      case 'privacy':
      case 'conflict':
        return EXIT.usage;
      case 'forbidden':
      case 'unknownPerson':
        return EXIT.forbidden;
      case 'notFound':
        return EXIT.notFound;
      default:
        return EXIT.unexpected;
    }
  }
  // Inquirer's Ctrl-C.
  if (error instanceof Error && error.name === 'ExitPromptError') {
    app.err(cliMsg.cancelled());
    return EXIT.usage;
  }
  app.err(cliMsg.unexpected(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  return EXIT.unexpected;
}
