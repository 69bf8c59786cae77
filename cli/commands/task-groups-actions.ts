/** The actions of the `task-groups` command group (see task-groups.ts for the definitions). */
import { cliMsg } from '../../core/messages-cli.js';
import { bottleneckMsg, signalMsg, taskGroupMsg } from '../../core/messages-cli/task-groups.js';
import type { Context } from '../../core/context.js';
import type { Person, TaskGroup } from '../../core/schema.js';
import { dateOption, intOption, listOption, UsageError, type CliApp } from '../app.js';

export type Prompt = typeof import('../prompt.js');

export const usecases = {
  taskGroups: () => import('../../core/usecases/task-groups.js'),
  signals: () => import('../../core/usecases/signals.js'),
  people: () => import('../../core/usecases/people.js'),
  dates: () => import('../../core/dates.js'),
};

/** A positional argument that may be asked for on a terminal; without one, exit 2 naming it. */
export async function argOrAsk(app: CliApp, value: string | undefined, name: string, ask: (p: Prompt) => Promise<string>): Promise<string> {
  if (value !== undefined && value.trim() !== '') return value.trim();
  if (!app.canPrompt) throw new UsageError(cliMsg.missingArgument(name));
  return ask(await import('../prompt.js'));
}

/** `KP-02`, `kp-2`, `KP2` and `2` all name bottleneck KP-02. */
export function bottleneckKey(value: string): string {
  const v = value.trim().toUpperCase();
  const m = /^(?:KP-?)?(\d+)$/.exec(v);
  return m ? `KP-${m[1]!.padStart(2, '0')}` : v;
}

/** A region by code or name (case-insensitive); anything else goes to the use-case as typed, upper-cased. */
export async function regionKey(ctx: Context, value: string): Promise<string> {
  const { listRegions } = await usecases.people();
  const key = value.trim().toUpperCase();
  const region = (await listRegions(ctx, { includeInactive: true })).find((r) => r.code === key || r.name.toUpperCase() === key);
  return region?.code ?? key;
}

/** Everyone the actor may see, by id. */
export async function peopleById(ctx: Context): Promise<Map<string, Person>> {
  const { listPeople } = await usecases.people();
  return new Map((await listPeople(ctx, { includeInactive: true })).map((p) => [p.id, p]));
}

export function findPersonIn(people: Map<string, Person>, idOrEmail: string): Person | undefined {
  const key = idOrEmail.trim().toLowerCase();
  return [...people.values()].find((p) => p.id.toLowerCase() === key || p.email.toLowerCase() === key);
}

export const nameOf = (people: Map<string, Person>, id: string | undefined) => (id ? (people.get(id)?.name ?? id) : undefined);

/** The five tasks, as the store's reference data names them. */
export async function taskTitles(app: CliApp): Promise<Map<number, string>> {
  const data = await (await app.store()).read();
  return new Map(data.reference.tasks.map((t) => [t.number as number, t.title]));
}

export function personChoices(people: Person[]) {
  return people.map((p) => ({ name: `${p.name} (${p.id}${p.regionCode ? `, ${p.regionCode}` : ''})`, value: p.id }));
}

export async function poolMembers(ctx: Context): Promise<Person[]> {
  const { listPeople } = await usecases.people();
  return (await listPeople(ctx)).filter((p) => p.poolMember);
}

export async function askTaskGroup(ctx: Context, p: Prompt, options: { includeDissolved?: boolean } = {}): Promise<string> {
  const { listTaskGroups } = await usecases.taskGroups();
  const groups = await listTaskGroups(ctx, options);
  if (groups.length === 0) throw new UsageError(taskGroupMsg.noTaskGroups());
  return p.askSelect(
    taskGroupMsg.askTaskGroup(),
    groups.map((g) => ({ name: `${g.id}  ${g.name}`, value: g.id })),
  );
}

export async function askBottleneck(ctx: Context, p: Prompt, question: string): Promise<string> {
  const { listBottlenecks } = await usecases.signals();
  const list = await listBottlenecks(ctx);
  return p.askSelect(
    question,
    list.map((b) => ({ name: `${b.id}  ${b.title}`, value: b.id })),
  );
}

