/**
 * Synthetic demo data for demos and benchmarks. Nothing in it is real:
 * professionals' names are combinations from the lists below, e-mail
 * addresses are at `voorbeeld.nl`, chat ids are fake (`U0DEMO0001`, random
 * UUIDs), and there is no client data at all: case sketches, notes, reasons,
 * outcomes and lessons are composed from template fragments that describe
 * bottlenecks, never people, and pass the privacy scan of `core/privacy.ts`.
 *
 * The store is what the product would hold after `years` of use:
 * - people: one kwartiermaker (P-0001), two ambassadors, per started region a
 *   project lead and one or two process directors; some in the standing pool;
 * - stuck cases with a status history that walks the route of
 *   `core/case-route.ts` (forward steps, now and then a step back or a
 *   reopening with a reason, `withProblemOwner` only with a problem owner from
 *   the reference list), notes, and (unless `purgeExpired: false`) the
 *   retention purge applied to cases closed longer ago than
 *   `settings.retentionDays`;
 * - a signal per linked bottleneck of each case plus standalone signals;
 * - three active task groups and two dissolved ones;
 * - the yearly cycle of professional days and meetings with registrations,
 *   one full with a waiting list, some cancellations;
 * - half-yearly monitor rounds, the newest still open;
 * - audit entries for every change made, notifications (already delivered)
 *   of the last two weeks, and counters that match the ids.
 *
 * Deterministic: the same options give byte-identical output. `now` is the
 * end of the history; nothing reads the system clock. Linear in the number of
 * cases and signals (10,000 cases and 50,000 signals take a few seconds).
 */
import { FINAL_STATUSES, findTransition } from '../core/case-route.js';
import { addDays, dutchHolidays, weekday } from '../core/dates.js';
import { eventKindLabel } from '../core/messages.js';
import {
  REGIONAL_STEPS,
  type Audience,
  type AuditEntry,
  type Bottleneck,
  type CaseStatus,
  type CaseTheme,
  type Channel,
  type EventKind,
  type HelpKind,
  type LlaEvent,
  type MonitorRound,
  type MonitorSubmission,
  type Notification,
  type Person,
  type RegionalStep,
  type Registration,
  type Role,
  type Signal,
  type StatusChange,
  type StoreData,
  type StuckCase,
  type TaskGroup,
} from '../core/schema.js';
import { yearCycle } from '../core/usecases/events.js';
import { createSeedStore } from './seed.js';
import { eraseFreeText } from '../core/usecases/cases.js';

export interface DemoOptions {
  /** The generated history ends at `now`. */
  now: Date;
  /** Deterministic PRNG seed (default 42): same options → byte-identical output. */
  seed?: number;
  /** History length in years, default 2. */
  years?: number;
  /** Number of stuck cases over the period, default 180. */
  cases?: number;
  /** Signals without a case, default 2 × cases. */
  extraSignals?: number;
  /** If given, this person is the (first, P-0001) kwartiermaker; else one is invented. */
  quartermaster?: { name: string; email: string };
  /** Called now and then while generating (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Apply the retention rule as the nightly job would have: cases closed
   * longer than `settings.retentionDays` ago lose their free text (sketch,
   * notes, reasons, outcome, lesson) and get `freeTextPurgedAt`. Default true,
   * so the scheduler finds nothing to purge on its first run.
   */
  purgeExpired?: boolean;
}

export const DEMO_DEFAULTS = { seed: 42, years: 2, cases: 180 } as const;

/** Notifications of this many days before `now` are in the outbox (as delivered); older ones were pruned. */
const OUTBOX_DAYS = 14;

export function generateDemoStore(options: DemoOptions): StoreData {
  const now = options.now instanceof Date ? options.now.getTime() : Number.NaN;
  if (!Number.isFinite(now)) throw new RangeError('demo: `now` is geen geldige datum');
  const years = options.years ?? DEMO_DEFAULTS.years;
  if (!(Number.isFinite(years) && years >= 0.1 && years <= 25)) throw new RangeError('demo: `years` moet tussen 0,1 en 25 liggen');
  const cases = options.cases ?? DEMO_DEFAULTS.cases;
  if (!(Number.isInteger(cases) && cases >= 0 && cases <= 1_000_000)) throw new RangeError('demo: `cases` moet een geheel getal ≥ 0 zijn');
  const extraSignals = options.extraSignals ?? 2 * cases;
  if (!(Number.isInteger(extraSignals) && extraSignals >= 0 && extraSignals <= 5_000_000)) {
    throw new RangeError('demo: `extraSignals` moet een geheel getal ≥ 0 zijn');
  }
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  if (!Number.isFinite(seed)) throw new RangeError('demo: `seed` moet een getal zijn');
  return new DemoBuilder({
    now,
    years,
    cases,
    extraSignals,
    seed,
    quartermaster: options.quartermaster,
    onProgress: options.onProgress,
    purgeExpired: options.purgeExpired ?? true,
  }).build();
}

// ---------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for demo data, and the same everywhere. */
class Rng {
  private state: number;

  constructor(seed: number) {
    // Mix the seed (also fractional and negative ones) into 32 bits.
    const s = Math.floor(seed * 1000) % 4294967296;
    this.state = (s ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < 4; i++) this.next();
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('demo: kiezen uit een lege lijst');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let x = this.next() * total;
    for (const [item, w] of pairs) {
      x -= w;
      if (x < 0) return item;
    }
    const last = pairs[pairs.length - 1];
    if (!last) throw new Error('demo: kiezen uit een lege lijst');
    return last[0];
  }

  /** `k` distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  uuid(): string {
    const hex = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
      return s;
    };
    const variant = '89ab'[Math.floor(this.next() * 4)] ?? '8';
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }
}

/** Weighted choice by binary search over cumulative weights: for pickers used many times. */
class Picker<T> {
  private readonly items: T[];
  private readonly cumulative: number[];

  constructor(pairs: ReadonlyArray<readonly [T, number]>) {
    this.items = [];
    this.cumulative = [];
    let total = 0;
    for (const [item, w] of pairs) {
      if (w <= 0) continue;
      total += w;
      this.items.push(item);
      this.cumulative.push(total);
    }
    if (this.items.length === 0) throw new Error('demo: picker zonder keuzes');
  }

