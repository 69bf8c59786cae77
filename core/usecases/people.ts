/** People and regions: who works with the Coördinatiepunt, and where. */
import { z } from 'zod';
import { mutate, parseInput, query, readsEverything, requireQuartermaster, type Context, type Tx } from '../context.js';
import { fieldConflict, LlaError, notFound, validationError } from '../errors.js';
import { msg } from '../messages.js';
import { CalendarDate, Role, RegionCode, type Person, type Region, type StoreData } from '../schema.js';

const name = z.string().trim().min(2).max(120);
const email = z.string().trim().toLowerCase().pipe(z.email().max(200));
export const slackUserId = z.string().trim().regex(/^[UW][A-Z0-9]{2,}$/, 'een Slack-gebruikers-id begint met U of W');
export const teamsAadObjectId = z.string().trim().toLowerCase().pipe(z.uuid());
const organisation = z.string().trim().min(1).max(120);

export const AddPersonInput = z.object({
  name,
  email,
  organisation: organisation.optional(),
  roles: z.array(Role).min(1).max(10),
  regionCode: RegionCode.optional(),
  poolMember: z.boolean().default(false),
  slackUserId: slackUserId.optional(),
  teamsAadObjectId: teamsAadObjectId.optional(),
});
export type AddPersonInput = z.input<typeof AddPersonInput>;

export const UpdatePersonInput = z.object({
  personId: z.string().trim().min(1),
  name: name.optional(),
  email: email.optional(),
  organisation: organisation.nullable().optional(),
  roles: z.array(Role).min(1).max(10).optional(),
  regionCode: RegionCode.nullable().optional(),
  poolMember: z.boolean().optional(),
  slackUserId: slackUserId.nullable().optional(),
  teamsAadObjectId: teamsAadObjectId.nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdatePersonInput = z.input<typeof UpdatePersonInput>;

const REGIONAL_ROLES = new Set(['projectLead', 'processDirector']);

function checkPerson(data: StoreData, p: Person): void {
  if (p.roles.some((r) => REGIONAL_ROLES.has(r)) && !p.regionCode) {
    throw new LlaError('validation', msg.regionRequiredForRole(), [{ field: 'regionCode', message: msg.regionRequiredForRole() }]);
  }
  if (p.regionCode && !data.regions.some((r) => r.code === p.regionCode)) {
    throw validationError('regionCode', msg.regionUnknown(p.regionCode));
  }
  const others = data.people.filter((o) => o.id !== p.id);
  if (others.some((o) => o.email.toLowerCase() === p.email.toLowerCase())) throw fieldConflict('email', msg.emailTaken(p.email));
  if (p.slackUserId && others.some((o) => o.slackUserId === p.slackUserId)) throw fieldConflict('slackUserId', msg.slackIdTaken(p.slackUserId));
  if (p.teamsAadObjectId && others.some((o) => o.teamsAadObjectId === p.teamsAadObjectId)) throw fieldConflict('teamsAadObjectId', msg.teamsIdTaken());
}

function newPerson(tx: Tx, input: z.output<typeof AddPersonInput>): Person {
  tx.data.counters.person += 1;
  const person: Person = {
    id: `P-${String(tx.data.counters.person).padStart(4, '0')}`,
    name: input.name,
    email: input.email,
    roles: [...new Set(input.roles)],
    poolMember: input.poolMember,
    active: true,
    createdAt: tx.nowIso,
  };
  if (input.organisation) person.organisation = input.organisation;
  if (input.regionCode) person.regionCode = input.regionCode;
  if (input.slackUserId) person.slackUserId = input.slackUserId;
  if (input.teamsAadObjectId) person.teamsAadObjectId = input.teamsAadObjectId;
  checkPerson(tx.data, person);
  tx.data.people.push(person);
  tx.audit('person.add', 'person', person.id, { roles: person.roles.join(','), regionCode: person.regionCode ?? null });
  return person;
}

/** The first quartermaster of a new store (`lla init`). Only while the store has none. */
export async function createFirstQuartermaster(ctx: Context, input: { name: string; email: string; organisation?: string }): Promise<Person> {
  const parsed = parseInput(AddPersonInput, { ...input, roles: ['quartermaster'], poolMember: false });
  return mutate(ctx, (tx) => {
    if (tx.data.people.some((p) => p.active && p.roles.includes('quartermaster'))) {
      throw new LlaError('conflict', msg.forbidden('er is al een kwartiermaker; die voegt mensen toe'));
    }
    return newPerson(tx, parsed);
  });
}

export async function addPerson(ctx: Context, input: AddPersonInput): Promise<Person> {
  const parsed = parseInput(AddPersonInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'mensen toevoegen');
    return newPerson(tx, parsed);
  });
}

export function findPersonOrThrow(data: StoreData, idOrEmail: string, field = 'personId'): Person {
  const key = idOrEmail.trim().toLowerCase();
  const person = data.people.find((p) => p.id.toLowerCase() === key || p.email.toLowerCase() === key);
  if (!person) throw notFound('Persoon', idOrEmail, field);
  return person;
}