export async function askRegion(ctx: Context, p: Prompt): Promise<string> {
  const { listRegions } = await usecases.people();
  const regions = await listRegions(ctx);
  return p.askSelect(
    signalMsg.askRegion(),
    regions.map((r) => ({ name: `${r.name} (${r.code})`, value: r.code })),
  );
}

// taakgroep --------------------------------------------------------------------

export interface NewTaskGroupOptions {
  naam?: string;
  taak?: string;
  doel?: string;
  leden?: string;
  aanspreekpunt?: string;
  deadline?: string;
}

export async function newTaskGroup(app: CliApp, o: NewTaskGroupOptions): Promise<void> {
  const ctx = await app.ctx();
  // Check what was typed before asking anything.
  const givenTask = intOption(o.taak, '--taak');
  const deadlineGiven = dateOption(o.deadline, '--deadline');
  const memberIds = listOption(o.leden);
  // Asked for everything only when a required value is missing on a terminal.
  const interactive = app.canPrompt && (!o.naam?.trim() || givenTask === undefined || !o.doel?.trim());
  const tasks = await taskTitles(app);

  const name = await app.need(o.naam, '--naam', (p) => p.askText(taskGroupMsg.askName()));
  const task = await app.need(givenTask, '--taak', (p) =>
    p.askSelect(
      taskGroupMsg.askTask(),
      [...tasks].map(([n, title]) => ({ name: taskGroupMsg.taskTitle(n, title), value: n })),
    ),
  );
  const goal = await app.need(o.doel, '--doel', (p) => p.askText(taskGroupMsg.askGoal()));

  let members = memberIds;
  let firstContact = o.aanspreekpunt?.trim() || undefined;
  let deadline = deadlineGiven;
  if (interactive) {
    const p = await import('../prompt.js');
    const pool = await poolMembers(ctx);
    if (members === undefined && pool.length > 0) members = await p.askCheckbox(taskGroupMsg.askMembers(), personChoices(pool));
    if (firstContact === undefined && pool.length > 0) {
      const chosen = pool.filter((x) => members?.includes(x.id));
      const choices = [{ name: taskGroupMsg.noFirstContact(), value: '' }, ...personChoices(chosen.length > 0 ? chosen : pool)];
      firstContact = (await p.askSelect(taskGroupMsg.askFirstContact(), choices)) || undefined;
    }
    if (deadline === undefined) deadline = (await p.askDate(taskGroupMsg.askDeadline(), { required: false })).trim() || undefined;
  }

  const { createTaskGroup } = await usecases.taskGroups();
  const created = await createTaskGroup(ctx, {
    name,
    task,
    goal,
    memberIds: members ?? [],
    ...(firstContact ? { firstContactId: firstContact } : {}),
    ...(deadline ? { deadline } : {}),
  });
  const people = await peopleById(ctx);
  const { formatDate } = await usecases.dates();
  app.print(created, () => [
    taskGroupMsg.created(created.id, created.name, taskGroupMsg.taskTitle(created.task, tasks.get(created.task))),
    taskGroupMsg.membersLine(created.memberIds.map((id) => nameOf(people, id) ?? id)),
    taskGroupMsg.firstContactLine(nameOf(people, created.firstContactId)),
    taskGroupMsg.deadlineLine(created.deadline ? formatDate(created.deadline) : undefined),
  ]);
}

export async function listTaskGroupsCmd(app: CliApp, o: { alle?: boolean }): Promise<void> {
  const ctx = await app.ctx();
  const { listTaskGroups } = await usecases.taskGroups();
  const groups = await listTaskGroups(ctx, { includeDissolved: !!o.alle });
  if (app.json) return app.print(groups, () => '');
  const people = await peopleById(ctx);
  const { formatDate } = await usecases.dates();
  app.print(groups, () =>
    app.table(
      taskGroupMsg.headers(),
      groups.map((g) => [
        g.id,
        g.name,
        g.task,
        g.memberIds.length,
        nameOf(people, g.firstContactId),
        g.deadline ? formatDate(g.deadline) : undefined,
        taskGroupMsg.statusLabel(g.status),
        g.progress.length > 0 ? formatDate(g.progress[g.progress.length - 1]!.at) : undefined,
      ]),
    ),
  );
}

