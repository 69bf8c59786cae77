/** The actions of `lla planning` (see planning.ts for the definitions). */
import type { Context } from '../../core/context.js';
import type { JobName } from '../../core/schema.js';
import { jobLabel, jobSlug, notificationKindLabel, planningMsg, scheduleMsg } from '../../core/messages-cli/planning.js';
import { UsageError, type CliApp } from '../app.js';
import { argOrAsk } from './task-groups-actions.js';

const core = {
  schedule: () => import('../../core/usecases/schedule.js'),
  settings: () => import('../../core/usecases/settings.js'),
  people: () => import('../../core/usecases/people.js'),
  cron: () => import('../../core/jobs-cron.js'),
  dates: () => import('../../core/dates.js'),
  context: () => import('../../core/context.js'),
};

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A job by its Dutch slug (`weekoverzicht`) or its English name (`weeklyDigest`, `weekly-digest`). */
export function jobFromSlug(value: string): JobName {
  const v = value.trim().toLowerCase();
  const entry = (Object.entries(jobSlug) as Array<[JobName, string]>).find(([job, slug]) => v === slug || v === job.toLowerCase() || v === kebab(job));
  if (!entry) throw new UsageError(planningMsg.unknownJob(value.trim()));
  return entry[0];
}

async function askJob(app: CliApp, given: string | undefined): Promise<JobName> {
  const typed = await argOrAsk(app, given, 'taak', (p) =>
    p.askSelect(
      planningMsg.askJob(),
      (Object.entries(jobSlug) as Array<[JobName, string]>).map(([job, slug]) => ({ name: `${slug.padEnd(22)} ${jobLabel[job]}`, value: slug })),
    ),
  );
  return jobFromSlug(typed);
}

async function describe(expression: string): Promise<string> {
  const { parseCron, cronShape } = await core.cron();
  const parsed = parseCron(expression);
  return parsed.ok ? scheduleMsg.describe(cronShape(parsed.spec), parsed.spec.source) : scheduleMsg.cronProblem(parsed.problem);
}

export async function listPlanning(app: CliApp): Promise<void> {
  const ctx = await app.ctx();
  const { jobOverview } = await core.schedule();
  const { formatDateTime } = await core.dates();
  const rows = await Promise.all(
    (await jobOverview(ctx)).map(async (s) => ({ ...s, slug: jobSlug[s.job], label: jobLabel[s.job], description: await describe(s.cron) })),
  );
  app.print(rows, () => [
    app.table(
      planningMsg.headers(),
      rows.map((r) => [
        r.slug,
        r.cron,
        r.description,
        r.nextRunAt ? formatDateTime(r.nextRunAt) : planningMsg.none(),
        `${r.lastRunAt ? formatDateTime(r.lastRunAt) : planningMsg.never()}${r.catchUp ? ` ${planningMsg.catchUp()}` : ''}`,
      ]),
    ),
    '',
    ...planningMsg.footer().map((l) => app.dim(l)),
  ]);
}

export async function runPlanning(app: CliApp, jobArg: string | undefined, o: { dryRun?: boolean }): Promise<void> {
  const ctx = await app.ctx();
  const job = await askJob(app, jobArg);
  const { authorizeJobRun, runJob } = await core.schedule();
  const requestedById = await authorizeJobRun(ctx);
  const { SYSTEM } = await core.context();
  const system: Context = { actor: SYSTEM, channel: 'cli', clock: ctx.clock, store: ctx.store };
  const result = await runJob(system, { job, dryRun: !!o.dryRun, ...(requestedById !== 'system' ? { requestedById } : {}) });

  const { listPeople } = await core.people();
  const names = new Map((await listPeople(ctx, { includeInactive: true })).map((p) => [p.id, p.name]));
  const queued = result.queued.map((m) => ({ ...m, recipientName: names.get(m.recipientId) ?? m.recipientId }));
  if (app.json) return app.print({ ...result, slug: jobSlug[job], queued }, () => '');

  const { formatDateTime } = await core.dates();
  const byKind = new Map<string, { n: number; names: Set<string> }>();
  for (const m of queued) {
    const k = byKind.get(m.kind) ?? { n: 0, names: new Set<string>() };
    k.n += 1;
    k.names.add(m.recipientName);
    byKind.set(m.kind, k);
  }
  const dry = result.dryRun;
  const lines = [dry ? planningMsg.dryTitle(jobSlug[job], formatDateTime(result.at)) : planningMsg.ranTitle(jobSlug[job], formatDateTime(result.at))];
  if (result.purged) lines.push(planningMsg.purged(result.purged, dry));
  else if (queued.length === 0) lines.push(planningMsg.queuedNone(dry));
  else {
    lines.push(planningMsg.queuedTotal(queued.length, dry));
    for (const [kind, k] of byKind) lines.push(planningMsg.queuedKind(notificationKindLabel[kind as keyof typeof notificationKindLabel], k.n, [...k.names]));
  }
  if (result.alreadySent > 0) lines.push(planningMsg.alreadySent(result.alreadySent));
  if (!dry && queued.length > 0) lines.push(app.dim(planningMsg.deliveryHint()));
  app.print(result, () => lines);
}

export async function setPlanning(app: CliApp, jobArg: string | undefined, cronArg: string | undefined): Promise<void> {
  const ctx = await app.ctx();
  const job = await askJob(app, jobArg);
  const expression = await argOrAsk(app, cronArg, 'cron', (p) => p.askText(planningMsg.askCron(), { required: true }));
  const { updateSettings } = await core.settings();
  const settings = await updateSettings(ctx, { schedules: { [job]: expression } });
  const cron = settings.schedules[job] ?? expression;
  const { cronSpec, nextRun } = await core.cron();
  const next = nextRun(cronSpec(cron), ctx.clock.now());
  const { formatDateTime } = await core.dates();
  const description = await describe(cron);
  app.print({ job, slug: jobSlug[job], cron, description, nextRunAt: next?.toISOString() ?? null }, () => [
    planningMsg.scheduleSet(jobSlug[job], cron, description),
    ...(next ? [planningMsg.nextRunLine(formatDateTime(next))] : []),
  ]);
}
