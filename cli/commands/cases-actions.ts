/** The actions of the `cases` command group (see cases.ts for the definitions). */
import { cliMsg } from '../../core/messages-cli.js';
import { casesMsg, helpSlug, stepSlug, themeSlug } from '../../core/messages-cli/cases.js';
import type { CaseStatus, StuckCase } from '../../core/schema.js';
import { dateOption, intOption, listOption, UsageError, type CliApp } from '../app.js';

export interface MeldOptions {
  regio?: string;
  thema?: string;
  knelpunten?: string;
  schets?: string;
  stappen?: string;
  toelichtingStappen?: string;
  dakloosOp?: string;
  hulp?: string;
}

export interface LijstOptions {
  regio?: string;
  status?: string;
  ouderDan?: string;
  open?: boolean;
}

export interface StatusOptions {
  toelichting?: string;
  probleemeigenaar?: string;
}

export interface NotitieOptions {
  tekst?: string;
  aan?: string;
}

export interface SluitOptions {
  uitkomst?: string;
  les?: string;
  zonderOplossing?: boolean;
}



export const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_/]+/g, '-');

/** One enum value from what a person typed: Dutch slug, Dutch label or the English key. */
export function pick<T extends string>(flag: string, value: string, all: readonly T[], slug: Record<T, string>, label: Record<T, string>): T {
  const key = normalise(value);
  const found = all.find((v) => normalise(slug[v]) === key || normalise(label[v]) === key || v.toLowerCase() === key.replace(/-/g, ''));
  if (!found) throw new UsageError(casesMsg.unknownChoice(flag, value, all.map((v) => slug[v]).join(', ')));
  return found;
}

export function pickList<T extends string>(flag: string, value: string, all: readonly T[], slug: Record<T, string>, label: Record<T, string>): T[] {
  return (listOption(value) ?? []).map((v) => pick(flag, v, all, slug, label));
}

/** Name the flag with core's field error, so a script knows what to fix. */
export async function withFlags<T>(flags: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const { LlaError } = await import('../../core/errors.js');
    if (error instanceof LlaError) {
      const flag = error.field ? flags[error.field] : undefined;
      if (flag) throw new LlaError(error.code, casesMsg.withFlag(error.message, flag), error.fields);
    }
    throw error;
  }
}

export async function peopleNames(app: CliApp): Promise<Map<string, string>> {
  const { listPeople } = await import('../../core/usecases/people.js');
  const people = await listPeople(await app.ctx(), { includeInactive: true });
  return new Map(people.map((p) => [p.id, p.name]));
}

// Commands -------------------------------------------------------------------

