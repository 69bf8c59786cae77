/**
 * End-to-end: `lla vakdag`, `lla monitor` and `lla rapport` run as the real
 * executable against a seeded store (see test/helpers/cli.ts for the people).
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDay } from '../core/dates.js';
import { lastFullMonth } from '../core/report.js';
import { lla, seededDataDir, type LlaOptions } from './helpers/cli.js';
import { seedReportCaseAndSignal } from './helpers/report-cli.js';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
const today = amsterdamDay(new Date());
const nextYear = Number(today.slice(0, 4)) + 1;
const soon = addDays(today, 30);

const run = (args: string[], options?: LlaOptions) => lla(dir, args, options);
const as = (who: string, args: string[], options?: LlaOptions) => lla(dir, ['--as', who, ...args], options);
const noTty = { keepStdinOpen: true, timeoutMs: 10_000 };

beforeAll(async () => {
  const t = await seededDataDir();
  dir = t.dir;
  cleanup = t.cleanup;
  // A case (with two signals) and a loose signal, through the core.
  await seedReportCaseAndSignal(dir);
});

afterAll(async () => {
  await cleanup();
});

describe('lla vakdag', () => {
  it('help leads with Dutch examples', async () => {
    const r = await run(['vakdag', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimStart().startsWith('Voorbeelden:')).toBe(true);
    expect(r.stdout).toContain('aanmelden');
    expect(r.stdout).toContain('Opdrachten:');
  });

  it('plan <jaar> creates the yearly cycle once (--json); refuses a second time, bad years and other roles', async () => {
    const r = await run(['vakdag', 'plan', String(nextYear), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const events = r.json<Array<{ id: string; kind: string; date: string }>>();
    expect(events.map((e) => e.kind)).toEqual(['poolMeeting', 'vakdagProcessDirectors', 'vakdagProviders', 'poolMeeting', 'duoMeeting']);
    expect(events[0]!.id).toBe(`EV-${nextYear}-01`);
    const again = await run(['vakdag', 'plan', String(nextYear)]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`Het jaarprogramma ${nextYear} is al gepland`);
    const [bad, forbidden, missing] = await Promise.all([
      run(['vakdag', 'plan', 'volgend-jaar']),
      as('piet@voorbeeld.nl', ['vakdag', 'plan', String(nextYear + 1)]),
      run(['vakdag', 'plan'], noTty),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('vier cijfers');
    expect(forbidden.code).toBe(3);
    expect(forbidden.stderr).toMatch(/^Fout: U mag dit niet/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<jaar>');
  });

  it('nieuw creates one event (--json and human); validates kind, date, times and flags', async () => {
    const r = await run([
      'vakdag', 'nieuw', '--soort', 'overig', '--titel', 'Werkbezoek VWS', '--datum', soon, '--capaciteit', '1',
      '--plaats', 'Den Haag, Ministerie', '--begin', '10:00', '--eind', '12:00', '--programma', 'Rondleiding; gesprek met de directie', '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ kind: 'other', title: 'Werkbezoek VWS', date: soon, capacity: 1, place: 'Den Haag, Ministerie', startTime: '10:00', endTime: '12:00', status: 'planned', registrations: [] });
    const human = await run(['vakdag', 'nieuw', '--soort', 'vakdag-procesregisseurs', '--datum', soon, '--capaciteit', '80']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Bijeenkomst EV-\d{4}-\d{2} gepland: Vakdag procesregisseurs \d{4} op \d{1,2} \w+ \d{4}\.\n$/);

    const [kind, date, time, missing, past, forbidden] = await Promise.all([
      run(['vakdag', 'nieuw', '--soort', 'feest', '--datum', soon, '--capaciteit', '10']),
      run(['vakdag', 'nieuw', '--soort', 'overig', '--datum', '10-12-2026', '--capaciteit', '10']),
      run(['vakdag', 'nieuw', '--soort', 'overig', '--datum', soon, '--capaciteit', '10', '--begin', '9:30']),
      run(['vakdag', 'nieuw', '--soort', 'overig', '--datum', soon], noTty),
      run(['vakdag', 'nieuw', '--soort', 'overig', '--datum', '2020-01-01', '--capaciteit', '10']),
      as('P-0005', ['vakdag', 'nieuw', '--soort', 'overig', '--datum', soon, '--capaciteit', '10']),
    ]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('vakdag-procesregisseurs, vakdag-levensloopaanbieders, duo-bijeenkomst, vaste-schil, overig');
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--datum');
    expect(time.code).toBe(2);
    expect(time.stderr).toContain('begintijd');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--capaciteit');
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('verleden');
    expect(forbidden.code).toBe(3);
  });

  it('aankondigen queues chat invitations for the audience once; only the kwartiermaker may', async () => {
    const events = (await run(['vakdag', 'lijst', '--json'])).json() as Array<{ id: string; kind: string }>;
    const id = events.find((e) => e.kind === 'vakdagProviders')!.id; // planned by `vakdag plan`
    const first = await run(['vakdag', 'aankondigen', id, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json()).toEqual({ eventId: id, announced: ['P-0003', 'P-0005'], skipped: 0 }); // the project leads (providers)
    const again = await run(['vakdag', 'aankondigen', id]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 uitnodigingen klaargezet voor de chat (2 overgeslagen: al uitgenodigd of aangemeld)');
    const [forbidden, unknown] = await Promise.all([as('P-0003', ['vakdag', 'aankondigen', id]), run(['vakdag', 'aankondigen', 'EV-2099-99'])]);
    expect(forbidden.code).toBe(3);
    expect(unknown.code).toBe(4);
  });

  it('lijst shows registered/capacity and waiting list; toon shows one event', async () => {
    const r = await run(['vakdag', 'lijst', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const list = r.json<Array<{ id: string; title: string; registeredCount: number; waitlistCount: number; capacity: number }>>();
    expect(list.length).toBe(7);
    expect(list[0]).toMatchObject({ title: 'Werkbezoek VWS', registeredCount: 0, waitlistCount: 0, capacity: 1 });
    const year = await run(['vakdag', 'lijst', '--jaar', String(nextYear), '--json']);
    expect(year.json<unknown[]>().length).toBe(5);
    const human = await run(['vakdag', 'lijst', '--komend']);
    expect(human.stdout.split('\n')[0]).toBe('ID\tDatum\tTijd\tTitel\tPlaats\tAangemeld\tWachtlijst\tStatus');
    expect(human.stdout).toContain('Werkbezoek VWS\tDen Haag, Ministerie\t0/1\t0\tgaat door');
    expect((await run(['vakdag', 'lijst', '--jaar', 'twee'])).code).toBe(2);

    const id = list[0]!.id;
    const show = await run(['vakdag', 'toon', id, '--json']);
    expect(show.json()).toMatchObject({ id, title: 'Werkbezoek VWS', registeredCount: 0, waitlistCount: 0 });
    const showHuman = await as('piet@voorbeeld.nl', ['vakdag', 'toon', id.toLowerCase()]);
    expect(showHuman.code).toBe(0);
    expect(showHuman.stdout).toContain(`${id}  Werkbezoek VWS`);
    expect(showHuman.stdout).toContain('Capaciteit:  1 (aangemeld 0, wachtlijst 0)');
    expect(showHuman.stdout).toContain('10:00–12:00');
    const [unknown, missing] = await Promise.all([run(['vakdag', 'toon', 'EV-2099-99']), run(['vakdag', 'toon'], noTty)]);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('EV-2099-99');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<id>');
  });

  it('aanmelden, wachtlijst, deelnemers and afmelden with promotion from the waiting list', async () => {
    const id = (await run(['vakdag', 'lijst', '--json'])).json<Array<{ id: string }>>()[0]!.id;
    const kim = await run(['vakdag', 'aanmelden', id, '--json']);
    expect(kim.code, kim.stderr).toBe(0);
    expect(kim.json()).toMatchObject({ status: 'registered', event: { id } });
    const piet = await as('piet@voorbeeld.nl', ['vakdag', 'aanmelden', id]);
    expect(piet.code, piet.stderr).toBe(0);
    expect(piet.stdout).toBe('Werkbezoek VWS is vol: u staat op de wachtlijst (plaats 1).\n');
    const petra = await run(['vakdag', 'aanmelden', id, '--persoon', 'petra@voorbeeld.nl']);
    expect(petra.stdout).toContain('Petra Procesregisseur staat op de wachtlijst (plaats 2)');

    const [twice, other, unknownEvent, unknownPerson, missing] = await Promise.all([
      run(['vakdag', 'aanmelden', id]),
      as('piet@voorbeeld.nl', ['vakdag', 'aanmelden', id, '--persoon', 'uma@voorbeeld.nl']),
      run(['vakdag', 'aanmelden', 'EV-2099-99']),
      run(['vakdag', 'aanmelden', id, '--persoon', 'niemand@voorbeeld.nl']),
      run(['vakdag', 'aanmelden'], noTty),
    ]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('al aangemeld');
    expect(other.code).toBe(3);
    expect(unknownEvent.code).toBe(4);
    expect(unknownPerson.code).toBe(4);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<id>');

    const d = await run(['vakdag', 'deelnemers', id, '--json']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.json().participants.map((p: any) => [p.personId, p.name, p.status, p.waitlistPosition])).toEqual([
      ['P-0001', 'Kim Kwartier', 'registered', null],
      ['P-0003', 'Piet Projectleider', 'waitlisted', 1],
      ['P-0004', 'Petra Procesregisseur', 'waitlisted', 2],
    ]);
    expect(d.json().participants[0].registeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const dh = await run(['vakdag', 'deelnemers', id]);
    expect(dh.stdout).toContain('Naam\tOrganisatie\tStatus\tWachtlijstplaats\tAangemeld op');
    expect(dh.stdout).toMatch(/Piet Projectleider\t–\twachtlijst\t1\t\d{1,2} \w+ \d{4} \d{2}:\d{2}/);
    expect(dh.stdout).toContain('1 van 1 plaatsen bezet; 2 op de wachtlijst; 0 afgemeld.');
    expect((await run(['vakdag', 'deelnemers', 'EV-2099-99'])).code).toBe(4);

    const off = await run(['vakdag', 'afmelden', id]);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toBe('U bent afgemeld voor Werkbezoek VWS.\n');
    const after = (await run(['vakdag', 'deelnemers', id, '--json'])).json().participants;
    expect(after.find((p: any) => p.personId === 'P-0003')).toMatchObject({ status: 'registered', waitlistPosition: null });
    expect(after.find((p: any) => p.personId === 'P-0004')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const [again, offOther, offJson] = await Promise.all([
      run(['vakdag', 'afmelden', id]),
      as('P-0005', ['vakdag', 'afmelden', id, '--persoon', 'P-0004']),
      as('P-0004', ['vakdag', 'afmelden', id, '--json']),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('niet aangemeld');
    expect(offOther.code).toBe(3);
    expect(offJson.code, offJson.stderr).toBe(0);
    expect(offJson.json()).toMatchObject({ id });
  });

  it('ics writes an RFC 5545 calendar to stdout or to a file', async () => {
    const id = (await run(['vakdag', 'lijst', '--json'])).json<Array<{ id: string }>>()[0]!.id;
    const r = await run(['vakdag', 'ics', id]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(r.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(r.stdout.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = r.stdout.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toContain(`UID:${id}@lla`);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain(`DTSTART;TZID=Europe/Amsterdam:${soon.replace(/-/g, '')}T100000`);
    expect(lines).toContain(`DTEND;TZID=Europe/Amsterdam:${soon.replace(/-/g, '')}T120000`);
    expect(lines).toContain('LOCATION:Den Haag\\, Ministerie');
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toContain('Rondleiding\\; gesprek met de directie\\n\\nVoor: iedereen.');
    expect(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);
    for (const line of r.stdout.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const file = path.join(dir, 'werkbezoek.ics');
    const w = await run(['vakdag', 'ics', id, '--uit', file]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toBe(`Geschreven: ${file}\n`);
    expect((await readFile(file, 'utf8')).includes(`UID:${id}@lla`)).toBe(true);
    const [unknown, missing] = await Promise.all([run(['vakdag', 'ics', 'EV-2099-99']), run(['vakdag', 'ics'], noTty)]);
    expect(unknown.code).toBe(4);
    expect(missing.code).toBe(2);
  });
});

describe('lla monitor', () => {
  it('ronde opens a round once; validates the period and who may open it', async () => {
    const r = await run(['monitor', 'ronde', '2026-h2', '--sluit-op', addDays(today, 60), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ period: '2026-H2', status: 'open', closesOn: addDays(today, 60), submissions: [] });
    const [again, bad, badDate, forbidden, missing] = await Promise.all([
      run(['monitor', 'ronde', '2026-H2']),
      run(['monitor', 'ronde', '2026-H3']),
      run(['monitor', 'ronde', '2027-H1', '--sluit-op', 'morgen']),
      as('piet@voorbeeld.nl', ['monitor', 'ronde', '2027-H1']),
      run(['monitor', 'ronde'], noTty),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('bestaat al');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('periode');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--sluit-op');
    expect(forbidden.code).toBe(3);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<periode>');
  });

  it('invoer: a project lead submits for their own region only; flags are checked', async () => {
    const r = await as('piet@voorbeeld.nl', ['monitor', 'invoer', '--clienten', '14', '--nieuw', '3', '--uitstroom', '1', '--gestart', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ regionCode: 'HGL', includedClients: 14, newInclusions: 3, outflow: 1, started: true, submittedById: 'P-0003' });
    const human = await run(['monitor', 'invoer', '--periode', '2026-H2', '--regio', 'utr', '--clienten', '9', '--nieuw', '2', '--uitstroom', '0', '--niet-gestart']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toBe('Cijfers voor Regio Utrecht (2026-H2) opgeslagen: 9 cliënten, 2 nieuw, 0 uitstroom; niet gestart.\n');

    const [other, missingOutflow, missingStarted, both, notNumber, noRegion, ambassador, unknownRound] = await Promise.all([
      as('piet@voorbeeld.nl', ['monitor', 'invoer', '--regio', 'UTR', '--clienten', '1', '--nieuw', '0', '--uitstroom', '0', '--gestart']),
      as('piet@voorbeeld.nl', ['monitor', 'invoer', '--clienten', '1', '--nieuw', '0'], noTty),
      as('piet@voorbeeld.nl', ['monitor', 'invoer', '--clienten', '1', '--nieuw', '0', '--uitstroom', '0'], noTty),
      as('piet@voorbeeld.nl', ['monitor', 'invoer', '--clienten', '1', '--nieuw', '0', '--uitstroom', '0', '--gestart', '--niet-gestart']),
      as('piet@voorbeeld.nl', ['monitor', 'invoer', '--clienten', 'veel', '--nieuw', '0', '--uitstroom', '0', '--gestart']),
      run(['monitor', 'invoer', '--clienten', '1', '--nieuw', '0', '--uitstroom', '0', '--gestart'], noTty),
      as('ada@voorbeeld.nl', ['monitor', 'invoer', '--regio', 'HGL', '--clienten', '1', '--nieuw', '0', '--uitstroom', '0', '--gestart']),
      run(['monitor', 'invoer', '--periode', '2030-H1', '--regio', 'HGL', '--clienten', '1', '--nieuw', '0', '--uitstroom', '0', '--gestart']),
    ]);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('eigen regio');
    expect(missingOutflow.code).toBe(2);
    expect(missingOutflow.stderr).toContain('--uitstroom');
    expect(missingStarted.code).toBe(2);
    expect(missingStarted.stderr).toContain('--gestart');
    expect(both.code).toBe(2);
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toContain('--clienten');
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr).toContain('--regio');
    expect(ambassador.code).toBe(3);
    expect(unknownRound.code).toBe(4);
  });

  it('overzicht: a table per region, missing regions and regions started; perYear in --json', async () => {
    const r = await run(['monitor', 'overzicht', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const o = r.json();
    expect(o.period).toBe('2026-H2');
    expect(o.rows.length).toBe(31);
    expect(o.rows.find((x: any) => x.regionCode === 'HGL')).toMatchObject({ submitted: true, includedClients: 14, newInclusions: 3, outflow: 1 });
    expect(o.missingRegions.length).toBe(29);
    expect(o.totals).toMatchObject({ includedClients: 23, submitted: 2, regions: 31 });
    expect(o.perYear).toEqual([{ year: 2026, total: 23, byRegion: { HGL: 14, UTR: 9 } }]);
    expect(typeof o.regionsStarted).toBe('number');

    const human = await run(['monitor', 'overzicht', '--periode', '2026-H2']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Monitorronde 2026-H2 (open)');
    expect(human.stdout).toContain('Code\tRegio\tCliënten\tNieuw\tUitstroom\tGestart\tIngestuurd op');
    expect(human.stdout).toMatch(/HGL\tHaaglanden\t14\t3\t1\tja\t/);
    expect(human.stdout).toContain('Ontbreekt (29):');
    expect(human.stdout).toMatch(/Gestart: \d+ van 31 regio’s\./);
    expect(human.stdout).toContain('Cliënten per jaar: 2026: 23');

    const regional = await as('piet@voorbeeld.nl', ['monitor', 'overzicht', '--json']);
    expect(regional.json().rows.map((x: any) => x.regionCode)).toEqual(['HGL']);
    expect((await run(['monitor', 'overzicht', '--periode', '2030-H1'])).code).toBe(4);
  });
});

describe('lla rapport', () => {
  it('json: headline figures, bottlenecks ranked with owner, per region', async () => {
    const r = await run(['rapport', '--van', today, '--tot', today, '--formaat', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rep = r.json();
    expect(rep.period).toEqual({ from: today, to: today, days: 1 });
    expect(rep.headline).toMatchObject({ newCases: 1, openCases: 1, resolvedCases: 0, nationallyEscalatedCases: 0, signals: 3 });
    expect(rep.bottlenecks.slice(0, 2).map((b: any) => [b.rank, b.bottleneckId, b.signals])).toEqual([
      [1, 'KP-09', 2],
      [2, 'KP-02', 1],
    ]);
    expect(rep.bottlenecks[0].owner.length).toBeGreaterThan(1);
    expect(rep.regions.find((x: any) => x.regionCode === 'HGL')).toMatchObject({ openCases: 1, newCases: 1, signals: 2 });
    expect(rep.regions.find((x: any) => x.regionCode === 'UTR')).toMatchObject({ openCases: 0, newCases: 0, signals: 1 });
    expect(rep.silentRegions.some((x: any) => x.regionCode === 'HGL')).toBe(false);
    // --json without --formaat is JSON too.
    expect((await run(['--json', 'rapport', '--van', today, '--tot', today])).json().headline.signals).toBe(3);
  });

  it('md by default, for the last full calendar month; an ambassador may make it', async () => {
    const r = await as('ada@voorbeeld.nl', ['rapport']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('# Signalenrapportage Levensloopaanpak\n')).toBe(true);
    const month = lastFullMonth(new Date());
    const { formatDate } = await import('../core/dates.js');
    expect(r.stdout).toContain(`Periode: ${formatDate(month.from)} t/m ${formatDate(month.to)}`);
    expect(r.stdout).toContain('## 1. Kerncijfers');
    expect(r.stdout).toContain('## 3. Per regio');
    const current = await run(['rapport', '--van', today, '--tot', today, '--formaat', 'md']);
    expect(current.stdout).toContain('| Nieuwe vastgelopen casussen | 1 |');
    expect(current.stdout).toContain('| Signalen | 3 |');
    expect(current.stdout).toContain('| Signalen in de vorige periode | 0 |');
    expect(current.stdout).toMatch(/\| 1 \| KP-09 [^|]+ \| 2 \| 0 \| \+2 \| meer \| 2 \| 1 \| [^|]+ \|/);
  });

  it('--uit writes the file and prints its path', async () => {
    const file = path.join(dir, 'signalen.md');
    const r = await run(['rapport', '--van', today, '--uit', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Rapport geschreven: ${file}\n`);
    expect((await readFile(file, 'utf8')).startsWith('# Signalenrapportage')).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    const j = await run(['rapport', '--van', today, '--formaat', 'json', '--uit', path.join(dir, 'signalen.json'), '--json']);
    expect(j.json()).toMatchObject({ file: path.join(dir, 'signalen.json'), format: 'json' });
    expect(JSON.parse(await readFile(path.join(dir, 'signalen.json'), 'utf8')).headline.signals).toBe(3);
  });

  it('refuses unknown formats, bad dates and people who may not read everything', async () => {
    const [pdf, badDate, reversed, projectLead, director, unknown] = await Promise.all([
      run(['rapport', '--formaat', 'pdf']),
      run(['rapport', '--van', '2026-13-01']),
      run(['rapport', '--van', '2026-10-31', '--tot', '2026-10-01']),
      as('piet@voorbeeld.nl', ['rapport']),
      as('P-0004', ['rapport', '--formaat', 'json']),
      as('niemand@voorbeeld.nl', ['rapport']),
    ]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('Onbekend formaat „pdf”');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--van');
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('begindatum ligt na de einddatum');
    expect(projectLead.code).toBe(3);
    expect(projectLead.stderr).toContain('signalenrapportage');
    expect(director.code).toBe(3);
    expect(director.stdout).toBe('');
    expect(unknown.code).toBe(3);
  });
});