export async function showTaskGroup(app: CliApp, idArg: string | undefined): Promise<void> {
  const ctx = await app.ctx();
  const id = await argOrAsk(app, idArg, 'taakgroep', (p) => askTaskGroup(ctx, p, { includeDissolved: true }));
  const { getTaskGroup } = await usecases.taskGroups();
  const g = await getTaskGroup(ctx, id);
  if (app.json) return app.print(g, () => '');
  const people = await peopleById(ctx);
  const tasks = await taskTitles(app);
  const { formatDate, formatDateTime } = await usecases.dates();
  app.print(g, () => [
    app.bold(taskGroupMsg.title(g.id, g.name)),
    taskGroupMsg.taskLine(taskGroupMsg.taskTitle(g.task, tasks.get(g.task))),
    taskGroupMsg.goalLine(g.goal),
    taskGroupMsg.statusLine(taskGroupMsg.statusLabel(g.status), g.dissolvedAt ? formatDate(g.dissolvedAt) : undefined),
    taskGroupMsg.createdLine(formatDate(g.createdAt), nameOf(people, g.createdById) ?? g.createdById),
    taskGroupMsg.firstContactLine(nameOf(people, g.firstContactId)),
    taskGroupMsg.deadlineLine(g.deadline ? formatDate(g.deadline) : undefined),
    ...(g.result ? [taskGroupMsg.resultLine(g.result)] : []),
    taskGroupMsg.membersHeader(g.memberIds.length),
    ...g.memberIds.map((m) => taskGroupMsg.memberItem(nameOf(people, m) ?? m, m, m === g.firstContactId)),
    ...(g.progress.length === 0
      ? [taskGroupMsg.timelineEmpty()]
      : [
          taskGroupMsg.timelineHeader(g.progress.length),
          ...g.progress.map((u) => taskGroupMsg.timelineItem(formatDateTime(u.at), nameOf(people, u.byPersonId) ?? u.byPersonId, u.text)),
        ]),
  ]);
}

export async function memberCmd(
  app: CliApp,
  idArg: string | undefined,
  personArg: string | undefined,
  o: { verwijder?: boolean; aanspreekpunt?: boolean },
): Promise<void> {
  if (o.verwijder && o.aanspreekpunt) throw new UsageError(taskGroupMsg.removeAndFirstContact());
  const ctx = await app.ctx();
  const uc = await usecases.taskGroups();
  const id = await argOrAsk(app, idArg, 'taakgroep', (p) => askTaskGroup(ctx, p));
  const personKey = await argOrAsk(app, personArg, 'persoon', async (p) => {
    const people = await peopleById(ctx);
    const candidates = o.verwijder
      ? (await uc.getTaskGroup(ctx, id)).memberIds.map((m) => people.get(m)).filter((x): x is Person => !!x)
      : await poolMembers(ctx);
    if (candidates.length === 0) throw new UsageError(taskGroupMsg.noCandidates());
    return p.askSelect(taskGroupMsg.askPerson(), personChoices(candidates));
  });

  let result: TaskGroup;
  let line: (name: string, id: string) => string;
  if (o.verwijder) {
    result = await uc.removeTaskGroupMember(ctx, { taskGroupId: id, personId: personKey });
    line = taskGroupMsg.memberRemoved;
  } else if (o.aanspreekpunt) {
    // The first contact must be a member: add them first when they are not yet (as `nieuw` does).
    const current = await uc.getTaskGroup(ctx, id);
    const person = findPersonIn(await peopleById(ctx), personKey);
    if (!person || !current.memberIds.includes(person.id)) await uc.addTaskGroupMember(ctx, { taskGroupId: id, personId: personKey });
    result = await uc.setFirstContact(ctx, { taskGroupId: id, personId: person?.id ?? personKey });
    line = taskGroupMsg.firstContactSet;
  } else {
    result = await uc.addTaskGroupMember(ctx, { taskGroupId: id, personId: personKey });
    line = taskGroupMsg.memberAdded;
  }
  const person = findPersonIn(await peopleById(ctx), personKey);
  app.print(result, () => line(person?.name ?? personKey, result.id));
}