export async function meld(app: CliApp, o: MeldOptions): Promise<void> {
  const ctx = await app.ctx();
  const [{ CASE_THEMES, REGIONAL_STEPS, HELP_KINDS }, m, people, { listBottlenecks }, { reportCase }] = await Promise.all([
    import('../../core/schema.js'),
    import('../../core/messages.js'),
    import('../../core/usecases/people.js'),
    import('../../core/usecases/signals.js'),
    import('../../core/usecases/cases.js'),
  ]);
  const me = await people.whoAmI(ctx);

  // Region: the flag, else (on a terminal) a choice prefilled from the profile, else the profile's region.
  let regionCode = o.regio?.trim() || undefined;
  if (!regionCode) {
    const regions = await people.listRegions(ctx);
    const isQuartermaster = !!me?.roles.includes('quartermaster');
    const mine = regions.find((r) => r.code === me?.regionCode);
    if (!app.canPrompt) {
      if (!mine) throw new UsageError(casesMsg.regionNeeded());
    } else if (!isQuartermaster && mine) {
      app.out(casesMsg.regionFromProfile(mine.name, mine.code));
    } else {
      regionCode = await app.need(undefined as string | undefined, '--regio', (p) =>
        p.askSelect(
          casesMsg.askRegion(),
          regions.map((r) => ({ name: `${r.name} (${r.code})`, value: r.code })),
          mine?.code,
        ),
      );
    }
  }

  const theme = o.thema
    ? pick('--thema', o.thema, CASE_THEMES, themeSlug, m.themeLabel)
    : await app.need(undefined, '--thema', (p) => p.askSelect(casesMsg.askTheme(), CASE_THEMES.map((t) => ({ name: m.themeLabel[t], value: t }))));

  let bottleneckIds: string[] = [];
  if (o.knelpunten !== undefined) {
    bottleneckIds = (listOption(o.knelpunten) ?? []).map((id) => id.toUpperCase());
  } else if (app.canPrompt) {
    const active = await listBottlenecks(ctx);
    const { askCheckbox } = await import('../prompt.js');
    bottleneckIds = await askCheckbox(
      casesMsg.askBottlenecks(),
      active.map((b) => ({ name: `${b.id} ${b.title}`, value: b.id })),
    );
  }

  let sketch = await app.need(o.schets, '--schets', (p) => p.askText(casesMsg.askSketch()));

  const stepsTried = o.stappen
    ? pickList('--stappen', o.stappen, REGIONAL_STEPS, stepSlug, m.stepLabel)
    : await app.need(undefined, '--stappen', (p) =>
        p.askCheckbox(casesMsg.askSteps(), REGIONAL_STEPS.map((s) => ({ name: m.stepLabel[s], value: s })), { required: true }),
      );

  let stepsNote = o.toelichtingStappen?.trim() || undefined;
  if (o.toelichtingStappen === undefined && app.canPrompt) {
    const { askText } = await import('../prompt.js');
    stepsNote = (await askText(casesMsg.askStepsNote(), { required: false })).trim() || undefined;
  }

  let homelessOn = dateOption(o.dakloosOp, '--dakloos-op');
  if (o.dakloosOp === undefined && app.canPrompt) {
    const { askDate } = await import('../prompt.js');
    homelessOn = (await askDate(casesMsg.askHomelessOn(), { required: false })).trim() || undefined;
  }

  const helpAsked = o.hulp
    ? pickList('--hulp', o.hulp, HELP_KINDS, helpSlug, m.helpLabel)
    : await app.need(undefined, '--hulp', (p) =>
        p.askCheckbox(casesMsg.askHelp(), HELP_KINDS.map((h) => ({ name: m.helpLabel[h], value: h })), { required: true }),
      );

  const report = () =>
    withFlags(
      {
        regionCode: '--regio',
        theme: '--thema',
        bottleneckIds: '--knelpunten',
        sketch: '--schets',
        stepsTried: '--stappen',
        stepsNote: '--toelichting-stappen',
        homelessOn: '--dakloos-op',
        helpAsked: '--hulp',
      },
      () =>
        reportCase(ctx, {
          ...(regionCode ? { regionCode } : {}),
          theme,
          bottleneckIds,
          sketch,
          stepsTried,
          ...(stepsNote ? { stepsNote } : {}),
          ...(homelessOn ? { homelessOn } : {}),
          helpAsked,
        }),
    );
  // On a terminal, a privacy refusal of a text that was asked is shown and the text asked again.
  const { LlaError } = await import('../../core/errors.js');
  let created: StuckCase | undefined;
  while (!created) {
    try {
      created = await report();
    } catch (error) {
      const field = error instanceof LlaError && error.code === 'privacy' ? error.field : undefined;
      if (field === 'sketch' && o.schets === undefined && app.canPrompt) {
        app.err(cliMsg.errorPrefix(error instanceof Error ? error.message : ''));
        const { askText } = await import('../prompt.js');
        sketch = await askText(casesMsg.askSketch());
      } else if (field === 'stepsNote' && o.toelichtingStappen === undefined && app.canPrompt) {
        app.err(cliMsg.errorPrefix(error instanceof Error ? error.message : ''));
        const { askText } = await import('../prompt.js');
        stepsNote = (await askText(casesMsg.askStepsNote(), { required: false })).trim() || undefined;
      } else {
        throw error;
      }
    }
  }
  const regions = await people.listRegions(ctx, { includeInactive: true });
  const regionName = regions.find((r) => r.code === created.regionCode)?.name ?? created.regionCode;
  app.print(created, () => [app.bold(casesMsg.reported(created.code, regionName, m.themeLabel[created.theme])), casesMsg.reportedNext(created.code)]);
}

export async function lijst(app: CliApp, o: LijstOptions): Promise<void> {
  const ctx = await app.ctx();
  const [{ CASE_STATUSES }, m, { listCases, daysInStatus }] = await Promise.all([
    import('../../core/schema.js'),
    import('../../core/messages.js'),
    import('../../core/usecases/cases.js'),
  ]);
  const status = o.status !== undefined ? pickList('--status', o.status, CASE_STATUSES, m.statusSlug, m.statusLabel) : undefined;
  const olderThanDays = intOption(o.ouderDan, '--ouder-dan');
  const cases = await withFlags({ regionCode: '--regio', olderThanDays: '--ouder-dan', status: '--status' }, () =>
    listCases(ctx, {
      ...(o.regio ? { regionCode: o.regio } : {}),
      ...(status && status.length > 0 ? { status } : {}),
      ...(olderThanDays !== undefined ? { olderThanDays } : {}),
      ...(o.open ? { openOnly: true } : {}),
    }),
  );
  const now = ctx.clock.now();
  const rows = cases.map((c) => ({ ...c, daysInStatus: daysInStatus(c, now) }));
  const names = app.json ? new Map<string, string>() : await peopleNames(app);
  app.print(rows, () =>
    rows.length === 0 && app.io.stdout.isTTY
      ? casesMsg.noCases()
      : [
          app.table(
            casesMsg.listHeaders(),
            rows.map((c) => [c.code, c.regionCode, m.themeLabel[c.theme], m.statusLabel[c.status], c.daysInStatus, names.get(c.reporterId) ?? c.reporterId]),
          ),
          ...(app.io.stdout.isTTY ? ['', app.dim(casesMsg.listCount(rows.length))] : []),
        ],
  );
}