export async function updatePerson(ctx: Context, input: UpdatePersonInput): Promise<Person> {
  const parsed = parseInput(UpdatePersonInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'gegevens van mensen wijzigen');
    const person = findPersonOrThrow(tx.data, parsed.personId);
    const changed: string[] = [];
    const set = <K extends keyof Person>(key: K, value: Person[K] | null | undefined) => {
      if (value === undefined) return;
      if (value === null) delete person[key];
      else person[key] = value;
      changed.push(String(key));
    };
    set('name', parsed.name);
    set('email', parsed.email);
    set('organisation', parsed.organisation);
    set('roles', parsed.roles ? [...new Set(parsed.roles)] : undefined);
    set('regionCode', parsed.regionCode);
    set('poolMember', parsed.poolMember);
    set('slackUserId', parsed.slackUserId);
    if (parsed.teamsAadObjectId !== undefined && parsed.teamsAadObjectId !== person.teamsAadObjectId) {
      // The stored Teams address belonged to the previous account.
      delete person.teamsConversation;
    }
    set('teamsAadObjectId', parsed.teamsAadObjectId);
    set('active', parsed.active);
    checkPerson(tx.data, person);
    if (!tx.data.people.some((p) => p.active && p.roles.includes('quartermaster'))) {
      throw new LlaError('conflict', msg.lastQuartermaster());
    }
    tx.audit('person.update', 'person', person.id, { fields: changed.join(',') });
    return person;
  });
}

export interface PeopleFilter {
  role?: z.infer<typeof Role>;
  regionCode?: string;
  includeInactive?: boolean;
}

/** People visible to the actor: everyone for national roles; for regional people their region and the national roles. */
export function listPeople(ctx: Context, filter: PeopleFilter = {}): Promise<Person[]> {
  return query(ctx, (data, actor) =>
    data.people
      .filter((p) => filter.includeInactive || p.active)
      .filter((p) => !filter.role || p.roles.includes(filter.role))
      .filter((p) => !filter.regionCode || p.regionCode === filter.regionCode)
      .filter(
        (p) =>
          readsEverything(actor) ||
          (actor.kind === 'person' && (p.regionCode === actor.person.regionCode || p.roles.includes('quartermaster') || p.roles.includes('ambassador'))),
      )
      ,
  );
}

/** The acting person (as the fronts need to greet and prefill forms). */
export function whoAmI(ctx: Context): Promise<Person | null> {
  return query(ctx, (_data, actor) => (actor.kind === 'person' ? actor.person : null));
}

// Regions ------------------------------------------------------------------

export const AddRegionInput = z.object({
  code: z.string().trim().toUpperCase().pipe(RegionCode),
  name: z.string().trim().min(2).max(80),
  started: z.boolean().default(false),
  startedOn: CalendarDate.optional(),
  coordinatingProvider: z.string().trim().min(2).max(120).optional(),
});
export type AddRegionInput = z.input<typeof AddRegionInput>;

export const UpdateRegionInput = z.object({
  code: z.string().trim().toUpperCase().pipe(RegionCode),
  name: z.string().trim().min(2).max(80).optional(),
  started: z.boolean().optional(),
  startedOn: CalendarDate.nullable().optional(),
  coordinatingProvider: z.string().trim().min(2).max(120).nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateRegionInput = z.input<typeof UpdateRegionInput>;

export async function addRegion(ctx: Context, input: AddRegionInput): Promise<Region> {
  const parsed = parseInput(AddRegionInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'regio’s toevoegen');
    if (tx.data.regions.some((r) => r.code === parsed.code)) throw fieldConflict('code', msg.regionExists(parsed.code));
    const region: Region = { code: parsed.code, name: parsed.name, started: parsed.started, active: true };
    if (parsed.startedOn) region.startedOn = parsed.startedOn;
    if (parsed.coordinatingProvider) region.coordinatingProvider = parsed.coordinatingProvider;
    tx.data.regions.push(region);
    tx.audit('region.add', 'region', region.code);
    return region;
  });
}

export async function updateRegion(ctx: Context, input: UpdateRegionInput): Promise<Region> {
  const parsed = parseInput(UpdateRegionInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'regio’s wijzigen');
    const region = tx.data.regions.find((r) => r.code === parsed.code);
    if (!region) throw notFound('Regio', parsed.code, 'code');
    const changed: string[] = [];
    for (const key of ['name', 'started', 'startedOn', 'coordinatingProvider', 'active'] as const) {
      const value = parsed[key];
      if (value === undefined) continue;
      if (value === null) delete region[key];
      else (region as Record<string, unknown>)[key] = value;
      changed.push(key);
    }
    tx.audit('region.update', 'region', region.code, { fields: changed.join(',') });
    return region;
  });
}

/** Regions are public reference data for everyone known. */
export function listRegions(ctx: Context, options: { includeInactive?: boolean } = {}): Promise<Region[]> {
  return query(ctx, (data) => data.regions.filter((r) => options.includeInactive || r.active));
}

export function findRegionOrThrow(data: StoreData, code: string, field = 'regionCode'): Region {
  const key = code.trim().toUpperCase();
  const region = data.regions.find((r) => r.code === key || r.name.toUpperCase() === key);
  if (!region) throw notFound('Regio', code, field);
  return region;
}