export async function progressCmd(app: CliApp, idArg: string | undefined, o: { tekst?: string }): Promise<void> {
  const ctx = await app.ctx();
  const id = await argOrAsk(app, idArg, 'taakgroep', (p) => askTaskGroup(ctx, p));
  const text = await app.need(o.tekst, '--tekst', (p) => p.askText(taskGroupMsg.askText()));
  const { addProgress } = await usecases.taskGroups();
  const g = await addProgress(ctx, { taskGroupId: id, text });
  app.print(g, () => taskGroupMsg.progressAdded(g.id, g.progress.length));
}

export async function dissolveCmd(app: CliApp, idArg: string | undefined, o: { resultaat?: string }): Promise<void> {
  const ctx = await app.ctx();
  const uc = await usecases.taskGroups();
  const id = await argOrAsk(app, idArg, 'taakgroep', (p) => askTaskGroup(ctx, p));
  const current = await uc.getTaskGroup(ctx, id); // unknown id: exit 4 before anything is asked
  const result = await app.need(o.resultaat, '--resultaat', (p) => p.askText(taskGroupMsg.askResult()));
  await app.confirm(taskGroupMsg.confirmDissolve(current.id, current.name));
  const g = await uc.dissolveTaskGroup(ctx, { taskGroupId: id, result });
  const { formatDate } = await usecases.dates();
  app.print(g, () => taskGroupMsg.dissolved(g.id, formatDate(g.dissolvedAt ?? new Date())));
}

// knelpunt ---------------------------------------------------------------------

export interface NewBottleneckOptions {
  titel?: string;
  eigenaar?: string;
  omschrijving?: string;
  aanvliegroute?: string;
}

export async function listBottlenecksCmd(app: CliApp, o: { alle?: boolean }): Promise<void> {
  const ctx = await app.ctx();
  const { listBottlenecks } = await usecases.signals();
  const list = await listBottlenecks(ctx, { includeInactive: !!o.alle });
  app.print(list, () => app.table(bottleneckMsg.headers(), list.map((b) => [b.id, b.title, b.owner, b.signalCount])));
}

export async function newBottleneck(app: CliApp, o: NewBottleneckOptions): Promise<void> {
  const ctx = await app.ctx();
  const interactive = app.canPrompt && (!o.titel?.trim() || !o.eigenaar?.trim());
  const title = await app.need(o.titel, '--titel', (p) => p.askText(bottleneckMsg.askTitle()));
  const owner = await app.need(o.eigenaar, '--eigenaar', async (p) => {
    const owners = (await (await app.store()).read()).reference.problemOwners;
    const chosen = await p.askSelect(bottleneckMsg.askOwner(), [
      ...owners.map((x) => ({ name: x, value: x })),
      { name: bottleneckMsg.otherOwner(), value: '' },
    ]);
    return chosen || p.askText(bottleneckMsg.askOwnerText());
  });
  let description = o.omschrijving;
  let approach = o.aanvliegroute;
  if (interactive) {
    const p = await import('../prompt.js');
    if (description === undefined) description = await p.askText(bottleneckMsg.askDescription(), { required: false });
    if (approach === undefined) approach = await p.askText(bottleneckMsg.askApproach(), { required: false });
  }
  const { addBottleneck } = await usecases.signals();
  const b = await addBottleneck(ctx, {
    title,
    owner,
    ...(description !== undefined ? { description } : {}),
    ...(approach !== undefined ? { approach } : {}),
  });
  app.print(b, () => [bottleneckMsg.created(b.id, b.title), bottleneckMsg.ownerLine(b.owner)]);
}