  pick(rng: Rng): T {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const x = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

// ---------------------------------------------------------------------------
// Time in Europe/Amsterdam, fast (no Intl in the hot loops)
// ---------------------------------------------------------------------------

type Ms = number;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dstCache = new Map<number, readonly [number, number]>();

/** EU summer time: from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. */
function dstBounds(year: number): readonly [number, number] {
  let b = dstCache.get(year);
  if (!b) {
    const lastSunday = (month: number) => {
      const last = new Date(Date.UTC(year, month, 0)); // last day of `month` (1-based)
      return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
    };
    b = [lastSunday(3), lastSunday(10)] as const;
    dstCache.set(year, b);
  }
  return b;
}

function offsetOf(utc: Ms): Ms {
  const [from, to] = dstBounds(new Date(utc).getUTCFullYear());
  return utc >= from && utc < to ? 2 * HOUR : HOUR;
}

/** Calendar day (yyyy-mm-dd) of an instant in Amsterdam. */
function localDay(utc: Ms): string {
  return new Date(utc + offsetOf(utc)).toISOString().slice(0, 10);
}

/** The instant of `minutes` after midnight on calendar day `day` in Amsterdam. */
function localMs(day: string, minutes: number): Ms {
  const base = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + minutes * MINUTE;
  const guess = base - HOUR;
  return offsetOf(guess) === 2 * HOUR ? base - 2 * HOUR : guess;
}

const holidayCache = new Map<number, ReadonlySet<string>>();

function isWorkday(day: string): boolean {
  const wd = weekday(day);
  if (wd === 0 || wd === 6) return false;
  const year = +day.slice(0, 4);
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(dutchHolidays(year).keys());
    holidayCache.set(year, set);
  }
  return !set.has(day);
}

function nextWorkday(day: string): string {
  let d = day;
  while (!isWorkday(d)) d = addDays(d, 1);
  return d;
}

const iso = (ms: Ms): string => new Date(ms).toISOString();

// ---------------------------------------------------------------------------
// Invented people
// ---------------------------------------------------------------------------

const FIRST_NAMES = [
  'Anouk', 'Bas', 'Carlijn', 'Daan', 'Eline', 'Frank', 'Gerda', 'Hanneke', 'Ilse', 'Jeroen', 'Karin', 'Lars',
  'Marieke', 'Niels', 'Petra', 'Ruben', 'Sanne', 'Thijs', 'Ingrid', 'Wouter', 'Yvonne', 'Bram', 'Chantal',
  'Dennis', 'Esther', 'Femke', 'Gijs', 'Hester', 'Iris', 'Joost', 'Kees', 'Linda', 'Maarten', 'Nicole', 'Oscar',
  'Paulien', 'Rik', 'Saskia', 'Tom', 'Ellen', 'Vincent', 'Willemijn', 'Annemarie', 'Bart', 'Daniëlle', 'Erik',
  'Fleur', 'Hans', 'Judith', 'Koen', 'Lotte', 'Mark', 'Nathalie', 'Robert', 'Sabine', 'Tim', 'Marloes', 'Jasper',
  'Mirjam', 'Stefan', 'Fatima', 'Mohamed', 'Samira', 'Yusuf', 'Priya', 'Noël', 'Astrid', 'Jorien', 'Mehmet', 'Zeynep',
] as const;

const LAST_NAMES = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
  'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel',
  'van der Veen', 'van den Broek', 'de Bruijn', 'de Jong', 'Schouten', 'van Beek', 'Willems', 'van Dijk',
  'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'Prins', 'Blom', 'Huisman', 'Peeters', 'Kuipers', 'van Wijk',
  'Postma', 'Kramer', 'Bosman', 'Wolters', 'Timmermans', 'Groen', 'Gerritsen', 'el Amrani', 'Yılmaz', 'Boukhari',
  'Kaya', 'Sedney', 'Oudshoorn', 'ten Brink',
] as const;

/** Relative size of a region (cases, signals and monitor figures scale with it). */
const REGION_WEIGHT: Readonly<Record<string, number>> = {
  GRO: 4, FRL: 4, DRE: 3, IJS: 3, TWE: 4.5, GZU: 4, ACH: 2.5, FVA: 2.5, RIV: 2, FLE: 3, UTR: 7, EEM: 2.5, GVS: 2,
  AMS: 9.5, ZWL: 2.5, KEN: 4, NHN: 4, HMI: 5, HGL: 8, RRM: 9.5, ZHZ: 3, ZEE: 2.5, WBR: 3.5, BRB: 3, MBR: 3.5,
  BNO: 4, ZOB: 5, LNO: 3, ZLI: 4.5,
};

const PLACES = ['Utrecht', 'Amersfoort', 'Zwolle', "'s-Hertogenbosch", 'Den Haag', 'Ede', 'Nijkerk'] as const;

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------
// Text fragments: about bottlenecks and the route, never about a person
// ---------------------------------------------------------------------------

const ALL_THEMES: readonly CaseTheme[] = ['housing', 'outflow', 'indication', 'financing', 'responsibility', 'care', 'other'];

type Themed = ReadonlyArray<readonly [string, readonly CaseTheme[]]>;

/** Texts that fit a theme. */
function forTheme(list: Themed, theme: CaseTheme): string[] {
  return list.filter(([, themes]) => themes.includes(theme)).map(([text]) => text);
}

const SKETCH_OPENERS: Record<CaseTheme, readonly string[]> = {
  housing: [
    'Cliënt komt binnenkort vrij uit detentie en heeft geen woonplek; terugkeer naar de oude woonsituatie is gezien het risico niet verantwoord.',
    'Cliënt is na herhaalde overlast uit huis gezet en verblijft sindsdien wisselend in de nachtopvang en op straat.',
    'Het verblijf van cliënt in de maatschappelijke opvang wordt beëindigd na een agressie-incident; een vervolgplek ontbreekt.',
    'De plaatsing in beschermd wonen is opgezegd omdat de aanbieder de veiligheid van medebewoners niet kan garanderen.',
    'Cliënt verblijft tijdelijk in een crisisbed; de maximale verblijfsduur is bijna bereikt en er is geen vervolgplek.',
    'Na afloop van de klinische behandeling kan cliënt nergens heen; de kliniek wil ontslag omdat de behandeling is afgerond.',
    'De woningcorporatie wil het huurcontract ontbinden na klachten uit de buurt; zonder woning valt ook de begeleiding weg.',
    'Cliënt slaapt al enkele maanden bij wisselende kennissen; die mogelijkheid houdt binnenkort op.',
  ],
  outflow: [
    'Cliënt verblijft in een forensische kliniek en is uitbehandeld, maar een passende vervolgplek met Wlz-zorg is niet beschikbaar.',
    'De forensische titel loopt binnenkort af en er is nog geen woon- en zorgplek geregeld voor de periode daarna.',
    'Cliënt verblijft in een penitentiaire inrichting; het einde van de detentie nadert en er is geen vervolgtraject.',
    'Na een lange opname in een forensisch psychiatrische kliniek is doorstroom naar beschermd wonen nodig, maar aanbieders wijzen cliënt af.',
    'De klinische plaatsing was bedoeld als tijdelijk, maar duurt door gebrek aan uitstroomplekken al veel langer dan nodig.',
    'Cliënt verblijft op een forensische afdeling terwijl een plek in de langdurige ggz of de gehandicaptenzorg beter past.',
    'Het verlof vanuit de kliniek verloopt goed, maar zonder vervolgplek kan de resocialisatie niet verder.',
  ],
  indication: [
    'Er is een Wlz-aanvraag gedaan, maar het CIZ kan niet beslissen omdat cliënt niet meewerkt aan het indicatiegesprek.',
    'Het CIZ heeft aanvullende informatie gevraagd die de regio niet kan leveren zonder medewerking van cliënt.',
    'Er is een Wmo-indicatie afgegeven terwijl de zorgbehoefte blijvend is en een Wlz-indicatie beter lijkt te passen.',
    'De indicatieaanvraag tijdens detentie loopt al maanden; zonder indicatie wil geen woonvoorziening cliënt op de wachtlijst zetten.',
    'De levensloopcoördinator krijgt geen inzage in de inhoud van de Wlz-indicatie en kan daardoor niet gericht zoeken.',
    'Over het passende zorgprofiel bestaat onduidelijkheid: ggz-wonen of verstandelijke beperking; beide sectoren verwijzen naar elkaar.',
  ],
  financing: [
    'De integrale Wlz-financiering maakt het niet mogelijk dat twee aanbieders samen de zorg leveren zonder onderaannemerschap.',
    'De benodigde intensieve begeleiding past in geen enkele wet; gemeente en zorgkantoor zien elkaar als financier.',
    'De dagvergoeding voor levensloopcoördinatie kan niet worden gedeclareerd omdat cliënt in Wlz-behandeling is.',
    'Voor een maatwerkplek is een meerprijs nodig die het zorgkantoor niet wil vergoeden.',
    'De financiering van de beveiligde woonvorm stopt na afloop van de forensische titel, terwijl de zorgvraag blijft.',
  ],
  responsibility: [
    'Er is geen dossierhouder of Coördinator Zorg Thuis betrokken en het zorgkantoor neemt de regie niet op zich.',
    'Gemeente, zorgkantoor en aanbieders wachten op elkaar; niemand neemt de verantwoordelijkheid voor de zoektocht naar een plek.',
    'Het toezicht door de reclassering stopt binnenkort en daarna is er geen partij die het contact met cliënt onderhoudt.',
    'Verschillende partijen zijn betrokken, maar er is geen gezamenlijk plan en geen partij die het voortouw neemt.',
    'De centrumgemeente en de woongemeente verschillen van mening over wie verantwoordelijk is voor opvang en begeleiding.',
  ],
  care: [
    'Cliënt heeft een verstandelijke beperking en een Wlz-ggz-indicatie; op de best passende vg-locatie kan geen verplichte zorg worden toegepast.',
    'De benodigde combinatie van verslavingszorg en beveiligd wonen is in de regio niet beschikbaar.',
    'Aanbieders vinden de zorgvraag te complex en het risico op agressie te groot; alle aanvragen zijn afgewezen.',
    'Cliënt heeft niet-aangeboren hersenletsel en past niet in het aanbod van ggz- of vg-aanbieders in de regio.',
    'De behandeling is gestopt omdat cliënt niet gemotiveerd is, terwijl het risico op nieuw gevaarlijk gedrag hoog blijft.',
  ],
  other: [
    'Cliënt verhuist naar een andere regio; de overdracht tussen de Zorg- en Veiligheidshuizen verloopt stroef.',
    'De casus is besproken aan de casustafel, maar de escalatieroute in de regio is onbekend bij de betrokken partners.',
    'Het delen van informatie tussen zorg en veiligheid loopt vast op onduidelijkheid over de grondslag.',
    'Na een verhuizing is onduidelijk welke gemeente verantwoordelijk is voor opvang en begeleiding.',
  ],
};

const SKETCH_COMPLICATIONS: Themed = [
  ['Met een Wlz-indicatie is een Wmo-plek of de nachtopvang uitgesloten.', ['housing', 'outflow']],
  ['De wachtlijst voor een passende Wlz-woonvoorziening is naar verwachting langer dan een jaar.', ['housing', 'outflow', 'indication']],
  ['Aanbieders van beschermd wonen achten cliënt niet groepsgeschikt.', ['housing', 'outflow', 'care']],
  ['Een kleinschalige, prikkelarme woonvorm ontbreekt in de regio.', ['housing', 'outflow', 'care']],
  ['De gemeente verwijst naar het zorgkantoor en het zorgkantoor naar de gemeente.', ['housing', 'financing', 'responsibility']],
  ['Zonder stabiele woonsituatie is het risico op terugval en nieuwe incidenten hoog.', ['housing', 'outflow', 'care', 'other']],
  ['De levensloopcoördinator heeft alle aanbieders in de regio benaderd, zonder resultaat.', ['housing', 'outflow', 'care', 'responsibility']],
  ['De regionale opschalingsroute is doorlopen, maar leverde geen plek of verantwoordelijke partij op.', ['housing', 'outflow', 'indication', 'financing', 'responsibility', 'care', 'other']],
  ['Het CIZ heeft nog geen besluit genomen over de indicatie.', ['indication', 'outflow', 'housing']],
  ['Cliënt wil meewerken aan begeleiding, mits er eigen woonruimte komt.', ['housing']],
  ['Het netwerk van cliënt is beperkt en biedt geen tijdelijk onderdak.', ['housing', 'outflow']],
  ['Het zorgkantoor ziet geen mogelijkheid voor een maatwerkarrangement.', ['financing', 'care', 'responsibility']],
  ['Woningcorporaties in de regio wijzen cliënt af vanwege de forensische voorgeschiedenis.', ['housing']],
  ['Er is geen partij die de regie op de zoektocht naar een plek neemt.', ['responsibility', 'housing', 'outflow']],
  ['De betrokken aanbieders willen wel, maar krijgen de financiering niet rond.', ['financing', 'care']],
  ['Zonder indicatie kan de zoektocht naar een plek niet beginnen.', ['indication', 'outflow']],
];

const SKETCH_URGENCY = [
  'De dreigende dakloosheid is acuut: zonder plek staat cliënt binnen enkele weken op straat.',
  'De einddatum van het huidige verblijf staat vast; daarna is er geen onderdak.',
  'Er is weinig tijd: de huidige plek vervalt binnen afzienbare termijn.',
] as const;

const SKETCH_ASK: Record<HelpKind, readonly string[]> = {
  advice: [
    'De regio vraagt advies over routes die nog niet zijn benut.',
    'Graag advies welke landelijke afspraken hier van toepassing zijn.',
    'De regio wil weten hoe vergelijkbare casussen elders zijn opgelost.',
  ],
  regionalMediation: [
    'Gevraagd wordt te bemiddelen tussen gemeente, zorgkantoor en aanbieders in de regio.',
    'De regio vraagt het Coördinatiepunt een gezamenlijk overleg met de betrokken partijen te organiseren.',
  ],
  nationalEscalation: [
    'De regio vraagt om landelijke escalatie via de ambassadeurs.',
    'Omdat de regionale routes zijn uitgeput, wordt landelijke escalatie gevraagd.',
  ],
};

const STEPS_NOTES = [
  'Besproken aan de casustafel en in het regionaal afstemmingsoverleg; geen passende plek gevonden.',
  'Opgeschaald naar de directeuren van de betrokken aanbieders, zonder resultaat.',
  'Het zorgkantoor is twee keer benaderd; er volgde geen bemiddelingsvoorstel.',
  'Alle corporaties in de regio zijn benaderd; geen van hen biedt op korte termijn woonruimte.',
  'De centrumgemeente heeft de casus besproken, maar ziet geen mogelijkheden binnen het huidige aanbod.',
  'De maatwerktafel van de gemeente is benut; die verwees door naar het zorgkantoor.',
  'Ook het bestuurlijk overleg zorg en veiligheid kwam niet tot een besluit.',
] as const;

type NotePhase = 'intake' | 'regional' | 'national' | 'owner';

const NOTES: Record<NotePhase, readonly string[]> = {
  intake: [
    'Casus ontvangen en doorgenomen met de melder; aanvullende vragen gesteld over de doorlopen regionale route.',
    'Telefonisch afgestemd met de procesregisseur over de stand van zaken.',
    'Navraag gedaan bij het zorgkantoor naar de status van de bemiddeling.',
    'Vergelijkbare casus uit een andere regio erbij gezocht; de aanpak daar kan hier mogelijk ook werken.',
    'Melder heeft de ontbrekende informatie over de indicatie aangevuld.',
    'Eerste inschatting: dit past bij een knelpunt dat al vaker is gesignaleerd.',
  ],
  regional: [
    'Overleg gepland met gemeente, zorgkantoor en de levensloopaanbieder.',
    'De gemeente onderzoekt een tijdelijke overbruggingsplek.',
    'Een aanbieder in de buurregio wil een kennismakingsgesprek met cliënt.',
    'Het zorgkantoor heeft een bemiddelaar aangewezen.',
    'De woningcorporatie staat open voor een proefplaatsing met intensieve begeleiding.',
    'Bemiddeling loopt; de volgende afstemming is over twee weken.',
    'Aanbieder vraagt een risicotaxatie voordat een plaatsing kan worden overwogen.',
  ],
  national: [
    'Casus besproken in het overleg met de ambassadeurs.',
    'De ambassadeurs nemen contact op met het ministerie over deze en vergelijkbare casussen.',
    'Casus opgenomen in de signalenrapportage als voorbeeld van dit knelpunt.',
    'Landelijk overleg met Zorgverzekeraars Nederland aangevraagd.',
    'Ambassadeurs vragen om een korte schets van de doorlopen route voor het landelijk overleg.',
  ],
  owner: [
    'Probleemeigenaar heeft de casus ontvangen en zegt een reactie toe.',
    'Nog geen reactie van de probleemeigenaar ontvangen; herinnering verstuurd.',
    'Probleemeigenaar onderzoekt of een uitzondering binnen de huidige regels mogelijk is.',
    'Gesprek met de probleemeigenaar gevoerd; er wordt gezocht naar een maatwerkoplossing.',
    'Probleemeigenaar vraagt of er meer casussen met hetzelfde knelpunt zijn.',
  ],
};

const FORWARD_REASONS: Partial<Record<CaseStatus, readonly string[]>> = {
  regionalMediation: [
    'Partijen in de regio zijn bereid samen te zoeken; bemiddeling gestart.',
    'Er is een opening bij een aanbieder in de regio; eerst regionaal bemiddelen.',
  ],
  nationalEscalation: [
    'Regionale bemiddeling heeft geen plek opgeleverd; voorgelegd aan de ambassadeurs.',
    'Het knelpunt is structureel en overstijgt de regio.',
  ],
  withProblemOwner: [
    'De ambassadeurs hebben besloten de casus voor te leggen aan de probleemeigenaar.',
    'Probleemeigenaar is bereid naar deze casus te kijken.',
  ],
};

const BACK_REASONS: Record<'toRegion' | 'toTreatment' | 'toNational', readonly string[]> = {
  toRegion: [
    'De ambassadeurs vragen eerst de regionale bemiddeling af te ronden; er is nog een optie in de regio.',
    'Nieuwe informatie: een aanbieder in de regio heeft mogelijk toch plek.',
    'De probleemeigenaar verwijst terug naar de regionale afspraken tussen gemeente en zorgkantoor.',
  ],
  toTreatment: [
    'Bemiddeling gestopt: eerst de indicatievraag verhelderen.',
    'De regio heeft de casus aangevuld met nieuwe informatie; opnieuw beoordelen.',
    'De situatie is veranderd; de vraag aan het Coördinatiepunt moet opnieuw worden bepaald.',
  ],
  toNational: [
    'De probleemeigenaar ziet zichzelf niet als verantwoordelijke partij; opnieuw bespreken met de ambassadeurs.',
    'Geen reactie van de probleemeigenaar binnen de afgesproken termijn.',
  ],
};

const REOPEN_REASONS = [
  'De gevonden plek is na korte tijd opgezegd; de casus loopt opnieuw vast.',
  'De toegezegde oplossing gaat toch niet door.',
  'De regio meldt dat de situatie opnieuw is vastgelopen.',
] as const;

const OUTCOMES_RESOLVED: Themed = [
  ['Via bemiddeling van het zorgkantoor is een overbruggingsplek gevonden bij een Wlz-aanbieder.', ['housing', 'outflow', 'responsibility', 'care']],
  ['De woningcorporatie heeft een woning toegezegd met intensieve ambulante begeleiding vanuit de levensloopaanbieder.', ['housing', 'outflow']],
  ['Het CIZ heeft de Wlz-indicatie afgegeven na een gesprek met de levensloopcoördinator; de zoektocht naar een plek is gestart.', ['indication', 'outflow']],
  ['Gemeente en zorgkantoor financieren samen een maatwerkarrangement voor de komende periode.', ['financing', 'responsibility', 'care', 'housing']],
  ['Een aanbieder in een andere regio neemt cliënt op; de overdracht is geregeld.', ['outflow', 'care', 'housing', 'other']],
  ['Cliënt kan na detentie terecht in een kleinschalige woonvorm met toezicht.', ['housing', 'outflow']],
  ['Het advies van het Coördinatiepunt gaf de regio voldoende handvatten; de casus loopt weer.', ALL_THEMES],
  ['Het zorgkantoor heeft de rol van dossierhouder op zich genomen.', ['responsibility', 'care']],
  ['Na landelijk overleg is een plek in de langdurige ggz beschikbaar gekomen.', ['outflow', 'care', 'indication']],
  ['Het zorgkantoor heeft ingestemd met gezamenlijke levering door twee aanbieders.', ['financing', 'care']],
  ['De dagvergoeding voor coördinatie wordt na afstemming met de NZa alsnog vergoed.', ['financing']],
  ['De overdracht naar de nieuwe regio is met bemiddeling van het Coördinatiepunt rondgekomen.', ['other']],
  ['Na uitleg over de escalatieroute heeft de regio de casus zelf kunnen oplossen.', ['other', 'responsibility']],
  ['De vg-aanbieder en de ggz-aanbieder bieden samen zorg en behandeling op één locatie.', ['care', 'indication']],
];

const OUTCOMES_UNRESOLVED: Themed = [
  ['Ondanks landelijke escalatie is geen passende plek gevonden; de regio houdt de casus in beeld via de casustafel.', ['housing', 'outflow', 'care', 'responsibility']],
  ['Cliënt is uit beeld geraakt; de regio sluit de melding.', ALL_THEMES],
  ['Cliënt is opnieuw gedetineerd; de zoektocht wordt opgepakt richting het einde van de detentie.', ['housing', 'outflow', 'care', 'responsibility']],
  ['De probleemeigenaar ziet binnen de huidige regelgeving geen oplossing; het knelpunt staat in de signalenrapportage.', ALL_THEMES],
  ['De regio heeft de melding ingetrokken omdat de situatie inmiddels anders is.', ALL_THEMES],
  ['De financiering is niet rondgekomen; de betrokken partijen blijven naar elkaar verwijzen.', ['financing', 'responsibility']],
  ['Het CIZ handhaaft het besluit; de regio zoekt verder binnen de Wmo.', ['indication']],
];

const LESSONS: Themed = [
  ['Begin de zoektocht naar een plek al ruim voor het einde van de detentie.', ['outflow', 'housing', 'indication']],
  ['Betrek het zorgkantoor vroeg als er een Wlz-indicatie is of wordt aangevraagd.', ['indication', 'responsibility', 'care', 'financing', 'outflow']],
  ['Een vaste contactpersoon bij de corporatie versnelt bemiddeling aanzienlijk.', ['housing']],
  ['Leg afspraken over regie schriftelijk vast zodra meerdere financiers betrokken zijn.', ['financing', 'responsibility']],
  ['Landelijke escalatie werkt beter met een concrete vraag aan één probleemeigenaar.', ALL_THEMES],
  ['Overbruggingsplekken tussen Wmo en Wlz ontbreken structureel; dit hoort in de signalenrapportage.', ['housing', 'outflow']],
  ['Indicatiegesprekken lukken beter als de levensloopcoördinator erbij aanwezig is.', ['indication']],
  ['Een gezamenlijk overleg met alle financiers tegelijk levert sneller een besluit op dan losse gesprekken.', ['financing', 'responsibility', 'care']],
  ['Maak de escalatieroute in de regio bekend bij alle partners aan de casustafel.', ['other', 'responsibility']],
  ['Bij een combinatie van beperking en psychiatrie helpt het om vg- en ggz-aanbieders samen aan tafel te hebben.', ['care', 'indication']],
];

/** Signal notes per bottleneck (by Wlz number; `A1`, `A2` for the ones added in practice). */
const SIGNAL_NOTES: Readonly<Record<string, readonly string[]>> = {
  '1': ['Coördinator kreeg opnieuw geen inzage in het zorgprofiel van de indicatie.'],
  '2': [
    'Indicatie pas afgegeven na het einde van de detentie; cliënt stond enkele weken zonder onderdak.',
    'Aanvraag tijdens detentie loopt al maanden zonder besluit.',
  ],
  '3': ['Het CIZ vraagt een gesprek met cliënt, die daar niet toe in staat is.'],
  '4': ['Passende plek beschikbaar, maar de aanbieder wacht op de indicatie.'],
  '5': ['Geen dossierhouder betrokken; het zorgkantoor verwijst naar de aanbieder.'],
  '6': ['Dossierhouder wil de regie niet delen met de andere partners aan tafel.'],
  '7': ['Twee aanbieders willen samen instappen, maar de financiering laat dat niet toe.'],
  '8': ['Wmo-indicatie aangevraagd terwijl de Wlz beter past; het traject moest opnieuw.'],
  '9': ['Cliënt met Wlz-indicatie geweigerd in de nachtopvang.', 'Geen overbruggingsplek tussen Wmo en Wlz beschikbaar in de regio.'],
  '10': ['Partners aan de casustafel wisten niet welke escalatieroute van toepassing is.'],
  '11': ['Regionale escalatie doorlopen zonder resultaat; niemand kon een besluit nemen.'],
  '12': ['Vg-aanbieder kan geen verplichte zorg bieden bij een ggz-indicatie.'],
  '13': ['Aanbieder is onzeker over de financiering na afloop van de overgangsregeling.'],
  '14': ['Dagvergoeding voor coördinatie afgewezen bij cliënt in Wlz-behandeling.'],
  A1: ['Corporatie weigert een woning vanwege de forensische voorgeschiedenis.'],
  A2: ['Geen prikkelarme, kleinschalige woonplek in de regio beschikbaar.'],
};

const SIGNAL_NOTES_GENERIC = [
  'Zelfde knelpunt als eerder gemeld, nu bij een andere cliënt.',
  'Signaal uit de casustafel van deze maand.',
  'Meerdere keren voorgekomen in het afgelopen kwartaal.',
  'Gemeld door de levensloopcoördinator na overleg met het zorgkantoor.',
] as const;

/** Bottlenecks found in practice and added by the kwartiermaker (source `added`). */
const ADDED_BOTTLENECKS: ReadonlyArray<{ key: string; at: number } & Pick<Bottleneck, 'title' | 'description' | 'approach' | 'owner'>> = [
  {
    key: 'A1',
    at: 0.3,
    title: 'Woningcorporaties weigeren huurders met een forensische voorgeschiedenis',
    description:
      'Corporaties wijzen levensloopcliënten af op grond van eerdere overlast of delicten, ook als er intensieve begeleiding en afspraken over toezicht zijn. Zonder woning kan uitstroom uit kliniek of detentie niet plaatsvinden.',
    approach: 'Gesprek met de corporaties en hun koepel over afspraken voor begeleid wonen met een vaste contactpersoon per regio.',
    owner: 'Woningcorporaties',
  },
  {
    key: 'A2',
    at: 0.55,
    title: 'Geen passend aanbod voor groepsongeschikte cliënten',
    description:
      'Kleinschalige, prikkelarme woonvormen (zoals Skaeve Huse of tiny houses met begeleiding) ontbreken in de meeste regio’s, waardoor groepsongeschikte cliënten nergens terechtkunnen.',
    approach: 'Inventarisatie per regio via de centrumgemeenten; aansluiten bij het landelijk programma voor kleinschalige woonvormen.',
    owner: 'VNG / gemeenten',
  },
];

const BOTTLENECK_WEIGHT: Readonly<Record<string, number>> = {
  '1': 1, '2': 7, '3': 3, '4': 3, '5': 6, '6': 1.5, '7': 2, '8': 2, '9': 7, '10': 1.5, '11': 6, '12': 1.5, '13': 0.7,
  '14': 1.2, A1: 2.5, A2: 2.5,
};

const THEME_AFFINITY: Record<CaseTheme, Readonly<Record<string, number>>> = {
  housing: { '9': 4, '2': 2, '11': 2, A1: 5, A2: 3 },
  outflow: { '2': 4, '4': 2, '11': 2, A2: 2, '9': 1.5 },
  indication: { '3': 4, '4': 3, '8': 3, '2': 2, '1': 3 },
  financing: { '7': 5, '13': 5, '14': 6 },
  responsibility: { '5': 4, '6': 4, '11': 2 },
  care: { '12': 6, '5': 2, '7': 2, A2: 2 },
  other: { '10': 5, '1': 2, '8': 2 },
};

const THEME_WEIGHTS: ReadonlyArray<readonly [CaseTheme, number]> = [
  ['housing', 32],
  ['outflow', 24],
  ['indication', 13],
  ['responsibility', 10],
  ['care', 9],
  ['financing', 7],
  ['other', 5],
];

/** Problem owners (names from `reference.problemOwners`) that fit a theme, with weights. */
const THEME_OWNERS: Record<CaseTheme, ReadonlyArray<readonly [string, number]>> = {
  housing: [['Woningcorporaties', 4], ['VNG / gemeenten', 4], ['BW/MO-aanbieders', 3], ['Zorgverzekeraars Nederland / zorgkantoren', 2]],
  outflow: [['DJI', 3], ['JenV', 3], ['VNG / gemeenten', 2], ['Zorgverzekeraars Nederland / zorgkantoren', 2], ['VWS', 1]],
  indication: [['CIZ', 6], ['VWS', 2]],
  financing: [['NZa', 3], ['VWS', 3], ['Zorgverzekeraars Nederland / zorgkantoren', 3]],
  responsibility: [['Zorgverzekeraars Nederland / zorgkantoren', 4], ['VWS', 2], ['VNG / gemeenten', 2]],
  care: [['VG-sector', 4], ['VWS', 2], ['Zorgverzekeraars Nederland / zorgkantoren', 2]],
  other: [['VNG / gemeenten', 2], ['JenV', 2], ['VWS', 2]],
};

const HELP_WEIGHTS: ReadonlyArray<readonly [HelpKind[], number]> = [
  [['regionalMediation'], 28],
  [['nationalEscalation'], 22],
  [['advice'], 18],
  [['advice', 'regionalMediation'], 16],
  [['regionalMediation', 'nationalEscalation'], 16],
];

/** Where a case may go next from a status, with weights; `back` marks steps back (need a reason). */
const WALK: Record<CaseStatus, ReadonlyArray<readonly [CaseStatus, number]>> = {
  reported: [['inTreatment', 90], ['regionalMediation', 6], ['resolved', 2], ['closedUnresolved', 2]],
  inTreatment: [['regionalMediation', 40], ['nationalEscalation', 14], ['withProblemOwner', 8], ['resolved', 28], ['closedUnresolved', 8]],
  regionalMediation: [['resolved', 42], ['nationalEscalation', 28], ['withProblemOwner', 6], ['closedUnresolved', 14], ['inTreatment', 5]],
  nationalEscalation: [['withProblemOwner', 52], ['regionalMediation', 12], ['resolved', 16], ['closedUnresolved', 14], ['inTreatment', 4]],
  withProblemOwner: [['resolved', 50], ['closedUnresolved', 30], ['nationalEscalation', 8], ['regionalMediation', 7]],
  resolved: [['inTreatment', 60], ['regionalMediation', 40]],
  closedUnresolved: [['inTreatment', 60], ['regionalMediation', 40]],
};

/** Days a case stays in a status before its next step (min, max). */
const DWELL: Record<CaseStatus, readonly [number, number]> = {
  reported: [0.05, 3],
  inTreatment: [4, 35],
  regionalMediation: [14, 90],
  nationalEscalation: [14, 75],
  withProblemOwner: [30, 180],
  resolved: [14, 90],
  closedUnresolved: [14, 90],
};

interface TaskGroupPlan {
  name: string;
  task: 1 | 2 | 3 | 4 | 5;
  goal: string;
  /** Milestones, in order. */
  phases: readonly string[];
  /** Updates between milestones. */
  ongoing: readonly string[];
  result?: string;
}

const ACTIVE_TASK_GROUPS: readonly TaskGroupPlan[] = [
  {
    name: 'Levensloopplan en draaiboek',
    task: 2,
    goal: 'Eén uniform Levensloopplan en een landelijk draaiboek voor het werkproces van inclusie tot uitstroom, getoetst in de regio’s en ingevoerd bij alle levensloopaanbieders en Zorg- en Veiligheidshuizen.',
    phases: [
      'Startbijeenkomst gehouden; de bestaande levensloopplannen uit de regio’s zijn verzameld en naast elkaar gelegd.',
      'Eerste vergelijking klaar: de plannen verschillen vooral in de monitoringsfase en in de afspraken over uitstroom.',
      'Conceptopzet van het uniforme Levensloopplan besproken; de taakgroep kiest voor een vaste kern met regionale aanvullingen.',
      'Het hoofdstuk over de monitoringsfase is uitgewerkt samen met procesregisseurs uit drie regio’s.',
      'Concept draaiboek gedeeld met de vaste schil; de reacties worden verwerkt.',
      'Proefinvoering gestart in vier regio’s; de eerste ervaringen met de vaste structuur zijn positief.',
      'Feedback uit de proefregio’s verwerkt; de rol van de levensloopcoördinator bij overdracht is aangescherpt.',
      'Definitieve versie voorgelegd aan de ambassadeurs ter vaststelling.',
      'Invoering in alle regio’s voorbereid; er komt een korte uitleg voor nieuwe procesregisseurs.',
      'Evaluatie van de eerste maanden met het uniforme plan staat op de agenda van de vaste schil.',
    ],
    ongoing: [
      'Werksessie gehouden over de overdracht tussen kliniek en ambulante levensloopcoördinatie.',
      'Reacties van procesregisseurs op het concept verzameld; de meeste gaan over de taakverdeling aan de casustafel.',
      'Afgestemd met de kwaliteitsnetwerken zodat het plan aansluit bij bestaande formats.',
      'Tekstvoorstellen besproken; nog open: de termijnen voor evaluatie van het plan.',
    ],
  },
  {
    name: 'Monitor basisgegevens automatiseren',
    task: 4,
    goal: 'De halfjaarlijkse monitor van de basisgegevens geautomatiseerd uitvragen en verwerken, zonder Excellijsten en e-mail, met een overzicht per regio en per jaar.',
    phases: [
      'Huidige uitvraag in kaart gebracht: welke cijfers worden gevraagd, wie ze aanlevert en hoe ze worden samengevoegd.',
      'Definities van inclusie, uitstroom en nieuwe inclusies aangescherpt, zodat alle regio’s op dezelfde manier tellen.',
      'Eerste ronde via de chatbot uitgezet; de meeste projectleiders leverden binnen de termijn aan.',
      'Gesprek gevoerd met de IV-organisatie van de Zorg- en Veiligheidshuizen over geautomatiseerde aanlevering.',
      'Herinneringen aan regio’s die nog niet hebben aangeleverd werken goed; er hoeft veel minder te worden nagebeld.',
      'Overzicht per regio en per jaar besproken met de ambassadeurs; de grafiek vervangt de oude bijlage.',
      'De Excellijsten voor de monitor zijn uitgefaseerd; alleen de export blijft voor eigen analyses.',
      'Voorstel voor aanvullende kengetallen in voorbereiding, afgestemd met het promotieonderzoek.',
    ],
    ongoing: [
      'Cijfers van de laatste ronde gecontroleerd op opvallende verschillen met de vorige ronde; navraag gedaan bij enkele regio’s.',
      'Handleiding voor het insturen van de cijfers bijgewerkt.',
      'Overleg gehad over het tellen van cliënten die tussen regio’s verhuizen.',
      'Testronde gedaan met twee projectleiders; kleine verbeteringen in de vraagstelling doorgevoerd.',
    ],
  },
  {
    name: 'Escalatieroute dreigende dakloosheid',
    task: 5,
    goal: 'Een werkende escalatieroute bij dreigende dakloosheid van levensloopcliënten, van de casustafel in het Zorg- en Veiligheidshuis naar landelijke, domeinoverstijgende maatwerkmogelijkheden.',
    phases: [
      'Bestaande regionale escalatieroutes verzameld; in een deel van de regio’s is de route niet vastgelegd.',
      'De knelpunten over dakloosheid en vastgelopen escalaties uitgewerkt met voorbeelden uit de gemelde casussen.',
      'Concept escalatieroute besproken met de VNG en Zorgverzekeraars Nederland.',
      'Afgesproken dat zorgkantoren bij dreigende dakloosheid binnen twee weken met een bemiddelingsvoorstel komen.',
      'De eerste casussen zijn via de nieuwe route behandeld; de doorlooptijd is korter dan voorheen.',
      'Evaluatie met de procesregisseurs: de route is bekend, maar overbruggingsplekken blijven schaars.',
      'Signalen over dakloosheid na detentie gebundeld voor het overleg met DJI en het ministerie.',
      'Voorstel voor landelijke overbruggingsplekken in voorbereiding met de ambassadeurs.',
    ],
    ongoing: [
      'Vastgelopen casussen van de afgelopen maand doorgenomen; de meeste gaan over uitstroom zonder woonplek.',
      'Contact gelegd met enkele centrumgemeenten over afspraken voor overbruggingsplekken.',
      'De route is toegelicht in het overleg van procesregisseurs.',
      'Overzicht bijgewerkt van regio’s waar de escalatieroute is vastgelegd.',
    ],
  },
];

const DISSOLVED_TASK_GROUPS: readonly TaskGroupPlan[] = [
  {
    name: 'Veelgestelde vragen en vraagbaak',
    task: 1,
    goal: 'Een overzicht van veelgestelde vragen van netwerkpartners en een vast vraagbaakproces bij het Coördinatiepunt.',
    phases: [
      'Vragen van de afgelopen maanden verzameld bij procesregisseurs en projectleiders.',
      'Eerste set antwoorden geschreven en getoetst bij de vaste schil.',
      'Afspraken gemaakt over wie nieuwe vragen beantwoordt en binnen welke termijn.',
    ],
    ongoing: ['Nieuwe vragen uit het netwerk toegevoegd aan het overzicht.', 'Antwoorden afgestemd met de ambassadeurs.'],
    result: 'Veelgestelde vragen gepubliceerd en vraagbaakproces ingericht; het beheer ligt bij het Coördinatiepunt.',
  },
  {
    name: 'Voorbereiding vakdag procesregisseurs',
    task: 3,
    goal: 'Programma, sprekers en werkvormen voor de landelijke vakdag procesregisseurs voorbereiden.',
    phases: [
      'Thema gekozen: samenwerking tussen zorg en veiligheid in de uitstroomfase.',
      'Sprekers benaderd; twee workshops zijn bevestigd.',
      'Uitnodiging verstuurd via de chatbot; de aanmeldingen lopen goed.',
    ],
    ongoing: ['Afstemming met de sprekers over de inhoud van de workshops.', 'Draaiboek voor de dag opgesteld.'],
    result: 'Vakdag gehouden met een goede opkomst en een positieve evaluatie; aanbevelingen voor volgend jaar zijn overgedragen aan de kwartiermaker.',
  },
];

const PROGRESS_TAILS = [
  'De volgende bijeenkomst staat gepland.',
  'Geen belemmeringen op dit moment.',
  'De planning ligt op schema.',
  'Enige vertraging door de vakantieperiode.',
  'Graag agenderen voor het overleg met de ambassadeurs.',
  'Volgende stap: bespreken in de vaste schil.',
  '',
  '',
] as const;

const PROGRAMMES: Record<EventKind, string> = {
  vakdagProcessDirectors:
    'Inloop vanaf half tien. Opening door de ambassadeurs, ervaringen uit de regio’s met vastgelopen casussen, ' +
    'workshops over de escalatieroute, het uniforme Levensloopplan en de samenwerking met de levensloopaanbieder. Afsluiting met een borrel.',
  vakdagProviders:
    'Plenaire opening over de stand van de Levensloopaanpak, daarna workshops over de Wlz-indicatie, uitstroom uit kliniek en detentie ' +
    'en de rol van de levensloopcoördinator. Middagprogramma met intervisie in kleine groepen.',
  duoMeeting:
    'Procesregisseurs en projectleiders werken per regio samen aan verbeterpunten, met presentaties van de taakgroepen en ' +
    'een terugblik op de signalenrapportage.',
  poolMeeting:
    'Agenda: voortgang van de taakgroepen, de signalenrapportage, prioriteiten voor het komende halfjaar en rondvraag.',
  other: 'Programma volgt.',
};

const EVENT_AUDIENCE: Record<EventKind, Audience> = {
  vakdagProcessDirectors: 'processDirectors',
  vakdagProviders: 'providers',
  duoMeeting: 'all',
  poolMeeting: 'pool',
  other: 'all',
};

// ---------------------------------------------------------------------------
// The builder
// ---------------------------------------------------------------------------

interface BuildOptions {
  now: Ms;
  years: number;
  cases: number;
  extraSignals: number;
  seed: number;
  quartermaster: { name: string; email: string } | undefined;
  onProgress: ((done: number, total: number) => void) | undefined;
  purgeExpired: boolean;
}

interface AuditDraft {
  at: Ms;
  actorId: string;
  channel: Channel;
  action: string;
  entityType: AuditEntry['entityType'];
  entityId: string;
  details?: AuditEntry['details'];
}

interface NotificationDraft {
  at: Ms;
  kind: Notification['kind'];
  recipientId: string;
  params: Notification['params'];
}

interface SignalDraft {
  at: Ms;
  bottleneckId: string;
  regionCode: string;
  caseCode?: string;
  reportedById: string;
  channel: Channel;
  note?: string;
  standalone: boolean;
}

interface BottleneckInfo {
  id: string;
  key: string;
  createdAt: Ms;
}

class DemoBuilder {
  private readonly rng: Rng;
  private readonly now: Ms;
  private readonly start: Ms;
  private readonly data: StoreData;
  private readonly audits: AuditDraft[] = [];
  private readonly notifications: NotificationDraft[] = [];
  private readonly signalDrafts: SignalDraft[] = [];
  private readonly channelOf = new Map<string, Channel>();
  private readonly createdAtOf = new Map<string, Ms>();
  private qm!: Person;
  private ambassadors: Person[] = [];
  private processDirectors: Person[] = [];
  private projectLeads: Person[] = [];
  private poolMembers: Person[] = [];
  private readonly regionalByRegion = new Map<string, Person[]>();
  private readonly projectLeadOf = new Map<string, Person>();
  private startedRegions: string[] = [];
  private bottlenecks: BottleneckInfo[] = [];
  /** When every person exists: activity starts after this. */
  private peopleReady: Ms = 0;
  private activityStart: Ms = 0;
  private progressDone = 0;
  private readonly progressTotal: number;
  private lastReported = -1;

