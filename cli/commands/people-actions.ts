/** The actions of the `people` command group (see people.ts for the definitions). */
import { cliMsg } from '../../core/messages-cli.js';
import { peopleMsg as m } from '../../core/messages-cli/people.js';
import type { Context } from '../../core/context.js';
import type { AuditEntry, Person, Region, Role } from '../../core/schema.js';
import { UsageError, dateOption, intOption, listOption, type CliApp } from '../app.js';

export interface PersonOptions {
  naam?: string;
  email?: string;
  rollen?: string;
  regio?: string;
  organisatie?: string;
  vasteSchil?: boolean;
  geenVasteSchil?: boolean;
  slack?: string;
  teams?: string;
  actief?: boolean;
  inactief?: boolean;
}

export interface PersonListOptions {
  rol?: string;
  regio?: string;
  alle?: boolean;
}

export interface RegionOptions {
  code?: string;
  naam?: string;
  gestart?: boolean;
  nietGestart?: boolean;
  startdatum?: string;
  coordinerend?: string;
  actief?: boolean;
  inactief?: boolean;
  alle?: boolean;
}

export interface AuditOptions {
  sinds?: string;
  limiet?: string;
}

/** Roles typed in Dutch (or as the English code), comma-separated. */
export async function parseRoles(value: string | undefined, flag: string): Promise<Role[] | undefined> {
  const items = listOption(value);
  if (items === undefined) return undefined;
  const { roleLabel } = await import('../../core/messages.js');
  const entries = Object.entries(roleLabel) as Array<[Role, string]>;
  const roles = items.map((item) => {
    const key = item.toLowerCase();
    const found = entries.find(([code, label]) => label === key || code.toLowerCase() === key);
    if (!found) throw new UsageError(`${flag}: ${m.unknownRole(item, Object.values(roleLabel))}`);
    return found[0];
  });
  if (roles.length === 0) throw new UsageError(cliMsg.optionNeedsValue(flag));
  return roles;
}

/** A region typed as code or name: its code when known, else the code as typed (the use-case judges it). */
export async function regionCode(ctx: Context, value: string): Promise<string> {
  const { listRegions } = await import('../../core/usecases/people.js');
  const key = value.trim().toUpperCase();
  const region = (await listRegions(ctx, { includeInactive: true })).find((r) => r.code === key || r.name.toUpperCase() === key);
  return region?.code ?? key;
}

/** `-` (or empty) clears an optional value. */
export function clearable(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value.trim() === '' || value.trim() === '-' ? null : value;
}

export function pair(yes: boolean | undefined, no: boolean | undefined, yesFlag: string, noFlag: string): boolean | undefined {
  if (yes && no) throw new UsageError(m.bothFlags(yesFlag, noFlag));
  if (yes) return true;
  if (no) return false;
  return undefined;
}

export async function regionChoices(ctx: Context) {
  const { listRegions } = await import('../../core/usecases/people.js');
  return (await listRegions(ctx)).map((r) => ({ name: `${r.name} (${r.code})`, value: r.code }));
}

export async function personLines(app: CliApp, heading: string, p: Person): Promise<string[]> {
  const { roleLabel } = await import('../../core/messages.js');
  const line = m.personLine;
  return [
    app.bold(heading),
    line(m.labelRoles(), p.roles.map((r) => roleLabel[r]).join(', ')),
    line(m.labelEmail(), p.email),
    ...(p.regionCode ? [line(m.labelRegion(), p.regionCode)] : []),
    ...(p.organisation ? [line(m.labelOrganisation(), p.organisation)] : []),
    line(m.labelPool(), p.poolMember ? cliMsg.yes() : cliMsg.no()),
    ...(p.slackUserId ? [line(m.labelSlack(), p.slackUserId)] : []),
    ...(p.teamsAadObjectId ? [line(m.labelTeams(), p.teamsAadObjectId)] : []),
    line(m.labelActive(), p.active ? cliMsg.yes() : cliMsg.no()),
  ];
}