export async function showBottleneck(app: CliApp, idArg: string | undefined): Promise<void> {
  const ctx = await app.ctx();
  const id = await argOrAsk(app, idArg, 'knelpunt', (p) => askBottleneck(ctx, p, bottleneckMsg.askBottleneck()));
  const { getBottleneck } = await usecases.signals();
  const b = await getBottleneck(ctx, bottleneckKey(id));
  const { formatDate } = await usecases.dates();
  app.print(b, () => [
    app.bold(bottleneckMsg.title(b.id, b.title)),
    bottleneckMsg.descriptionLine(b.description),
    bottleneckMsg.approachLine(b.approach),
    bottleneckMsg.ownerLine(b.owner),
    bottleneckMsg.sourceLine(b.wlzNumber, formatDate(b.createdAt)),
    bottleneckMsg.activeLine(b.active),
    bottleneckMsg.signalsLine(b.signalCount),
  ]);
}

// signaal ----------------------------------------------------------------------

export interface NewSignalOptions {
  knelpunt?: string;
  regio?: string;
  toelichting?: string;
}

export interface ListSignalOptions {
  van?: string;
  tot?: string;
  regio?: string;
  knelpunt?: string;
}

export async function newSignal(app: CliApp, o: NewSignalOptions): Promise<void> {
  const ctx = await app.ctx();
  const interactive = app.canPrompt && !o.knelpunt?.trim();
  const bottleneck = bottleneckKey(await app.need(o.knelpunt, '--knelpunt', (p) => askBottleneck(ctx, p, signalMsg.askBottleneck())));
  let region = o.regio?.trim() ? await regionKey(ctx, o.regio) : undefined;
  if (region === undefined) {
    // Regional people report for their own region (the use-case fills it in); others must name one.
    const { whoAmI } = await usecases.people();
    const me = await whoAmI(ctx);
    if (!me?.regionCode) region = await app.need<string>(undefined, '--regio', (p) => askRegion(ctx, p));
  }
  let note = o.toelichting;
  if (interactive && note === undefined) {
    const p = await import('../prompt.js');
    note = (await p.askText(signalMsg.askNote(), { required: false })).trim() || undefined;
  }
  const { reportSignal, getBottleneck } = await usecases.signals();
  const s = await reportSignal(ctx, { bottleneckId: bottleneck, ...(region ? { regionCode: region } : {}), ...(note !== undefined ? { note } : {}) });
  if (app.json) return app.print(s, () => '');
  const b = await getBottleneck(ctx, s.bottleneckId);
  const { listRegions } = await usecases.people();
  const r = (await listRegions(ctx, { includeInactive: true })).find((x) => x.code === s.regionCode);
  app.print(s, () => signalMsg.created(s.id, `${b.id} ${b.title}`, r ? `${r.name} (${r.code})` : s.regionCode));
}

/** The instant a calendar day starts in Amsterdam, as ISO with offset (CET or CEST). */
export function amsterdamStart(day: string, amsterdamDay: (d: string) => string): string {
  const summer = `${day}T00:00:00+02:00`;
  return amsterdamDay(summer) === day ? summer : `${day}T00:00:00+01:00`;
}

export async function listSignalsCmd(app: CliApp, o: ListSignalOptions): Promise<void> {
  const from = dateOption(o.van, '--van');
  const to = dateOption(o.tot, '--tot');
  if (from && to && from > to) throw new UsageError(signalMsg.periodOrder());
  const ctx = await app.ctx();
  const { amsterdamDay, addDays, formatDate } = await usecases.dates();
  const region = o.regio?.trim() ? await regionKey(ctx, o.regio) : undefined;
  const { listSignals } = await usecases.signals();
  const signals = await listSignals(ctx, {
    ...(from ? { from: amsterdamStart(from, amsterdamDay) } : {}),
    ...(to ? { to: amsterdamStart(addDays(to, 1), amsterdamDay) } : {}),
    ...(region ? { regionCode: region } : {}),
    ...(o.knelpunt?.trim() ? { bottleneckId: bottleneckKey(o.knelpunt) } : {}),
  });
  app.print(signals, () =>
    app.table(
      signalMsg.headers(),
      signals.map((s) => [s.id, formatDate(s.at), s.regionCode, s.bottleneckId, s.caseCode, s.note]),
    ),
  );
}