  constructor(private readonly o: BuildOptions) {
    this.rng = new Rng(o.seed);
    this.now = o.now;
    const rawStart = o.now - Math.round(o.years * 365.25 * DAY);
    const morning = localMs(localDay(rawStart), 9 * 60);
    this.start = morning < o.now - HOUR ? morning : rawStart;
    this.data = createSeedStore(new Date(this.start));
    this.progressTotal = o.cases + o.extraSignals + 100;
  }

  build(): StoreData {
    this.progress(0);
    this.addPeople();
    this.addBottlenecks();
    this.progress(10);
    this.addTaskGroups();
    this.addCases();
    this.addSignals();
    this.addEvents();
    this.progress(20);
    this.addMonitorRounds();
    this.finishAudit();
    this.finishOutbox();
    this.progressDone = this.progressTotal;
    this.o.onProgress?.(this.progressTotal, this.progressTotal);
    return this.data;
  }

  // -- helpers --------------------------------------------------------------

  private progress(units: number): void {
    this.progressDone += units;
    if (!this.o.onProgress) return;
    const step = Math.max(1, Math.floor(this.progressTotal / 50));
    if (this.lastReported < 0 || this.progressDone - this.lastReported >= step) {
      this.lastReported = this.progressDone;
      this.o.onProgress(Math.min(this.progressDone, this.progressTotal), this.progressTotal);
    }
  }