export async function addPerson(app: CliApp, o: PersonOptions): Promise<void> {
  const ctx = await app.ctx();
  const roles0 = await parseRoles(o.rollen, '--rollen');
  const poolMember = pair(o.vasteSchil, o.geenVasteSchil, '--vaste-schil', '--geen-vaste-schil');
  const { roleLabel } = await import('../../core/messages.js');
  const name = await app.need(o.naam, '--naam', (p) => p.askText(m.askName()));
  const email = await app.need(o.email, '--email', (p) => p.askText(m.askEmail()));
  const roles = await app.need(roles0, '--rollen', (p) =>
    p.askCheckbox(
      m.askRoles(),
      (Object.entries(roleLabel) as Array<[Role, string]>).map(([value, label]) => ({ name: label, value })),
      { required: true },
    ),
  );
  const regional = roles.includes('projectLead') || roles.includes('processDirector');
  let region: string | undefined;
  if (o.regio !== undefined) region = await regionCode(ctx, o.regio);
  else if (regional) region = await app.need(undefined as string | undefined, '--regio', async (p) => p.askSelect(m.askRegion(), await regionChoices(ctx)));

  const { addPerson: add } = await import('../../core/usecases/people.js');
  const person = await add(ctx, {
    name,
    email,
    roles,
    ...(region ? { regionCode: region } : {}),
    ...(o.organisatie !== undefined ? { organisation: o.organisatie } : {}),
    ...(poolMember !== undefined ? { poolMember } : {}),
    ...(o.slack !== undefined ? { slackUserId: o.slack } : {}),
    ...(o.teams !== undefined ? { teamsAadObjectId: o.teams } : {}),
  });
  const lines = await personLines(app, m.personAdded(person.name, person.id), person);
  app.print(person, () => lines);
}

export async function listPeople(app: CliApp, o: PersonListOptions): Promise<void> {
  const ctx = await app.ctx();
  const roles = await parseRoles(o.rol, '--rol');
  if (roles && roles.length > 1) throw new UsageError(cliMsg.invalidValue('--rol', m.optRole()));
  const { listPeople: list, listRegions } = await import('../../core/usecases/people.js');
  let code: string | undefined;
  if (o.regio !== undefined) {
    code = await regionCode(ctx, o.regio);
    if (!(await listRegions(ctx, { includeInactive: true })).some((r) => r.code === code)) {
      const { notFound } = await import('../../core/errors.js');
      throw notFound('Regio', o.regio, 'regionCode');
    }
  }
  const people = await list(ctx, { ...(roles?.[0] ? { role: roles[0] } : {}), ...(code ? { regionCode: code } : {}), includeInactive: !!o.alle });
  const { roleLabel } = await import('../../core/messages.js');
  app.print(people, () => {
    const table = app.table(
      m.personHeaders(!!o.alle),
      people.map((p) => [
        p.id,
        p.name,
        p.email,
        p.roles.map((r) => roleLabel[r]).join(', '),
        p.regionCode,
        p.organisation,
        p.poolMember ? cliMsg.yes() : cliMsg.no(),
        ...(o.alle ? [p.active ? cliMsg.yes() : cliMsg.no()] : []),
      ]),
    );
    return app.io.stdout.isTTY ? [table, '', app.dim(m.peopleCount(people.length))] : table;
  });
}

export async function updatePerson(app: CliApp, who: string | undefined, o: PersonOptions): Promise<void> {
  const ctx = await app.ctx();
  const roles = await parseRoles(o.rollen, '--rollen');
  const poolMember = pair(o.vasteSchil, o.geenVasteSchil, '--vaste-schil', '--geen-vaste-schil');
  const active = pair(o.actief, o.inactief, '--actief', '--inactief');
  const region = clearable(o.regio);
  const changes = {
    ...(o.naam !== undefined ? { name: o.naam } : {}),
    ...(o.email !== undefined ? { email: o.email } : {}),
    ...(roles ? { roles } : {}),
    ...(region !== undefined ? { regionCode: region === null ? null : await regionCode(ctx, region) } : {}),
    ...(o.organisatie !== undefined ? { organisation: clearable(o.organisatie) } : {}),
    ...(poolMember !== undefined ? { poolMember } : {}),
    ...(o.slack !== undefined ? { slackUserId: clearable(o.slack) } : {}),
    ...(o.teams !== undefined ? { teamsAadObjectId: clearable(o.teams) } : {}),
    ...(active !== undefined ? { active } : {}),
  };
  if (who === undefined && !app.canPrompt) throw new UsageError(cliMsg.missingArgument('persoon'));
  if (Object.keys(changes).length === 0) throw new UsageError(m.nothingToChange());
  const { listPeople: list, updatePerson: update } = await import('../../core/usecases/people.js');
  const personId = await app.need(who, '<persoon>', async (p) =>
    p.askSelect(
      m.askPerson(),
      (await list(ctx, { includeInactive: true })).map((x) => ({ name: `${x.name} <${x.email}> (${x.id})`, value: x.id })),
    ),
  );
  const person = await update(ctx, { personId, ...changes });
  const lines = await personLines(app, m.personUpdated(person.name, person.id), person);
  app.print(person, () => lines);
}

// regio ----------------------------------------------------------------------

export async function regionLines(app: CliApp, heading: string, r: Region): Promise<string[]> {
  const { formatDate } = await import('../../core/dates.js');
  return [app.bold(heading), m.regionSummary(r.started, r.startedOn ? formatDate(r.startedOn) : undefined, r.coordinatingProvider)];
}

