/**
 * Texts of `lla planning` and of the schedules themselves: job names as
 * people type them, what a cron expression means in words, and why an
 * expression is refused (also used by the settings use-case).
 *
 * Imports types only: `lla --help` loads this file. Dates arrive formatted.
 */
import type { CronField, CronProblem, CronShape } from '../jobs-cron.js';
import type { JobName, NotificationKind } from '../schema.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What people type for a job (`lla planning uitvoeren <taak>`); the English job names work too. */
export const jobSlug: Record<JobName, string> = {
  weeklyDigest: 'weekoverzicht',
  monthlyReport: 'maandrapport',
  taskGroupCheckIn: 'taakgroep-checkin',
  monitorReminders: 'monitor-herinneringen',
  homelessnessAlerts: 'dakloosheid-alerts',
  eventReminders: 'vakdag-herinneringen',
  retentionPurge: 'bewaartermijn',
};

export const jobLabel: Record<JobName, string> = {
  weeklyDigest: 'Weekoverzicht aan ambassadeurs en kwartiermaker',
  monthlyReport: 'Maandelijkse signalenrapportage aan ambassadeurs en kwartiermaker',
  taskGroupCheckIn: 'Voortgangsvraag aan het eerste aanspreekpunt van een stille taakgroep',
  monitorReminders: 'Herinneringen monitor (na 3 en 7 dagen) en lijst van ontbrekende regio’s',
  homelessnessAlerts: 'Waarschuwing dreigende dakloosheid (14 en 3 dagen vooraf)',
  eventReminders: 'Herinnering aanmeldtermijn en een week voor de bijeenkomst',
  retentionPurge: 'Vrije tekst van gesloten casussen wissen na de bewaartermijn',
};

/** Plural labels of notification kinds, for "what was queued". */
export const notificationKindLabel: Record<NotificationKind, string> = {
  caseStatusChanged: 'statuswijzigingen',
  caseNote: 'notities',
  caseReported: 'nieuwe casussen',
  registrationChanged: 'aanmeldingen',
  waitlistPromoted: 'van de wachtlijst',
  eventAnnounced: 'uitnodigingen',
  weeklyDigest: 'weekoverzichten',
  monthlyReport: 'maandrapporten',
  taskGroupCheckIn: 'voortgangsvragen',
  monitorRequest: 'monitorverzoeken',
  monitorReminder: 'monitorherinneringen',
  monitorMissing: 'lijsten ontbrekende regio’s',
  homelessnessAlert: 'waarschuwingen dreigende dakloosheid',
  eventDeadlineReminder: 'herinneringen aanmeldtermijn',
  eventReminder: 'herinneringen bijeenkomst',
};

const weekdayName = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

const fieldName: Record<CronField, string> = {
  minute: 'minuut',
  hour: 'uur',
  dayOfMonth: 'dag van de maand',
  month: 'maand',
  dayOfWeek: 'dag van de week',
};

