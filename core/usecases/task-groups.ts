/** Task groups (taakgroepen): temporary groups from the standing pool that work on one of the five tasks. */
import { z } from 'zod';
import { guardText, isQuartermaster, mutate, parseInput, query, requireQuartermaster, type Context, type Tx } from '../context.js';
import { forbidden, LlaError, notFound, validationError } from '../errors.js';
import { msg } from '../messages.js';
import { CalendarDate, TaskNumber, Timestamp, type Person, type StoreData, type TaskGroup } from '../schema.js';
import { findPersonOrThrow } from './people.js';

export const CreateTaskGroupInput = z.object({
  name: z.string().trim().min(2).max(120),
  task: z.coerce.number().pipe(TaskNumber),
  goal: z.string().trim().min(1).max(4000),
  memberIds: z.array(z.string().trim().min(1)).max(500).default([]),
  firstContactId: z.string().trim().min(1).optional(),
  deadline: CalendarDate.optional(),
});
export type CreateTaskGroupInput = z.input<typeof CreateTaskGroupInput>;

export function findTaskGroupOrThrow(data: StoreData, id: string): TaskGroup {
  const key = id.trim().toUpperCase();
  const tg = data.taskGroups.find((t) => t.id === key);
  if (!tg) throw notFound('Taakgroep', id, 'taskGroupId');
  return tg;
}

function activeOrThrow(tg: TaskGroup): void {
  if (tg.status !== 'active') throw new LlaError('conflict', msg.taskGroupDissolved(tg.id));
}

function poolMemberOrThrow(data: StoreData, idOrEmail: string, field: string): Person {
  const p = findPersonOrThrow(data, idOrEmail, field);
  if (!p.poolMember) throw validationError(field, msg.notPoolMember(p.name));
  if (!p.active) throw validationError(field, msg.inactivePerson());
  return p;
}

export async function createTaskGroup(ctx: Context, input: CreateTaskGroupInput): Promise<TaskGroup> {
  const parsed = parseInput(CreateTaskGroupInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'taakgroepen samenstellen');
    guardText('name', parsed.name, tx.now);
    guardText('goal', parsed.goal, tx.now);
    const members = [...new Set(parsed.memberIds.map((m) => poolMemberOrThrow(tx.data, m, 'memberIds').id))];
    let firstContactId: string | undefined;
    if (parsed.firstContactId) {
      firstContactId = poolMemberOrThrow(tx.data, parsed.firstContactId, 'firstContactId').id;
      if (!members.includes(firstContactId)) members.push(firstContactId);
    }
    tx.data.counters.taskGroup += 1;
    const tg: TaskGroup = {
      id: `TG-${String(tx.data.counters.taskGroup).padStart(3, '0')}`,
      name: parsed.name,
      task: parsed.task,
      goal: parsed.goal,
      memberIds: members,
      status: 'active',
      progress: [],
      createdAt: tx.nowIso,
      createdById: (tx.actor as { kind: 'person'; person: Person }).person.id,
    };
    if (firstContactId) tg.firstContactId = firstContactId;
    if (parsed.deadline) tg.deadline = parsed.deadline;
    tx.data.taskGroups.push(tg);
    tx.audit('taskGroup.create', 'taskGroup', tg.id, { task: tg.task, members: members.length });
    return tg;
  });
}

export const MemberInput = z.object({ taskGroupId: z.string().trim().min(1), personId: z.string().trim().min(1) });

export async function addTaskGroupMember(ctx: Context, input: z.input<typeof MemberInput>): Promise<TaskGroup> {
  const parsed = parseInput(MemberInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'leden van taakgroepen wijzigen');
    const tg = findTaskGroupOrThrow(tx.data, parsed.taskGroupId);
    activeOrThrow(tg);
    const p = poolMemberOrThrow(tx.data, parsed.personId, 'personId');
    if (tg.memberIds.includes(p.id)) throw validationError('personId', msg.alreadyMember(p.name));
    tg.memberIds.push(p.id);
    tx.audit('taskGroup.addMember', 'taskGroup', tg.id, { personId: p.id });
    return tg;
  });
}