export async function toon(app: CliApp, code: string): Promise<void> {
  const ctx = await app.ctx();
  const [m, dates, { getCase, daysInStatus, statusSince }] = await Promise.all([
    import('../../core/messages.js'),
    import('../../core/dates.js'),
    import('../../core/usecases/cases.js'),
  ]);
  const c = await getCase(ctx, code);
  if (app.json) {
    app.print(c, () => '');
    return;
  }
  const [names, { listRegions }, { listBottlenecks }] = await Promise.all([
    peopleNames(app),
    import('../../core/usecases/people.js'),
    import('../../core/usecases/signals.js'),
  ]);
  const region = (await listRegions(ctx, { includeInactive: true })).find((r) => r.code === c.regionCode);
  const bottlenecks = new Map((await listBottlenecks(ctx, { includeInactive: true })).map((b) => [b.id, b.title]));
  const who = (id: string) => names.get(id) ?? id;
  const facts: Array<[string, string | undefined]> = [
    [casesMsg.factRegion(), region ? `${region.name} (${region.code})` : c.regionCode],
    [casesMsg.factTheme(), m.themeLabel[c.theme]],
    [casesMsg.factStatus(), casesMsg.statusSinceDays(m.statusLabel[c.status], dates.formatDate(statusSince(c)), daysInStatus(c, ctx.clock.now()))],
    [casesMsg.factReporter(), casesMsg.reportedBy(who(c.reporterId), dates.formatDate(c.reportedAt), m.channelLabel[c.channel])],
    [casesMsg.factBottlenecks(), c.bottleneckIds.length ? c.bottleneckIds.map((id) => `${id} ${bottlenecks.get(id) ?? ''}`.trim()).join('; ') : cliMsg.none()],
    [casesMsg.factHelp(), c.helpAsked.map((h) => m.helpLabel[h]).join(', ')],
    [casesMsg.factSteps(), c.stepsTried.map((s) => m.stepLabel[s]).join('; ')],
    [casesMsg.factStepsNote(), c.stepsNote],
    [casesMsg.factHomelessOn(), c.homelessOn ? dates.formatDate(c.homelessOn) : undefined],
    [casesMsg.factSketch(), c.sketch || (c.freeTextPurgedAt ? casesMsg.purged(dates.formatDate(c.freeTextPurgedAt)) : undefined)],
    [casesMsg.factProblemOwner(), c.problemOwner],
    [casesMsg.factOutcome(), c.outcome],
    [casesMsg.factLesson(), c.lesson],
    [casesMsg.factClosedAt(), c.closedAt ? dates.formatDate(c.closedAt) : undefined],
  ];
  const shown = facts.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
  const width = Math.max(...shown.map(([k]) => k.length)) + 1;
  const lines = [app.bold(casesMsg.title(c.code, m.statusLabel[c.status])), ...shown.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}`)];
  lines.push('', app.bold(casesMsg.historyTitle()));
  for (const h of c.history) {
    const when = dates.formatDateTime(h.at);
    lines.push(h.from === null ? casesMsg.historyFirst(when, m.statusLabel[h.to], who(h.byPersonId)) : casesMsg.historyLine(when, m.statusLabel[h.from], m.statusLabel[h.to], who(h.byPersonId)));
    if (h.reason) lines.push(casesMsg.historyReason(h.reason));
  }
  lines.push('', app.bold(casesMsg.notesTitle()));
  if (c.notes.length === 0) lines.push(app.dim(cliMsg.none()));
  for (const n of c.notes) {
    lines.push(casesMsg.noteLine(dates.formatDateTime(n.at), who(n.byPersonId), n.toPersonId ? who(n.toPersonId) : undefined), casesMsg.noteText(n.text));
  }
  app.print(c, () => lines);
}

export const MOVE_FLAGS = { reason: '--toelichting', problemOwner: '--probleemeigenaar', status: '<status>', caseCode: '<code>' };

export async function status_(app: CliApp, code: string, typed: string | undefined, o: StatusOptions): Promise<void> {
  const ctx = await app.ctx();
  const [{ CASE_STATUSES }, m, route, { getCase, moveCase }] = await Promise.all([
    import('../../core/schema.js'),
    import('../../core/messages.js'),
    import('../../core/case-route.js'),
    import('../../core/usecases/cases.js'),
  ]);
  let to: CaseStatus | undefined = typed ? pick('<status>', typed, CASE_STATUSES, m.statusSlug, m.statusLabel) : undefined;
  if (to && route.FINAL_STATUSES.has(to)) throw new UsageError(casesMsg.closeWithSluit(code.toUpperCase()));
  if (!to && !app.canPrompt) throw new UsageError(casesMsg.missingStatus());

  // On a terminal: ask what is missing, from the route table.
  let reason = o.toelichting;
  let problemOwner = o.probleemeigenaar;
  if (app.canPrompt) {
    const c = await getCase(ctx, code);
    if (!to) {
      const options = route.nextStatuses(c.status).filter((s) => !route.FINAL_STATUSES.has(s));
      if (options.length === 0) throw new UsageError(casesMsg.noNextStatus(c.code));
      const { askSelect } = await import('../prompt.js');
      to = await askSelect(casesMsg.askStatus(c.code, m.statusLabel[c.status]), options.map((s) => ({ name: m.statusLabel[s], value: s })));
    }
    const rule = route.findTransition(c.status, to);
    if (rule?.needsReason && !reason) reason = await app.need(reason, '--toelichting', (p) => p.askText(casesMsg.askReason()));
    if (rule?.needsProblemOwner && !problemOwner && !c.problemOwner) {
      problemOwner = await app.need(problemOwner, '--probleemeigenaar', (p) => p.askText(casesMsg.askProblemOwner()));
    }
  }
  const target = to!;
  const moved = await withFlags(MOVE_FLAGS, () =>
    moveCase(ctx, { caseCode: code, to: target, ...(reason ? { reason } : {}), ...(problemOwner ? { problemOwner } : {}) }),
  );
  const last = moved.history[moved.history.length - 1]!;
  app.print(moved, () => casesMsg.moved(moved.code, last.from ? m.statusLabel[last.from] : '', m.statusLabel[moved.status]));
}

export async function notitie(app: CliApp, code: string, o: NotitieOptions): Promise<void> {
  const ctx = await app.ctx();
  const { getCase, addCaseNote } = await import('../../core/usecases/cases.js');
  const c = await getCase(ctx, code); // unknown code (4) or other region (3) before any question
  const text = await app.need(o.tekst, '--tekst', (p) => p.askText(casesMsg.askNoteText()));
  let to = o.aan?.trim() || undefined;
  if (o.aan === undefined && app.canPrompt) {
    const { listPeople } = await import('../../core/usecases/people.js');
    const people = await listPeople(ctx);
    const { askSelect } = await import('../prompt.js');
    to =
      (await askSelect<string>(casesMsg.askNoteTo(), [
        { name: casesMsg.noteToNobody(), value: '' },
        ...people.map((p) => ({ name: `${p.name} (${p.email})`, value: p.id })),
      ])) || undefined;
  }
  const updated = await withFlags({ text: '--tekst', toPersonId: '--aan' }, () =>
    addCaseNote(ctx, { caseCode: c.code, text, ...(to ? { toPersonId: to } : {}) }),
  );
  const note = updated.notes[updated.notes.length - 1];
  const names = note?.toPersonId && !app.json ? await peopleNames(app) : undefined;
  app.print(updated, () => casesMsg.noted(updated.code, note?.toPersonId ? (names?.get(note.toPersonId) ?? note.toPersonId) : undefined));
}

export async function sluit(app: CliApp, code: string, o: SluitOptions): Promise<void> {
  const ctx = await app.ctx();
  const [m, { getCase, closeCase }] = await Promise.all([import('../../core/messages.js'), import('../../core/usecases/cases.js')]);
  const c = await getCase(ctx, code); // unknown code (4) or other region (3) before any question
  let resolved = !o.zonderOplossing;
  if (o.zonderOplossing === undefined && app.canPrompt) {
    const { askSelect } = await import('../prompt.js');
    resolved = await askSelect(casesMsg.askResolved(), [
      { name: m.statusLabel.resolved, value: true },
      { name: m.statusLabel.closedUnresolved, value: false },
    ]);
  }
  const outcome = await app.need(o.uitkomst, '--uitkomst', (p) => p.askText(casesMsg.askOutcome()));
  let lesson = o.les?.trim() || undefined;
  if (o.les === undefined && app.canPrompt) {
    const { askText } = await import('../prompt.js');
    lesson = (await askText(casesMsg.askLesson(), { required: false })).trim() || undefined;
  }
  const label = m.statusLabel[resolved ? 'resolved' : 'closedUnresolved'];
  await app.confirm(casesMsg.confirmClose(c.code, label));
  const closed = await withFlags({ outcome: '--uitkomst', lesson: '--les', status: '--zonder-oplossing' }, () =>
    closeCase(ctx, { caseCode: c.code, resolved, outcome, ...(lesson ? { lesson } : {}) }),
  );
  app.print(closed, () => casesMsg.closed(closed.code, m.statusLabel[closed.status]));
}