function listNl(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export const scheduleMsg = {
  /** `elke maandag 08:00`; the expression itself when it has no common shape. */
  describe: (shape: CronShape, expression: string): string => {
    switch (shape.kind) {
      case 'daily':
        return `elke dag ${shape.time}`;
      case 'weekly': {
        const days = shape.days.join(',');
        if (days === '1,2,3,4,5') return `elke werkdag (ma–vr) ${shape.time}`;
        return `elke ${listNl(shape.days.map((d) => weekdayName[d]!))} ${shape.time}`;
      }
      case 'monthly':
        return `elke maand op de ${shape.dayOfMonth}e ${shape.time}`;
      case 'custom':
        return `volgens „${expression}”`;
    }
  },
  holidayRule: () => 'Valt een tijdstip op een feestdag, dan schuift het naar de volgende werkdag, zelfde tijd.',
  cronProblem: (problem: CronProblem): string => {
    switch (problem.kind) {
      case 'fieldCount':
        return `een cron-uitdrukking heeft vijf delen (minuut uur dag maand weekdag), niet ${problem.count}; bijvoorbeeld "0 8 * * 1" voor elke maandag 08:00`;
      case 'syntax':
        return `„${problem.part}” is geen geldige ${fieldName[problem.field]}`;
      case 'range':
        return `„${problem.part}” valt buiten ${fieldName[problem.field]} ${problem.min}–${problem.max}`;
      case 'never':
        return 'deze dag komt in de gekozen maanden nooit voor';
    }
  },
  cronInvalidFor: (slug: string, problem: string) => `Ongeldig schema voor ${slug}: ${problem}.`,
} as const;

/** `lla planning …` */
export const planningMsg = {
  description: () => 'De planning: geplande berichten (weekoverzicht, maandrapport, herinneringen), volgende en laatste uitvoering.',
  listDescription: () => 'Toon elke geplande taak met het schema, de volgende en de laatste uitvoering.',
  runDescription: () => 'Voer een geplande taak nu uit en toon wat er klaarstaat om te versturen (alleen de kwartiermaker).',
  setDescription: () => 'Wijzig het schema van een taak (cron-uitdrukking, tijdzone Europe/Amsterdam; alleen de kwartiermaker).',
  argJob: () => `de taak: ${Object.values(jobSlug).join(', ')}`,
  argCron: () => 'cron-uitdrukking: minuut uur dag maand weekdag, bijvoorbeeld "0 8 * * 1"',
  optDryRun: () => 'alleen tonen wat er verstuurd zou worden; niets opslaan',
  askJob: () => 'Welke taak?',
  askCron: () => 'Nieuw schema (cron, bijvoorbeeld 0 8 * * 1):',
  unknownJob: (given: string) => `Onbekende taak „${given}”. Kies uit: ${Object.values(jobSlug).join(', ')}.`,

  headers: () => ['Taak', 'Schema', 'Wanneer', 'Volgende keer', 'Laatst uitgevoerd'],
  never: () => 'nog nooit',
  none: () => '(geen)',
  catchUp: () => '(ingehaald bij de volgende start van de bot)',
  footer: () => [
    'Tijdzone Europe/Amsterdam. Valt een tijdstip op een feestdag, dan schuift het naar de volgende werkdag, zelfde tijd.',
    'Een gemiste uitvoering (bot uit) wordt één keer ingehaald; hetzelfde bericht gaat nooit twee keer uit.',
  ],

  ranTitle: (slug: string, at: string) => `Taak ${slug} uitgevoerd op ${at}.`,
  dryTitle: (slug: string, at: string) => `Proef (--dry-run) van ${slug} op ${at}: er is niets opgeslagen of verstuurd.`,
  queuedNone: (dry: boolean) => (dry ? 'Er zou niets klaargezet worden.' : 'Er is niets klaargezet: niets te melden, of alles is al eerder verstuurd.'),
  queuedTotal: (n: number, dry: boolean) =>
    dry ? `Zou klaarzetten: ${plural(n, 'bericht', 'berichten')}.` : `Klaargezet voor verzending in de chat: ${plural(n, 'bericht', 'berichten')}.`,
  queuedKind: (label: string, n: number, names: string[]) => `  ${label}: ${n} (${names.join(', ')})`,
  alreadySent: (n: number) => `Al eerder verstuurd en overgeslagen: ${plural(n, 'bericht', 'berichten')}.`,
  purged: (codes: string[], dry: boolean) =>
    codes.length === 0
      ? dry
        ? 'Er zou geen vrije tekst gewist worden.'
        : 'Er was geen vrije tekst te wissen.'
      : `${dry ? 'Zou vrije tekst wissen van' : 'Vrije tekst gewist van'} ${plural(codes.length, 'casus', 'casussen')}: ${codes.join(', ')}.`,
  deliveryHint: () => 'De bot verstuurt de berichten (npm start / lla bot); zonder draaiende bot blijven ze klaarstaan.',

  scheduleSet: (slug: string, expression: string, words: string) => `Schema van ${slug} is nu "${expression}" (${words}).`,
  nextRunLine: (at: string) => `Volgende keer: ${at}.`,
} as const;
