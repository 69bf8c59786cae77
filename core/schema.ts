/**
 * The shape of everything the Coördinatiepunt keeps, as zod schemas with
 * inferred types. The store file is validated against `StoreSchema` on every
 * read and before every write; use-case inputs have their own schemas in
 * `core/inputs.ts`.
 *
 * Field names are English camelCase and stable: they are the JSON contract of
 * the CLI (`--json`) and of exports. Dutch labels live in `core/messages.ts`.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 2;

/** ISO-8601 instant with offset, e.g. 2026-11-22T10:00:00.000Z. */
export const Timestamp = z.iso.datetime({ offset: true });
/** Calendar date, yyyy-mm-dd (a day in Europe/Amsterdam). */
export const CalendarDate = z.iso.date();

export const ROLES = ['quartermaster', 'ambassador', 'projectLead', 'processDirector'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const CHANNELS = ['cli', 'slack', 'teams', 'terminal', 'system'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Short region code (e.g. `HGL`), the region's id. */
export const RegionCode = z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/, 'regiocode: 2 tot 8 hoofdletters/cijfers');

export const RegionSchema = z.object({
  code: RegionCode,
  name: z.string().min(2).max(80),
  /** Whether the Levensloopaanpak has started in this region. */
  started: z.boolean(),
  startedOn: CalendarDate.optional(),
  coordinatingProvider: z.string().min(2).max(120).optional(),
  active: z.boolean(),
});
export type Region = z.infer<typeof RegionSchema>;

export const PersonId = z.string().regex(/^P-\d{4,}$/);

/**
 * Where the bot reaches a person in Microsoft Teams: the parts of a Bot
 * Framework conversation reference needed for a proactive message. Stored
 * when the person first talks to the bot (schema version 2).
 */
export const TeamsConversationSchema = z.object({
  serviceUrl: z.url().max(500),
  conversationId: z.string().min(1).max(500),
  /** `msteams`, or `emulator` in local mode. */
  channelId: z.string().min(1).max(40),
  botId: z.string().min(1).max(200),
  /** The person's id in the bot conversation (`29:…`), not the AAD object id. */
  userId: z.string().min(1).max(200),
  tenantId: z.string().max(100).optional(),
  updatedAt: Timestamp,
});
export type TeamsConversation = z.infer<typeof TeamsConversationSchema>;

export const PersonSchema = z.object({
  id: PersonId,
  name: z.string().min(2).max(120),
  email: z.email().max(200),
  organisation: z.string().max(120).optional(),
  roles: z.array(Role).min(1),
  regionCode: RegionCode.optional(),
  /** Member of the "vaste schil", the standing pool that staffs task groups. */
  poolMember: z.boolean(),
  slackUserId: z.string().regex(/^[UW][A-Z0-9]{2,}$/).optional(),
  teamsAadObjectId: z.uuid().optional(),
  teamsConversation: TeamsConversationSchema.optional(),
  active: z.boolean(),
  createdAt: Timestamp,
});
export type Person = z.infer<typeof PersonSchema>;

/** The Coördinatiepunt's five tasks (DOMAIN.md). */
export const TASK_NUMBERS = [1, 2, 3, 4, 5] as const;
export const TaskNumber = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type TaskNumber = z.infer<typeof TaskNumber>;

export const ProgressUpdateSchema = z.object({
  at: Timestamp,
  byPersonId: PersonId,
  channel: Channel,
  text: z.string().min(1).max(4000),
});
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;

export const TaskGroupSchema = z.object({
  id: z.string().regex(/^TG-\d{3,}$/),
  name: z.string().min(2).max(120),
  task: TaskNumber,
  goal: z.string().min(1).max(4000),
  memberIds: z.array(PersonId),
  firstContactId: PersonId.optional(),
  deadline: CalendarDate.optional(),
  status: z.enum(['active', 'dissolved']),
  progress: z.array(ProgressUpdateSchema),
  createdAt: Timestamp,
  createdById: PersonId,
  dissolvedAt: Timestamp.optional(),
  result: z.string().min(1).max(4000).optional(),
  /** Scheduler: a check-in for this group is snoozed until this instant. */
  checkInSnoozedUntil: Timestamp.optional(),
});
export type TaskGroup = z.infer<typeof TaskGroupSchema>;

/**
 * The escalation route of a stuck case, in order. Moving forward may skip
 * steps; moving back needs a reason. The two last ones are final.
 */
export const CASE_STATUSES = [
  'reported', // gemeld
  'inTreatment', // in behandeling (Coördinatiepunt)
  'regionalMediation', // bemiddeling regio
  'nationalEscalation', // geëscaleerd landelijk (ambassadeurs)
  'withProblemOwner', // bij probleemeigenaar
  'resolved', // opgelost
  'closedUnresolved', // gesloten zonder oplossing
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_THEMES = ['housing', 'outflow', 'indication', 'financing', 'responsibility', 'care', 'other'] as const;
export const CaseTheme = z.enum(CASE_THEMES);
export type CaseTheme = z.infer<typeof CaseTheme>;

export const HELP_KINDS = ['advice', 'regionalMediation', 'nationalEscalation'] as const;
export const HelpKind = z.enum(HELP_KINDS);
export type HelpKind = z.infer<typeof HelpKind>;

/** Regional escalation steps a reporter must have gone through before reporting. */
export const REGIONAL_STEPS = [
  'caseTable', // casustafel ZVH
  'regionalEscalation', // regionale opschalingsroute
  'municipality', // gemeente / centrumgemeente
  'careOffice', // zorgkantoor
  'housingProviders', // woonaanbieders / corporaties
  'providerBoard', // bestuurlijk overleg / directeurenoverleg
] as const;
export const RegionalStep = z.enum(REGIONAL_STEPS);
export type RegionalStep = z.infer<typeof RegionalStep>;

export const CaseCode = z.string().regex(/^VC-\d{4}-\d{4,}$/);
export const BottleneckId = z.string().regex(/^KP-\d{2,}$/);

export const StatusChangeSchema = z.object({
  from: CaseStatus.nullable(),
  to: CaseStatus,
  at: Timestamp,
  byPersonId: PersonId,
  channel: Channel,
  reason: z.string().max(2000).optional(),
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const CaseNoteSchema = z.object({
  at: Timestamp,
  byPersonId: PersonId,
  channel: Channel,
  text: z.string().min(1).max(4000),
  /** The person the note is addressed to (they are notified). */
  toPersonId: PersonId.optional(),
});
export type CaseNote = z.infer<typeof CaseNoteSchema>;

export const StuckCaseSchema = z.object({
  code: CaseCode,
  regionCode: RegionCode,
  reporterId: PersonId,
  channel: Channel,
  theme: CaseTheme,
  bottleneckIds: z.array(BottleneckId),
  /** Short situation sketch without personal data; emptied after the retention period once closed. */
  sketch: z.string().max(4000),
  stepsTried: z.array(RegionalStep),
  stepsNote: z.string().max(2000).optional(),
  /** Threatened homelessness: the date it happens (e.g. release from detention). */
  homelessOn: CalendarDate.optional(),
  helpAsked: z.array(HelpKind).min(1),
  status: CaseStatus,
  history: z.array(StatusChangeSchema).min(1),
  notes: z.array(CaseNoteSchema),
  problemOwner: z.string().min(2).max(120).optional(),
  outcome: z.string().max(4000).optional(),
  lesson: z.string().max(4000).optional(),
  reportedAt: Timestamp,
  closedAt: Timestamp.optional(),
  /** Set when the free text was removed after the retention period. */
  freeTextPurgedAt: Timestamp.optional(),
});
export type StuckCase = z.infer<typeof StuckCaseSchema>;

export const BottleneckSchema = z.object({
  id: BottleneckId,
  /** Number in the Wlz reference list (1–14), absent for bottlenecks added later. */
  wlzNumber: z.number().int().min(1).max(99).optional(),
  title: z.string().min(3).max(200),
  description: z.string().max(4000),
  approach: z.string().max(2000),
  owner: z.string().min(2).max(200),
  source: z.enum(['wlz', 'added']),
  createdAt: Timestamp,
  active: z.boolean(),
});
export type Bottleneck = z.infer<typeof BottleneckSchema>;

export const SignalSchema = z.object({
  id: z.string().regex(/^S-\d{6,}$/),
  bottleneckId: BottleneckId,
  regionCode: RegionCode,
  caseCode: CaseCode.optional(),
  reportedById: PersonId,
  channel: Channel,
  at: Timestamp,
  note: z.string().max(2000).optional(),
});
export type Signal = z.infer<typeof SignalSchema>;

export const EVENT_KINDS = [
  'vakdagProcessDirectors', // vakdag procesregisseurs (voorjaar)
  'vakdagProviders', // vakdag levensloopaanbieders (voorjaar)
  'duoMeeting', // duo-bijeenkomst ZVH en levensloopaanbieders (najaar)
  'poolMeeting', // vaste-schil vergadering (twee keer per jaar)
  'other',
] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

export const AUDIENCES = ['processDirectors', 'providers', 'pool', 'all'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

export const RegistrationSchema = z.object({
  personId: PersonId,
  status: z.enum(['registered', 'waitlisted', 'cancelled']),
  at: Timestamp,
  channel: Channel,
  updatedAt: Timestamp,
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const EventSchema = z.object({
  id: z.string().regex(/^EV-\d{4}-\d{2,}$/),
  kind: EventKind,
  title: z.string().min(3).max(200),
  date: CalendarDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
  place: z.string().max(200).optional(),
  capacity: z.number().int().min(1).max(10_000),
  audience: Audience,
  programme: z.string().max(4000).optional(),
  registrationDeadline: CalendarDate.optional(),
  registrations: z.array(RegistrationSchema),
  status: z.enum(['planned', 'cancelled']),
  createdAt: Timestamp,
});
export type LlaEvent = z.infer<typeof EventSchema>;

/** Half-year period, e.g. `2026-H1`. */
export const Period = z.string().regex(/^\d{4}-H[12]$/, 'periode: jjjj-H1 of jjjj-H2');

export const MonitorSubmissionSchema = z.object({
  regionCode: RegionCode,
  includedClients: z.number().int().min(0).max(10_000),
  newInclusions: z.number().int().min(0).max(10_000),
  outflow: z.number().int().min(0).max(10_000),
  started: z.boolean(),
  submittedById: PersonId,
  submittedAt: Timestamp,
  channel: Channel,
});
export type MonitorSubmission = z.infer<typeof MonitorSubmissionSchema>;

export const MonitorRoundSchema = z.object({
  period: Period,
  openedAt: Timestamp,
  openedById: PersonId,
  closesOn: CalendarDate.optional(),
  status: z.enum(['open', 'closed']),
  closedAt: Timestamp.optional(),
  submissions: z.array(MonitorSubmissionSchema),
});
export type MonitorRound = z.infer<typeof MonitorRoundSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: Timestamp,
  /** The acting person, or `system` for scheduled work. */
  actorId: z.union([PersonId, z.literal('system')]),
  channel: Channel,
  action: z.string().regex(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/),
  entityType: z.enum(['region', 'person', 'taskGroup', 'case', 'bottleneck', 'signal', 'event', 'monitorRound', 'settings', 'store']),
  entityId: z.string().min(1).max(40),
  /** Structured, never free text: field names, statuses, ids. */
  details: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const NOTIFICATION_KINDS = [
  'caseStatusChanged',
  'caseNote',
  'caseReported',
  'registrationChanged',
  'waitlistPromoted',
  'eventAnnounced',
  // Sent by the scheduled jobs (and `monitorRequest` by opening a monitor round).
  'weeklyDigest',
  'monthlyReport',
  'taskGroupCheckIn',
  'monitorRequest',
  'monitorReminder',
  'monitorMissing',
  'homelessnessAlert',
  'eventDeadlineReminder',
  'eventReminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Outbox of notifications for chat. Use-cases append; the bot delivers and
 * marks them sent. Payloads carry ids and codes, never free text: the bot
 * renders the message from the catalog at send time.
 */
export const NotificationSchema = z.object({
  id: z.string().regex(/^N-\d{6,}$/),
  kind: z.enum(NOTIFICATION_KINDS),
  recipientId: PersonId,
  createdAt: Timestamp,
  params: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])),
  sentAt: Timestamp.optional(),
  attempts: z.number().int().min(0),
  lastError: z.string().max(500).optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const JOB_NAMES = [
  'weeklyDigest',
  'monthlyReport',
  'taskGroupCheckIn',
  'monitorReminders',
  'homelessnessAlerts',
  'eventReminders',
  'retentionPurge',
] as const;
export const JobName = z.enum(JOB_NAMES);
export type JobName = z.infer<typeof JobName>;

export const SettingsSchema = z.object({
  /** Days after closing after which a case's free text is removed. */
  retentionDays: z.number().int().min(30).max(3650),
  /** Days without progress after which a task group's first contact is asked. */
  checkInIntervalDays: z.number().int().min(7).max(180),
  /** Cron expressions (Europe/Amsterdam) per scheduled job. */
  schedules: z.record(JobName, z.string().min(9).max(100)),
  timeZone: z.literal('Europe/Amsterdam'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const JobRunSchema = z.object({
  job: JobName,
  lastRunAt: Timestamp,
  /** Idempotency keys of messages already sent (job + period + recipient). */
  sentKeys: z.array(z.string().max(200)),
});
export type JobRun = z.infer<typeof JobRunSchema>;

export const ReferenceSchema = z.object({
  tasks: z.array(z.object({ number: TaskNumber, title: z.string(), description: z.string() })).length(5),
  problemOwners: z.array(z.string().min(2).max(120)),
  eventKinds: z.array(z.object({ kind: EventKind, title: z.string(), season: z.string(), audience: Audience, timesPerYear: z.number().int().min(1).max(4) })),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const CountersSchema = z.object({
  person: z.number().int().min(0),
  taskGroup: z.number().int().min(0),
  signal: z.number().int().min(0),
  audit: z.number().int().min(0),
  notification: z.number().int().min(0),
  bottleneck: z.number().int().min(0),
  /** Case sequence per year: { "2026": 42 }. */
  caseByYear: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(0)),
  /** Event sequence per year. */
  eventByYear: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(0)),
});
export type Counters = z.infer<typeof CountersSchema>;

export const StoreSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  createdAt: Timestamp,
  counters: CountersSchema,
  settings: SettingsSchema,
  reference: ReferenceSchema,
  regions: z.array(RegionSchema),
  people: z.array(PersonSchema),
  taskGroups: z.array(TaskGroupSchema),
  cases: z.array(StuckCaseSchema),
  bottlenecks: z.array(BottleneckSchema),
  signals: z.array(SignalSchema),
  events: z.array(EventSchema),
  monitorRounds: z.array(MonitorRoundSchema),
  audit: z.array(AuditEntrySchema),
  outbox: z.array(NotificationSchema),
  jobRuns: z.array(JobRunSchema),
});
export type StoreData = z.infer<typeof StoreSchema>;