export async function removeTaskGroupMember(ctx: Context, input: z.input<typeof MemberInput>): Promise<TaskGroup> {
  const parsed = parseInput(MemberInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'leden van taakgroepen wijzigen');
    const tg = findTaskGroupOrThrow(tx.data, parsed.taskGroupId);
    activeOrThrow(tg);
    const p = findPersonOrThrow(tx.data, parsed.personId);
    if (!tg.memberIds.includes(p.id)) throw validationError('personId', msg.notMember(p.name));
    tg.memberIds = tg.memberIds.filter((m) => m !== p.id);
    if (tg.firstContactId === p.id) delete tg.firstContactId;
    tx.audit('taskGroup.removeMember', 'taskGroup', tg.id, { personId: p.id });
    return tg;
  });
}

export async function setFirstContact(ctx: Context, input: z.input<typeof MemberInput>): Promise<TaskGroup> {
  const parsed = parseInput(MemberInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'het eerste aanspreekpunt aanwijzen');
    const tg = findTaskGroupOrThrow(tx.data, parsed.taskGroupId);
    activeOrThrow(tg);
    const p = findPersonOrThrow(tx.data, parsed.personId, 'firstContactId');
    if (!tg.memberIds.includes(p.id)) throw validationError('firstContactId', msg.firstContactMustBeMember());
    tg.firstContactId = p.id;
    tx.audit('taskGroup.firstContact', 'taskGroup', tg.id, { personId: p.id });
    return tg;
  });
}

function requireReporter(tx: Tx, tg: TaskGroup): string {
  const { actor } = tx;
  if (actor.kind !== 'person') throw forbidden('voortgang melden');
  if (!isQuartermaster(actor) && tg.firstContactId !== actor.person.id) {
    throw new LlaError('forbidden', msg.onlyFirstContactReports());
  }
  return actor.person.id;
}

export const ProgressInput = z.object({ taskGroupId: z.string().trim().min(1), text: z.string().trim().min(1).max(4000) });

/** A progress update by the first contact (or the quartermaster). */
export async function addProgress(ctx: Context, input: z.input<typeof ProgressInput>): Promise<TaskGroup> {
  const parsed = parseInput(ProgressInput, input);
  return mutate(ctx, (tx) => {
    const tg = findTaskGroupOrThrow(tx.data, parsed.taskGroupId);
    activeOrThrow(tg);
    const by = requireReporter(tx, tg);
    guardText('text', parsed.text, tx.now);
    tg.progress.push({ at: tx.nowIso, byPersonId: by, channel: tx.channel, text: parsed.text });
    delete tg.checkInSnoozedUntil;
    tx.audit('taskGroup.progress', 'taskGroup', tg.id);
    return tg;
  });
}

export const SnoozeInput = z.object({ taskGroupId: z.string().trim().min(1), until: Timestamp });

/** "Herinner me later": postpone the check-in question. */
export async function snoozeCheckIn(ctx: Context, input: z.input<typeof SnoozeInput>): Promise<TaskGroup> {
  const parsed = parseInput(SnoozeInput, input);
  return mutate(ctx, (tx) => {
    const tg = findTaskGroupOrThrow(tx.data, parsed.taskGroupId);
    activeOrThrow(tg);
    requireReporter(tx, tg);
    tg.checkInSnoozedUntil = parsed.until;
    tx.audit('taskGroup.snooze', 'taskGroup', tg.id, { until: parsed.until });
    return tg;
  });
}

export const DissolveInput = z.object({ taskGroupId: z.string().trim().min(1), result: z.string().trim().min(1).max(4000) });

/** Dissolve (opheffen) a task group when its task is done, with its result. */
export async function dissolveTaskGroup(ctx: Context, input: z.input<typeof DissolveInput>): Promise<TaskGroup> {
  const parsed = parseInput(DissolveInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'taakgroepen opheffen');
    const tg = findTaskGroupOrThrow(tx.data, parsed.taskGroupId);
    activeOrThrow(tg);
    guardText('result', parsed.result, tx.now);
    tg.status = 'dissolved';
    tg.dissolvedAt = tx.nowIso;
    tg.result = parsed.result;
    tx.audit('taskGroup.dissolve', 'taskGroup', tg.id);
    return tg;
  });
}

/** Task groups are not regional: every known person may read them. */
export function listTaskGroups(ctx: Context, options: { includeDissolved?: boolean } = {}): Promise<TaskGroup[]> {
  return query(ctx, (data) => data.taskGroups.filter((t) => options.includeDissolved || t.status === 'active'));
}

export function getTaskGroup(ctx: Context, id: string): Promise<TaskGroup> {
  return query(ctx, (data) => findTaskGroupOrThrow(data, id));
}