  /** Move an instant forward into office hours (working day, 08:00–18:00 in Amsterdam). */
  private office(ms: Ms): Ms {
    let day = localDay(ms);
    const minutes = (ms - localMs(day, 0)) / MINUTE;
    if (isWorkday(day) && minutes >= 8 * 60 && minutes < 18 * 60) return ms;
    if (!(isWorkday(day) && minutes < 8 * 60)) day = nextWorkday(addDays(day, 1));
    return localMs(day, 8 * 60 + this.rng.int(0, 9 * 60 + 30)) + this.rng.int(0, 59) * 1000;
  }

  /** A random office-hours instant in [from, to]; later instants somewhat more likely (the Coördinatiepunt gets known). */
  private timeBetween(from: Ms, to: Ms, growth = 0.5): Ms {
    if (to <= from) return from;
    for (let attempt = 0; attempt < 6; attempt++) {
      const u = this.rng.next();
      const f = this.rng.chance(growth) ? Math.sqrt(u) : u;
      const t = this.office(from + (to - from) * f);
      if (t <= to) return t;
    }
    const fallback = to - this.rng.int(1, 120) * MINUTE;
    return fallback > from ? fallback : to;
  }

  private channel(personId: string): Channel {
    return this.channelOf.get(personId) ?? 'cli';
  }