export async function listRegions(app: CliApp, o: RegionOptions): Promise<void> {
  const ctx = await app.ctx();
  const { listRegions: list } = await import('../../core/usecases/people.js');
  const { formatDate } = await import('../../core/dates.js');
  const regions = await list(ctx, { includeInactive: !!o.alle });
  app.print(regions, () => {
    const table = app.table(
      m.regionHeaders(!!o.alle),
      regions.map((r) => [
        r.code,
        r.name,
        r.started ? cliMsg.yes() : cliMsg.no(),
        r.startedOn ? formatDate(r.startedOn) : undefined,
        r.coordinatingProvider,
        ...(o.alle ? [r.active ? cliMsg.yes() : cliMsg.no()] : []),
      ]),
    );
    return app.io.stdout.isTTY ? [table, '', app.dim(m.regionsCount(regions.length, regions.filter((r) => r.started).length))] : table;
  });
}

export async function addRegion(app: CliApp, o: RegionOptions): Promise<void> {
  const ctx = await app.ctx();
  const started = pair(o.gestart, o.nietGestart, '--gestart', '--niet-gestart');
  const startedOn = dateOption(o.startdatum, '--startdatum');
  const code = await app.need(o.code, '--code', (p) => p.askText(m.askCode()));
  const name = await app.need(o.naam, '--naam', (p) => p.askText(m.askRegionName()));
  const { addRegion: add } = await import('../../core/usecases/people.js');
  const region = await add(ctx, {
    code,
    name,
    ...(started !== undefined ? { started } : {}),
    ...(startedOn ? { startedOn } : {}),
    ...(o.coordinerend !== undefined ? { coordinatingProvider: o.coordinerend } : {}),
  });
  const lines = await regionLines(app, m.regionAdded(region.name, region.code), region);
  app.print(region, () => lines);
}

export async function updateRegion(app: CliApp, codeArg: string | undefined, o: RegionOptions): Promise<void> {
  const ctx = await app.ctx();
  const started = pair(o.gestart, o.nietGestart, '--gestart', '--niet-gestart');
  const active = pair(o.actief, o.inactief, '--actief', '--inactief');
  const startDate = clearable(o.startdatum);
  const changes = {
    ...(o.naam !== undefined ? { name: o.naam } : {}),
    ...(started !== undefined ? { started } : {}),
    ...(startDate !== undefined ? { startedOn: startDate === null ? null : dateOption(startDate, '--startdatum')! } : {}),
    ...(o.coordinerend !== undefined ? { coordinatingProvider: clearable(o.coordinerend) } : {}),
    ...(active !== undefined ? { active } : {}),
  };
  if (codeArg !== undefined && o.code !== undefined && codeArg.trim().toUpperCase() !== o.code.trim().toUpperCase()) {
    throw new UsageError(m.bothFlags('<code>', '--code'));
  }
  const given = codeArg ?? o.code;
  if (given === undefined && !app.canPrompt) throw new UsageError(cliMsg.missingArgument('code'));
  if (Object.keys(changes).length === 0) throw new UsageError(m.nothingToChange());
  const { listRegions: list, updateRegion: update } = await import('../../core/usecases/people.js');
  const code = await app.need(given, '<code>', async (p) =>
    p.askSelect(
      m.askWhichRegion(),
      (await list(ctx, { includeInactive: true })).map((r) => ({ name: `${r.name} (${r.code})`, value: r.code })),
    ),
  );
  const region = await update(ctx, { code: await regionCode(ctx, code), ...changes });
  const lines = await regionLines(app, m.regionUpdated(region.name, region.code), region);
  app.print(region, () => lines);
}

// audit ----------------------------------------------------------------------