  /** The kwartiermaker works mostly in the terminal, sometimes in chat. */
  private qmChannel(): Channel {
    const chat = this.qm.slackUserId ? 'slack' : this.qm.teamsAadObjectId ? 'teams' : null;
    return chat && this.rng.chance(0.2) ? chat : 'cli';
  }

  private audit(at: Ms, actorId: string, channel: Channel, action: string, entityType: AuditEntry['entityType'], entityId: string, details?: AuditEntry['details']): void {
    const entry: AuditDraft = { at, actorId, channel, action, entityType, entityId };
    if (details) entry.details = details;
    this.audits.push(entry);
  }

  private notify(at: Ms, kind: Notification['kind'], recipientId: string, params: Notification['params']): void {
    if (at < this.now - OUTBOX_DAYS * DAY) return;
    this.notifications.push({ at, kind, recipientId, params });
  }

  // -- people ---------------------------------------------------------------

  private addPeople(): void {
    const rng = this.rng;
    const usedNames = new Set<string>();
    const usedEmails = new Set<string>();
    const inventName = (): [string, string] => {
      for (let i = 0; i < 1000; i++) {
        const first = rng.pick(FIRST_NAMES);
        const last = rng.pick(LAST_NAMES);
        const full = `${first} ${last}`;
        if (!usedNames.has(full)) {
          usedNames.add(full);
          return [first, last];
        }
      }
      throw new Error('demo: geen unieke naam meer te maken');
    };
    const emailFor = (first: string, last: string, domain: string): string => {
      const base = `${slug(first)}.${slug(last)}`;
      let email = `${base}@${domain}`;
      for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${domain}`;
      usedEmails.add(email);
      return email;
    };

    interface Spec {
      at: Ms;
      name: string;
      email: string;
      organisation: string;
      roles: Role[];
      regionCode?: string;
      poolMember: boolean;
      slack: boolean;
      teams: boolean;
    }
    const specs: Spec[] = [];
    const given = this.o.quartermaster;
    if (given) {
      const email = given.email.trim().toLowerCase();
      usedEmails.add(email);
      usedNames.add(given.name.trim());
      specs.push({ at: this.start + 2 * MINUTE, name: given.name.trim(), email, organisation: 'Coördinatiepunt Levensloopaanpak', roles: ['quartermaster'], poolMember: false, slack: false, teams: false });
    } else {
      const [first, last] = inventName();
      specs.push({
        at: this.start + 2 * MINUTE,
        name: `${first} ${last}`,
        email: emailFor(first, last, 'voorbeeld.nl'),
        organisation: 'Coördinatiepunt Levensloopaanpak',
        roles: ['quartermaster'],
        poolMember: false,
        slack: true,
        teams: true,
      });
    }
    // Everyone else is added by the kwartiermaker in the first two weeks.
    const setupEnd = this.start + Math.min(14 * DAY, (this.now - this.start) * 0.08);
    const when = () => Math.max(this.start + 5 * MINUTE, this.timeBetween(this.start + 10 * MINUTE, setupEnd, 0));
    for (let i = 0; i < 2; i++) {
      const [first, last] = inventName();
      specs.push({
        at: when(),
        name: `${first} ${last}`,
        email: emailFor(first, last, 'voorbeeld.nl'),
        organisation: 'Landelijk ambassadeur Levensloopaanpak',
        roles: ['ambassador'],
        poolMember: false,
        slack: i === 1,
        teams: i === 0,
      });
    }
    const chatIds = (): { slack: boolean; teams: boolean } => {
      const r = rng.next();
      if (r < 0.58) return { slack: true, teams: false };
      if (r < 0.93) return { slack: false, teams: true };
      return { slack: true, teams: true };
    };
    this.startedRegions = this.data.regions.filter((r) => r.started && r.active).map((r) => r.code);
    for (const region of this.data.regions) {
      if (!region.started || !region.active) continue;
      const [pf, pl] = inventName();
      specs.push({
        at: when(),
        name: `${pf} ${pl}`,
        email: emailFor(pf, pl, 'aanbieder.voorbeeld.nl'),
        organisation: region.coordinatingProvider ?? `Levensloopaanbieder ${region.name}`,
        roles: ['projectLead'],
        regionCode: region.code,
        poolMember: rng.chance(0.3),
        ...chatIds(),
      });
      const directors = rng.chance(0.5) ? 2 : 1;
      for (let d = 0; d < directors; d++) {
        const [df, dl] = inventName();
        specs.push({
          at: when(),
          name: `${df} ${dl}`,
          email: emailFor(df, dl, 'zvh.voorbeeld.nl'),
          organisation: `Zorg- en Veiligheidshuis ${region.name}`,
          roles: ['processDirector'],
          regionCode: region.code,
          poolMember: rng.chance(0.35),
          ...chatIds(),
        });
      }
    }
    // The standing pool needs enough people to staff the task groups.
    const regional = specs.filter((s) => s.regionCode);
    for (const s of regional) {
      if (specs.filter((x) => x.poolMember).length >= Math.min(14, regional.length)) break;
      if (!s.poolMember && rng.chance(0.5)) s.poolMember = true;
    }
    for (const s of regional) {
      if (specs.filter((x) => x.poolMember).length >= Math.min(14, regional.length)) break;
      s.poolMember = true;
    }

    const [first, ...rest] = specs;
    if (!first) throw new Error('demo: geen kwartiermaker');
    rest.sort((a, b) => a.at - b.at);
    let slackSeq = 0;
    [first, ...rest].forEach((s, i) => {
      const person: Person = {
        id: `P-${String(i + 1).padStart(4, '0')}`,
        name: s.name,
        email: s.email,
        organisation: s.organisation,
        roles: s.roles,
        poolMember: s.poolMember,
        active: true,
        createdAt: iso(s.at),
      };
      if (s.regionCode) person.regionCode = s.regionCode;
      if (s.slack) person.slackUserId = `U0DEMO${String(++slackSeq).padStart(4, '0')}`;
      if (s.teams) person.teamsAadObjectId = rng.uuid();
      this.data.people.push(person);
      this.channelOf.set(person.id, person.slackUserId ? 'slack' : person.teamsAadObjectId ? 'teams' : 'cli');
      this.createdAtOf.set(person.id, s.at);
      if (i === 0) {
        this.qm = person;
        this.audit(s.at, 'system', 'cli', 'person.add', 'person', person.id, { roles: person.roles.join(','), regionCode: null });
      } else {
        this.audit(s.at, this.qm.id, this.qmChannel(), 'person.add', 'person', person.id, {
          roles: person.roles.join(','),
          regionCode: person.regionCode ?? null,
        });
      }
      this.peopleReady = Math.max(this.peopleReady, s.at);
    });
    this.data.counters.person = this.data.people.length;

    for (const p of this.data.people) {
      if (p.roles.includes('ambassador')) this.ambassadors.push(p);
      if (p.roles.includes('processDirector')) this.processDirectors.push(p);
      if (p.roles.includes('projectLead')) {
        this.projectLeads.push(p);
        if (p.regionCode && !this.projectLeadOf.has(p.regionCode)) this.projectLeadOf.set(p.regionCode, p);
      }
      if (p.poolMember) this.poolMembers.push(p);
      if (p.regionCode) {
        const list = this.regionalByRegion.get(p.regionCode) ?? [];
        list.push(p);
        this.regionalByRegion.set(p.regionCode, list);
      }
    }
    this.activityStart = Math.min(this.peopleReady + 2 * DAY, this.start + (this.now - this.start) * 0.1);
    if (this.activityStart <= this.peopleReady) this.activityStart = this.peopleReady + MINUTE;
  }

  // -- bottlenecks ----------------------------------------------------------

  private addBottlenecks(): void {
    for (const b of this.data.bottlenecks) {
      this.bottlenecks.push({ id: b.id, key: String(b.wlzNumber ?? b.id), createdAt: this.start });
    }
    const span = this.now - this.start;
    for (const plan of ADDED_BOTTLENECKS) {
      const at = this.office(this.start + span * plan.at);
      if (at > this.now - 7 * DAY) continue;
      this.data.counters.bottleneck += 1;
      const id = `KP-${String(this.data.counters.bottleneck).padStart(2, '0')}`;
      this.data.bottlenecks.push({
        id,
        title: plan.title,
        description: plan.description,
        approach: plan.approach,
        owner: plan.owner,
        source: 'added',
        createdAt: iso(at),
        active: true,
      });
      this.bottlenecks.push({ id, key: plan.key, createdAt: at });
      this.audit(at, this.qm.id, this.qmChannel(), 'bottleneck.add', 'bottleneck', id);
    }
  }

  private bottleneckWeight(b: BottleneckInfo, theme?: CaseTheme): number {
    const base = BOTTLENECK_WEIGHT[b.key] ?? 1;
    return theme ? base * (THEME_AFFINITY[theme][b.key] ?? 0.35) : base;
  }

  // -- task groups ----------------------------------------------------------

  private addTaskGroups(): void {
    const rng = this.rng;
    const span = this.now - this.start;
    interface Planned {
      plan: TaskGroupPlan;
      created: Ms;
      dissolved?: Ms;
      /** Updates stop this long before now (one group is overdue for its check-in). */
      quietDays: number;
    }
    const planned: Planned[] = [];
    ACTIVE_TASK_GROUPS.forEach((plan, i) => {
      const created = this.timeBetween(this.peopleReady + HOUR, Math.min(this.peopleReady + 10 * DAY, this.now - HOUR), 0);
      planned.push({ plan, created: created + i * MINUTE, quietDays: i === 1 ? 45 : rng.int(2, 20) });
    });
    DISSOLVED_TASK_GROUPS.forEach((plan, i) => {
      const created = this.office(this.start + span * (0.15 + 0.25 * i));
      const dissolved = this.office(created + Math.max(30 * DAY, span * 0.25));
      if (dissolved < this.now - DAY) planned.push({ plan, created, dissolved, quietDays: 0 });
    });
    planned.sort((a, b) => a.created - b.created);

    const pool = this.poolMembers.filter((p) => (this.createdAtOf.get(p.id) ?? 0) <= this.peopleReady);
    planned.forEach((pl, i) => {
      const id = `TG-${String(i + 1).padStart(3, '0')}`;
      const members = rng.sample(pool, Math.min(pool.length, rng.int(4, 7)));
      const first = members[0];
      const tg: TaskGroup = {
        id,
        name: pl.plan.name,
        task: pl.plan.task,
        goal: pl.plan.goal,
        memberIds: members.map((m) => m.id).sort(),
        status: 'active',
        progress: [],
        createdAt: iso(pl.created),
        createdById: this.qm.id,
      };
      if (first) tg.firstContactId = first.id;
      this.audit(pl.created, this.qm.id, this.qmChannel(), 'taskGroup.create', 'taskGroup', id, { task: tg.task, members: members.length });

      const end = pl.dissolved ?? this.now - pl.quietDays * DAY;
      const updates: Ms[] = [];
      for (let t = this.office(pl.created + rng.float(14, 30) * DAY); t < end; t = this.office(t + rng.float(21, 45) * DAY)) updates.push(t);
      let lastPhase = -1;
      let lastText = '';
      updates.forEach((at, k) => {
        // Milestones spread over the updates; updates in between tell what is going on.
        const index = Math.min(pl.plan.phases.length - 1, Math.floor((k * pl.plan.phases.length) / updates.length));
        let phase = pl.plan.phases[index] ?? '';
        if (index === lastPhase) {
          const choices = pl.plan.ongoing.filter((t) => t !== lastText);
          phase = choices.length > 0 ? rng.pick(choices) : phase;
        }
        lastPhase = index;
        lastText = phase;
        const tail = rng.pick(PROGRESS_TAILS);
        const by = first && rng.chance(0.85) ? first.id : this.qm.id;
        const channel = by === this.qm.id ? this.qmChannel() : this.channel(by);
        tg.progress.push({ at: iso(at), byPersonId: by, channel, text: tail ? `${phase} ${tail}` : phase });
        this.audit(at, by, channel, 'taskGroup.progress', 'taskGroup', id);
      });
      if (pl.dissolved !== undefined && pl.plan.result) {
        tg.status = 'dissolved';
        tg.dissolvedAt = iso(pl.dissolved);
        tg.result = pl.plan.result;
        this.audit(pl.dissolved, this.qm.id, this.qmChannel(), 'taskGroup.dissolve', 'taskGroup', id);
      } else {
        const deadlineMonths = [4, 2, 0][i] ?? 0;
        if (deadlineMonths > 0) tg.deadline = addDays(localDay(this.now), deadlineMonths * 30 + rng.int(0, 20));
      }
      this.data.taskGroups.push(tg);
    });
    this.data.counters.taskGroup = this.data.taskGroups.length;
  }

  // -- cases ----------------------------------------------------------------

  private addCases(): void {
    const rng = this.rng;
    const regionPicker = new Picker(this.startedRegions.map((code) => [code, REGION_WEIGHT[code] ?? 3] as const));
    const themePicker = new Picker(THEME_WEIGHTS);
    const end = this.now - 2 * HOUR;
    const times: Ms[] = [];
    for (let i = 0; i < this.o.cases; i++) times.push(this.timeBetween(this.activityStart, end));
    times.sort((a, b) => a - b);

    const retentionDays = this.data.settings.retentionDays;
    const counters = this.data.counters.caseByYear;
    for (const reportedAt of times) {
      const regionCode = regionPicker.pick(rng);
      const locals = this.regionalByRegion.get(regionCode) ?? [];
      const reporter = locals.length > 0 && rng.chance(0.96) ? rng.pick(locals) : this.qm;
      const channel = reporter === this.qm ? 'cli' : this.channel(reporter.id);
      const theme = themePicker.pick(rng);
      const year = localDay(reportedAt).slice(0, 4);
      const seq = (counters[year] ?? 0) + 1;
      counters[year] = seq;
      const code = `VC-${year}-${String(seq).padStart(4, '0')}`;

      // Linked bottlenecks, weighted by theme; only those that existed then.
      const available = this.bottlenecks.filter((b) => b.createdAt <= reportedAt);
      const k = rng.weighted([[0, 5], [1, 50], [2, 35], [3, 10]] as const);
      const bottleneckIds: string[] = [];
      let pool = available.map((b) => [b, this.bottleneckWeight(b, theme)] as const);
      for (let j = 0; j < k && pool.length > 0; j++) {
        const chosen = rng.weighted(pool);
        bottleneckIds.push(chosen.id);
        pool = pool.filter(([b]) => b !== chosen);
      }

      const helpAsked = [...rng.weighted(HELP_WEIGHTS)];
      const c: StuckCase = {
        code,
        regionCode,
        reporterId: reporter.id,
        channel,
        theme,
        bottleneckIds,
        sketch: '',
        stepsTried: this.stepsTried(theme),
        helpAsked,
        status: 'reported',
        history: [{ from: null, to: 'reported', at: iso(reportedAt), byPersonId: reporter.id, channel }],
        notes: [],
        reportedAt: iso(reportedAt),
      };
      if (rng.chance(0.4)) c.stepsNote = rng.pick(STEPS_NOTES);
      const threatened = (theme === 'housing' && rng.chance(0.55)) || (theme === 'outflow' && rng.chance(0.45));
      if (threatened) c.homelessOn = addDays(localDay(reportedAt), rng.int(10, 75));
      c.sketch = this.sketch(theme, helpAsked, threatened);

      this.audit(reportedAt, reporter.id, channel, 'case.report', 'case', code, { regionCode, theme, bottlenecks: bottleneckIds.join(',') });
      if (reporter !== this.qm) this.notify(reportedAt, 'caseReported', this.qm.id, { caseCode: code, regionCode });
      for (const bottleneckId of bottleneckIds) {
        this.signalDrafts.push({ at: reportedAt, bottleneckId, regionCode, caseCode: code, reportedById: reporter.id, channel, standalone: false });
      }

      this.walk(c, reportedAt);
      this.addNotes(c);
      this.maybeLinkLater(c, available);
      if (this.o.purgeExpired) this.maybePurge(c, retentionDays);
      this.data.cases.push(c);
      this.progress(1);
    }
  }

  private stepsTried(theme: CaseTheme): RegionalStep[] {
    const rng = this.rng;
    const p: Record<RegionalStep, number> = {
      caseTable: 0.92,
      regionalEscalation: 0.8,
      municipality: theme === 'housing' ? 0.75 : theme === 'outflow' || theme === 'responsibility' ? 0.5 : 0.25,
      careOffice: theme === 'indication' || theme === 'responsibility' ? 0.7 : theme === 'financing' || theme === 'care' || theme === 'outflow' ? 0.5 : 0.25,
      housingProviders: theme === 'housing' ? 0.7 : theme === 'outflow' ? 0.4 : 0.05,
      providerBoard: 0.2,
    };
    const steps = REGIONAL_STEPS.filter((s) => rng.chance(p[s]));
    return steps.length > 0 ? steps : ['caseTable'];
  }

  private sketch(theme: CaseTheme, help: readonly HelpKind[], threatened: boolean): string {
    const rng = this.rng;
    const parts = [rng.pick(SKETCH_OPENERS[theme])];
    const fitting = forTheme(SKETCH_COMPLICATIONS, theme);
    parts.push(...rng.sample(fitting, rng.int(1, 2)));
    if (threatened) parts.push(rng.pick(SKETCH_URGENCY));
    parts.push(rng.pick(SKETCH_ASK[help[help.length - 1] ?? 'advice']));
    return parts.join(' ');
  }

  /** Walk the route from `reported` until the next step would lie after `now`. */
  private walk(c: StuckCase, reportedAt: Ms): void {
    const rng = this.rng;
    let status: CaseStatus = 'reported';
    let t = reportedAt;
    let backs = 0;
    let reopens = 0;
    for (let step = 0; step < 12; step++) {
      const final = FINAL_STATUSES.has(status);
      if (final && (reopens > 0 || !rng.chance(0.05))) break;
      const from: CaseStatus = status;
      const options: ReadonlyArray<readonly [CaseStatus, number]> = WALK[from].filter(([to]) => final || backs === 0 || findTransition(from, to)?.kind !== 'back');
      const to: CaseStatus = rng.weighted(options);
      const [lo, hi] = DWELL[status];
      const at = this.office(t + rng.float(lo, hi) * DAY);
      if (at >= this.now) break;
      const rule = findTransition(status, to);
      if (!rule) throw new Error(`demo: overgang ${status} → ${to} bestaat niet`);
      const byAmbassador = status === 'nationalEscalation' && rule.kind !== 'reopen' && this.ambassadors.length > 0 && rng.chance(0.5);
      const by = byAmbassador ? rng.pick(this.ambassadors) : this.qm;
      const channel = by === this.qm ? this.qmChannel() : this.channel(by.id);
      const change: StatusChange = { from: status, to, at: iso(at), byPersonId: by.id, channel };
      if (rule.kind === 'back') {
        backs += 1;
        const key = to === 'nationalEscalation' ? 'toNational' : to === 'regionalMediation' ? 'toRegion' : 'toTreatment';
        change.reason = rng.pick(BACK_REASONS[key]);
      } else if (rule.kind === 'reopen') {
        reopens += 1;
        change.reason = rng.pick(REOPEN_REASONS);
      } else if (rule.kind === 'forward' && rng.chance(0.25)) {
        const reasons = FORWARD_REASONS[to];
        if (reasons) change.reason = rng.pick(reasons);
      }
      if (rule.needsProblemOwner && (!c.problemOwner || rng.chance(0.3))) {
        c.problemOwner = rng.weighted(THEME_OWNERS[c.theme]);
      }
      c.history.push(change);
      c.status = to;
      if (rule.kind === 'close') {
        c.closedAt = change.at;
        c.outcome = rng.pick(forTheme(to === 'resolved' ? OUTCOMES_RESOLVED : OUTCOMES_UNRESOLVED, c.theme));
        if (rng.chance(0.45)) c.lesson = rng.pick(forTheme(LESSONS, c.theme));
      } else if (rule.kind === 'reopen') {
        delete c.closedAt;
      }
      this.audit(at, by.id, channel, 'case.move', 'case', c.code, { from: status, to, kind: rule.kind, problemOwner: c.problemOwner ?? null });
      if (c.reporterId !== by.id) this.notify(at, 'caseStatusChanged', c.reporterId, { caseCode: c.code, from: status, to });
      status = to;
      t = at;
    }
  }

  /** Open stretches of a case: [from, to) while not in a final status. */
  private openStretches(c: StuckCase): Array<[Ms, Ms, CaseStatus]> {
    const out: Array<[Ms, Ms, CaseStatus]> = [];
    c.history.forEach((h, i) => {
      if (FINAL_STATUSES.has(h.to)) return;
      const from = Date.parse(h.at);
      const next = c.history[i + 1];
      out.push([from, next ? Date.parse(next.at) : this.now, h.to]);
    });
    return out;
  }

  private addNotes(c: StuckCase): void {
    const rng = this.rng;
    const count = rng.int(0, 2) + (c.history.length > 3 ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
    if (count === 0) return;
    const stretches = this.openStretches(c).filter(([a, b]) => b - a > 2 * HOUR);
    if (stretches.length === 0) return;
    const picker = new Picker(stretches.map((s) => [s, s[1] - s[0]] as const));
    const times: Array<[Ms, CaseStatus]> = [];
    for (let i = 0; i < count; i++) {
      const [a, b, status] = picker.pick(rng);
      const t = this.office(a + HOUR + (b - a - 2 * HOUR) * rng.next());
      if (t < b && t < this.now) times.push([t, status]);
    }
    times.sort((x, y) => x[0] - y[0]);
    for (const [t, status] of times) {
      const phase: NotePhase =
        status === 'regionalMediation' ? 'regional' : status === 'nationalEscalation' ? 'national' : status === 'withProblemOwner' ? 'owner' : 'intake';
      let by: Person = this.qm;
      const r = rng.next();
      if (phase === 'national' && this.ambassadors.length > 0 && r < 0.35) by = rng.pick(this.ambassadors);
      else if (r > 0.65 && c.reporterId !== this.qm.id) by = this.data.people.find((p) => p.id === c.reporterId) ?? this.qm;
      const channel = by === this.qm ? this.qmChannel() : this.channel(by.id);
      const note: StuckCase['notes'][number] = { at: iso(t), byPersonId: by.id, channel, text: rng.pick(NOTES[phase]) };
      if (by === this.qm && c.reporterId !== this.qm.id && rng.chance(0.35)) note.toPersonId = c.reporterId;
      else if (by !== this.qm && rng.chance(0.3)) note.toPersonId = this.qm.id;
      c.notes.push(note);
      this.audit(t, by.id, channel, 'case.note', 'case', c.code, { toPersonId: note.toPersonId ?? null });
      if (note.toPersonId && note.toPersonId !== by.id) this.notify(t, 'caseNote', note.toPersonId, { caseCode: c.code });
    }
  }

  /** Now and then the kwartiermaker links a bottleneck the case revealed later. */
  private maybeLinkLater(c: StuckCase, available: BottleneckInfo[]): void {
    const rng = this.rng;
    if (c.history.length < 3 || !rng.chance(0.12)) return;
    const stretches = this.openStretches(c).slice(1);
    const s = stretches[0];
    if (!s) return;
    const at = this.office(s[0] + rng.float(0.5, 5) * DAY);
    if (at >= s[1] || at >= this.now) return;
    const candidates = available.filter((b) => !c.bottleneckIds.includes(b.id)).map((b) => [b, this.bottleneckWeight(b, c.theme)] as const);
    if (candidates.length === 0) return;
    const b = rng.weighted(candidates);
    c.bottleneckIds.push(b.id);
    const channel = this.qmChannel();
    this.signalDrafts.push({ at, bottleneckId: b.id, regionCode: c.regionCode, caseCode: c.code, reportedById: this.qm.id, channel, standalone: false });
    this.audit(at, this.qm.id, channel, 'case.linkBottleneck', 'case', c.code, { bottleneckId: b.id });
  }

  /** The retention job (03:00 daily) empties the free text of cases closed longer ago than the retention period. */
  private maybePurge(c: StuckCase, retentionDays: number): void {
    if (!c.closedAt || !FINAL_STATUSES.has(c.status)) return;
    const at = localMs(addDays(localDay(Date.parse(c.closedAt)), retentionDays), 3 * 60);
    if (at > this.now) return;
    eraseFreeText(c, iso(at));
    this.audit(at, 'system', 'system', 'case.purge', 'case', c.code);
  }

  // -- signals --------------------------------------------------------------

  private addSignals(): void {
    const rng = this.rng;
    const regionPicker = new Picker(this.startedRegions.map((code) => [code, REGION_WEIGHT[code] ?? 3] as const));
    const all = new Picker(this.bottlenecks.map((b) => [b, this.bottleneckWeight(b)] as const));
    const wlzOnly = new Picker(this.bottlenecks.filter((b) => b.createdAt <= this.start).map((b) => [b, this.bottleneckWeight(b)] as const));
    const end = this.now - HOUR;
    for (let i = 0; i < this.o.extraSignals; i++) {
      const at = this.timeBetween(this.activityStart, end);
      const regionCode = regionPicker.pick(rng);
      const locals = this.regionalByRegion.get(regionCode) ?? [];
      const reporter = locals.length > 0 ? rng.pick(locals) : this.qm;
      let b = all.pick(rng);
      if (b.createdAt > at) b = wlzOnly.pick(rng);
      const draft: SignalDraft = {
        at,
        bottleneckId: b.id,
        regionCode,
        reportedById: reporter.id,
        channel: reporter === this.qm ? 'cli' : this.channel(reporter.id),
        standalone: true,
      };
      if (rng.chance(0.35)) {
        const specific = SIGNAL_NOTES[b.key];
        draft.note = specific && rng.chance(0.75) ? rng.pick(specific) : rng.pick(SIGNAL_NOTES_GENERIC);
      }
      this.signalDrafts.push(draft);
      if ((i & 1023) === 0) this.progress(Math.min(1024, this.o.extraSignals - i));
    }

    const drafts = this.signalDrafts.sort((a, b) => a.at - b.at);
    const signals: Signal[] = new Array<Signal>(drafts.length);
    drafts.forEach((d, i) => {
      const id = `S-${String(i + 1).padStart(6, '0')}`;
      const s: Signal = { id, bottleneckId: d.bottleneckId, regionCode: d.regionCode, reportedById: d.reportedById, channel: d.channel, at: iso(d.at) };
      if (d.caseCode) s.caseCode = d.caseCode;
      if (d.note) s.note = d.note;
      signals[i] = s;
      if (d.standalone) this.audit(d.at, d.reportedById, d.channel, 'signal.report', 'signal', id, { bottleneckId: d.bottleneckId, regionCode: d.regionCode });
    });
    this.data.signals = signals;
    this.data.counters.signal = signals.length;
  }

  // -- events ---------------------------------------------------------------

  private addEvents(): void {
    const rng = this.rng;
    const startYear = +localDay(this.start).slice(0, 4);
    const nowYear = +localDay(this.now).slice(0, 4);
    const audienceOf = (a: Audience): Person[] => {
      if (a === 'processDirectors') return this.processDirectors;
      if (a === 'providers') return this.projectLeads;
      if (a === 'pool') return this.poolMembers;
      return [...this.processDirectors, ...this.projectLeads, ...this.ambassadors];
    };
    const planned: LlaEvent[] = [];
    for (let year = startYear; year <= nowYear + 1; year++) {
      // The year's cycle is planned at once, early in October of the year before.
      const planDay = nextWorkday(`${year - 1}-10-01`);
      const planAt = Math.max(localMs(planDay, 10 * 60), this.peopleReady + HOUR);
      if (planAt > this.now) continue;
      for (const proposal of yearCycle(year)) {
        const createdAt = planAt + planned.length * 1000;
        const dateStart = localMs(proposal.date, 0);
        if (dateStart <= createdAt + 7 * DAY) continue; // too close or past when planned
        const place = proposal.kind === 'poolMeeting' ? (rng.chance(0.5) ? 'Online (Microsoft Teams)' : 'Utrecht') : rng.pick(PLACES);
        const event: LlaEvent = {
          id: '',
          kind: proposal.kind,
          title: proposal.title ?? `${eventKindLabel[proposal.kind]} ${year}`,
          date: proposal.date,
          capacity: proposal.capacity,
          audience: EVENT_AUDIENCE[proposal.kind],
          place,
          programme: PROGRAMMES[proposal.kind],
          registrations: [],
          status: 'planned',
          createdAt: iso(createdAt),
        };
        if (proposal.startTime) event.startTime = proposal.startTime;
        if (proposal.endTime) event.endTime = proposal.endTime;
        if (proposal.registrationDeadline) event.registrationDeadline = proposal.registrationDeadline;
        planned.push(event);
      }
    }
    planned.sort((a, b) => a.date.localeCompare(b.date));
    const byYear = this.data.counters.eventByYear;
    for (const e of planned) {
      const year = e.date.slice(0, 4);
      const seq = (byYear[year] ?? 0) + 1;
      byYear[year] = seq;
      e.id = `EV-${year}-${String(seq).padStart(2, '0')}`;
      const createdAt = Date.parse(e.createdAt);
      this.audit(createdAt, this.qm.id, 'cli', 'event.create', 'event', e.id, { kind: e.kind, date: e.date });

      const audience = audienceOf(e.audience);
      // The vakdag for process directors is popular: a small room, a waiting list.
      const full = e.kind === 'vakdagProcessDirectors';
      if (full) e.capacity = Math.max(4, Math.round(audience.length * 0.7));
      const rate = full ? 0.95 : rng.float(0.45, 0.8);
      this.simulateRegistrations(e, rng.sample(audience, Math.round(audience.length * rate)), createdAt);
      this.data.events.push(e);
    }
  }

  /** Registrations and cancellations in time order, with the same rules as `core/usecases/events.ts`. */
  private simulateRegistrations(e: LlaEvent, people: Person[], createdAt: Ms): void {
    const rng = this.rng;
    const opens = createdAt + DAY;
    const deadline = localMs(e.registrationDeadline ?? addDays(e.date, -1), 17 * 60);
    const eventStart = localMs(e.date, 0);
    type Action = { at: Ms; kind: 'register' | 'cancel'; personId: string };
    const actions: Action[] = [];
    for (const p of people) {
      const at = this.timeBetween(opens, deadline, 0);
      if (at > this.now || at > deadline) continue;
      actions.push({ at, kind: 'register', personId: p.id });
      if (rng.chance(0.1)) {
        const cancelAt = this.timeBetween(at + HOUR, eventStart - HOUR, 0);
        if (cancelAt > at && cancelAt < eventStart && cancelAt <= this.now) actions.push({ at: cancelAt, kind: 'cancel', personId: p.id });
      }
    }
    actions.sort((a, b) => a.at - b.at);
    const regs = new Map<string, Registration>();
    const registered = () => e.registrations.filter((r) => r.status === 'registered').length;
    const waitlist = () => e.registrations.filter((r) => r.status === 'waitlisted').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    for (const a of actions) {
      const channel = this.channel(a.personId);
      if (a.kind === 'register') {
        const status: Registration['status'] = registered() < e.capacity && waitlist().length === 0 ? 'registered' : 'waitlisted';
        const reg: Registration = { personId: a.personId, status, at: iso(a.at), channel, updatedAt: iso(a.at) };
        regs.set(a.personId, reg);
        e.registrations.push(reg);
        this.audit(a.at, a.personId, channel, 'event.register', 'event', e.id, { personId: a.personId, status });
      } else {
        const reg = regs.get(a.personId);
        if (!reg || reg.status === 'cancelled') continue;
        reg.status = 'cancelled';
        reg.updatedAt = iso(a.at);
        reg.channel = channel;
        this.audit(a.at, a.personId, channel, 'event.cancelRegistration', 'event', e.id, { personId: a.personId });
        for (const w of waitlist()) {
          if (registered() >= e.capacity) break;
          w.status = 'registered';
          w.updatedAt = iso(a.at);
          this.notify(a.at, 'waitlistPromoted', w.personId, { eventId: e.id });
          this.audit(a.at, a.personId, channel, 'event.promote', 'event', e.id, { personId: w.personId });
        }
      }
    }
  }

  // -- monitor --------------------------------------------------------------

  private addMonitorRounds(): void {
    const rng = this.rng;
    const startDay = localDay(this.start);
    interface Round {
      period: string;
      periodStart: string;
      opens: Ms;
    }
    const candidates: Round[] = [];
    const firstYear = +startDay.slice(0, 4);
    const lastYear = +localDay(this.now).slice(0, 4);
    for (let y = firstYear - 1; y <= lastYear; y++) {
      for (const half of [1, 2] as const) {
        const periodStart = half === 1 ? `${y}-01-01` : `${y}-07-01`;
        const openDay = nextWorkday(half === 1 ? `${y}-07-01` : `${y + 1}-01-02`);
        const opens = localMs(openDay, 9 * 60 + 30);
        if (opens > this.now - HOUR || opens <= this.peopleReady) continue;
        candidates.push({ period: `${y}-H${half}`, periodStart, opens });
      }
    }
    let rounds = candidates.filter((r) => r.periodStart >= startDay);
    const latest = candidates[candidates.length - 1];
    if (rounds.length === 0 && latest) rounds = [latest];
    if (rounds.length === 0) return;

    // Regions' share of the national total stays roughly the same; the total grows.
    const factor = new Map(this.startedRegions.map((code) => [code, (REGION_WEIGHT[code] ?? 3) * rng.float(0.75, 1.25)] as const));
    const sum = [...factor.values()].reduce((a, b) => a + b, 0);
    const previous = new Map<string, number>();
    rounds.forEach((r, k) => {
      const last = k === rounds.length - 1;
      // About 190 included clients nationally in the first round, about 400 in the newest (with all regions in).
      const total = rounds.length === 1 ? 190 : 190 + ((415 - 190) * k) / (rounds.length - 1);
      const closesOn = addDays(localDay(r.opens), 42);
      const round: MonitorRound = {
        period: r.period,
        openedAt: iso(r.opens),
        openedById: this.qm.id,
        closesOn,
        status: last ? 'open' : 'closed',
        submissions: [],
      };
      this.audit(r.opens, this.qm.id, 'cli', 'monitor.open', 'monitorRound', r.period);
      const closeAt = this.office(localMs(closesOn, 9 * 60) + rng.float(0, 10) * DAY);
      const until = last ? this.now - MINUTE : Math.min(closeAt - HOUR, this.now - MINUTE);
      if (last && localMs(closesOn, 17 * 60) < this.now + 7 * DAY) {
        // Still open: the kwartiermaker extended the deadline to chase the last regions.
        round.closesOn = addDays(localDay(this.now), 14);
      }
      const missingCount = last ? Math.min(this.startedRegions.length, rng.int(3, 5)) : rng.int(0, 2);
      // Latecomers are mostly the smaller regions.
      const smaller = [...this.startedRegions].sort((a, b) => (factor.get(a) ?? 0) - (factor.get(b) ?? 0) || a.localeCompare(b));
      const missing = new Set(rng.sample(smaller.slice(0, Math.max(missingCount, Math.ceil(smaller.length * 0.6))), missingCount));
      for (const code of this.startedRegions) {
        const share = (factor.get(code) ?? 0) / sum;
        const included = Math.max(0, Math.min(40, Math.round(total * share * rng.float(0.92, 1.08))));
        const prev = previous.get(code) ?? Math.round(included * rng.float(0.8, 0.95));
        previous.set(code, included);
        let outflow = rng.int(0, Math.min(3, Math.max(1, Math.round(included / 12))));
        let newInclusions = included - prev + outflow;
        if (newInclusions < 0) {
          outflow -= newInclusions;
          newInclusions = 0;
        }
        if (missing.has(code)) continue;
        const lead = this.projectLeadOf.get(code);
        const byQm = !lead || rng.chance(0.1);
        const by = byQm ? this.qm : lead;
        const at = this.timeBetween(r.opens + HOUR, until, 0);
        if (at > until) continue;
        const channel = byQm ? 'cli' : this.channel(by.id);
        const submission: MonitorSubmission = {
          regionCode: code,
          includedClients: included,
          newInclusions,
          outflow,
          started: true,
          submittedById: by.id,
          submittedAt: iso(at),
          channel,
        };
        round.submissions.push(submission);
        this.audit(at, by.id, channel, 'monitor.submit', 'monitorRound', r.period, { regionCode: code, replaced: false, includedClients: included });
      }
      round.submissions.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
      if (!last) {
        round.closedAt = iso(closeAt);
        this.audit(closeAt, this.qm.id, 'cli', 'monitor.close', 'monitorRound', r.period, { submissions: round.submissions.length });
      }
      this.data.monitorRounds.push(round);
    });
  }

  // -- audit and outbox -----------------------------------------------------

  private finishAudit(): void {
    const drafts = this.audits.sort((a, b) => a.at - b.at);
    let seq = this.data.audit.reduce((m, e) => Math.max(m, e.seq), 0);
    for (const d of drafts) {
      seq += 1;
      const entry: AuditEntry = { seq, at: iso(d.at), actorId: d.actorId, channel: d.channel, action: d.action, entityType: d.entityType, entityId: d.entityId };
      if (d.details) entry.details = d.details;
      this.data.audit.push(entry);
    }
    this.data.counters.audit = seq;
  }

  private finishOutbox(): void {
    const drafts = this.notifications.sort((a, b) => a.at - b.at);
    drafts.forEach((d, i) => {
      this.data.outbox.push({
        id: `N-${String(i + 1).padStart(6, '0')}`,
        kind: d.kind,
        recipientId: d.recipientId,
        createdAt: iso(d.at),
        params: d.params,
        sentAt: iso(Math.min(d.at + this.rng.int(2, 40) * 1000, this.now)),
        attempts: 1,
      });
    });
    this.data.counters.notification = drafts.length;
  }
}