/** Midnight in Amsterdam at the start of a calendar day, as an ISO instant. */
export async function startOfDay(day: string): Promise<string> {
  const { TIME_ZONE } = await import('../../core/dates.js');
  // The offset at 00:00 UTC of that day equals the offset at local midnight (switches happen at 01:00 UTC).
  const probe = new Date(`${day}T00:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '')?.[1] ?? '+00:00';
  return new Date(`${day}T00:00:00${offset}`).toISOString();
}

export async function audit(app: CliApp, o: AuditOptions): Promise<void> {
  let since: string | undefined;
  if (o.sinds !== undefined) {
    const v = o.sinds.trim();
    since = /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : await startOfDay(dateOption(v, '--sinds')!);
  }
  const limit = intOption(o.limiet, '--limiet');
  if (limit !== undefined && limit < 1) throw new UsageError(m.limitPositive('--limiet'));
  const ctx = await app.ctx();
  const { listAudit } = await import('../../core/usecases/settings.js');
  const entries = await listAudit(ctx, { ...(since ? { since } : {}), ...(limit ? { limit } : {}) });
  if (app.json) {
    app.print(entries, () => '');
    return;
  }
  const { listPeople } = await import('../../core/usecases/people.js');
  const names = new Map((await listPeople(ctx, { includeInactive: true })).map((p) => [p.id, p.name]));
  const render = await auditRenderer(names);
  app.print(entries, () => {
    const table = app.table(m.auditHeaders(), entries.map(render));
    return app.io.stdout.isTTY ? [table, '', app.dim(m.auditCount(entries.length))] : table;
  });
}

export async function auditRenderer(names: Map<string, string>) {
  const labels = await import('../../core/messages.js');
  const { formatDate, formatDateTime } = await import('../../core/dates.js');
  const personName = (id: string) => (names.has(id) ? `${names.get(id)} (${id})` : id);
  const split = (v: string) => v.split(',').filter((s) => s !== '');

  const detailValue = (entry: AuditEntry, key: string, value: string | number | boolean): string => {
    if (typeof value === 'boolean') return value ? cliMsg.yes() : cliMsg.no();
    if (typeof value === 'number') return String(value);
    switch (key) {
      case 'fields':
        return split(value).map(labels.labelOfField).join(', ');
      case 'roles':
        return split(value)
          .map((r) => labels.roleLabel[r as Role] ?? r)
          .join(', ');
      case 'from':
      case 'to':
      case 'status':
        return (labels.statusLabel as Record<string, string>)[value] ?? value;
      case 'theme':
        return (labels.themeLabel as Record<string, string>)[value] ?? value;
      case 'kind':
        return entry.action.startsWith('event.') ? ((labels.eventKindLabel as Record<string, string>)[value] ?? value) : m.transitionKind(value);
      case 'personId':
      case 'toPersonId':
        return personName(value);
      case 'date':
        return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
      case 'until':
        return Number.isNaN(Date.parse(value)) ? value : formatDateTime(value);
      default:
        return value;
    }
  };

  return (a: AuditEntry): string[] => {
    const subject = a.entityType === 'person' ? personName(a.entityId) : a.entityId;
    const details = Object.entries(a.details ?? {})
      .filter((e): e is [string, string | number | boolean] => e[1] !== null && e[1] !== '')
      .map(([k, v]) => m.auditDetail(m.auditDetailKey(k), detailValue(a, k, v)))
      .join('; ');
    return [
      String(a.seq),
      formatDateTime(a.at),
      a.actorId === 'system' ? m.auditSystem() : personName(a.actorId),
      labels.channelLabel[a.channel],
      m.auditAction(a.action),
      subject,
      details,
    ];
  };
}

// backup / herstel -------------------------------------------------------------

export async function backup(app: CliApp): Promise<void> {
  const store = await app.store();
  const ctx = await app.ctx();
  const { authorizeBackup } = await import('../../core/usecases/settings.js');
  await authorizeBackup(ctx);
  const progress = app.progress(m.backupProgress());
  const file = await store.backup();
  progress.done();
  app.print({ file }, () => m.backupMade(file));
}

export async function restore(app: CliApp, backupArg: string | undefined): Promise<void> {
  const store = await app.store({ createIfMissing: true });
  if (await store.exists()) {
    const { LlaError } = await import('../../core/errors.js');
    const { authorizeRestore } = await import('../../core/usecases/settings.js');
    // Finding the default acting person reads the store too; a broken store is restorable (core's rule).
    const ctx = await app.ctx().catch((error: unknown) => {
      if (error instanceof LlaError && error.code === 'storeInvalid') return null;
      throw error;
    });
    if (ctx) await authorizeRestore(ctx);
  }
  if (backupArg === undefined && !app.canPrompt) throw new UsageError(cliMsg.missingArgument('back-up'));
  const backups = await store.listBackups();
  const chosen = await app.need(backupArg, '<back-up>', async (p) => {
    if (backups.length === 0) throw new UsageError(m.noBackups(store.backupDir));
    const { formatDateTime } = await import('../../core/dates.js');
    return p.askSelect(
      m.askBackup(),
      backups.map((b) => ({ name: m.backupChoice(b.name, formatDateTime(b.mtime), Math.max(1, Math.round(b.size / 1024))), value: b.name })),
    );
  });
  const path = await import('node:path');
  const bare = !path.isAbsolute(chosen) && !chosen.includes(path.sep);
  if (bare && !backups.some((b) => b.name === chosen)) {
    const { notFound } = await import('../../core/errors.js');
    throw notFound('Back-up', chosen);
  }
  await app.confirm(m.confirmRestore(chosen));
  const source = await store.restore(chosen);
  app.print({ restored: source, file: store.file }, () => m.restored(source));
}
