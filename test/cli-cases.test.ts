/**
 * `lla casus meld|lijst|toon|status|notitie|sluit` end to end: the real
 * executable against a seeded store, no TTY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lla, seededDataDir } from './helpers/cli.js';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
/** Piet (project lead HGL) reported this one. */
let hgl = '';
/** Uma (project lead UTR) reported this one. */
let utr = '';

const PIET = ['--as', 'piet@voorbeeld.nl'];
const UMA = ['--as', 'uma@voorbeeld.nl'];
const ADA = ['--as', 'ada@voorbeeld.nl'];
const run = (args: string[], options?: Parameters<typeof lla>[2]) => lla(dir, args, options);

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  const t = await seededDataDir();
  dir = t.dir;
  cleanup = t.cleanup;
});
afterAll(() => cleanup());

describe('lla casus meld', () => {
  it('a project lead reports for the own region (--json: the created record, Dutch slugs mapped to the core enums)', async () => {
    const homelessOn = inDays(30);
    const r = await run([
      ...PIET, '--json', 'casus', 'meld',
      '--thema', 'wonen',
      '--knelpunten', 'KP-02,kp-09',
      '--schets', 'Ontslag uit detentie over een maand; geen woonplek, Wlz-indicatie sluit opvang uit',
      '--stappen', 'casustafel,zorgkantoor',
      '--toelichting-stappen', 'Twee keer besproken',
      '--dakloos-op', homelessOn,
      '--hulp', 'bemiddeling-regio,landelijke-escalatie',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const c = r.json();
    expect(c.code).toMatch(/^VC-\d{4}-0001$/);
    expect(c).toMatchObject({
      regionCode: 'HGL',
      reporterId: 'P-0003',
      channel: 'cli',
      theme: 'housing',
      bottleneckIds: ['KP-02', 'KP-09'],
      stepsTried: ['caseTable', 'careOffice'],
      stepsNote: 'Twee keer besproken',
      homelessOn,
      helpAsked: ['regionalMediation', 'nationalEscalation'],
      status: 'reported',
    });
    hgl = c.code;
  });

  it('prints the case code in human output; labels work as well as slugs', async () => {
    const r = await run([...UMA, 'casus', 'meld', '--thema', 'Indicatie (Wlz, Wmo)', '--schets', 'CIZ vraagt steeds aanvullende informatie', '--stappen', 'gemeente', '--hulp', 'advies']);
    expect(r.code, r.stderr).toBe(0);
    const code = /Casus (VC-\d{4}-\d{4}) gemeld voor Regio Utrecht, thema indicatie/.exec(r.stdout)?.[1];
    expect(code).toBeDefined();
    utr = code!;
  });

  it('refuses identifying free text (privacy guard, exit 2) naming what looked identifying', async () => {
    const r = await run([...PIET, 'casus', 'meld', '--thema', 'wonen', '--schets', 'Dhr. Jansen woont op de Kerkstraat 12', '--stappen', 'casustafel', '--hulp', 'advies']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('herkenbaar');
    expect(r.stderr).toContain('een naam met aanhef');
    expect(r.stderr).toContain('--schets');
    expect(r.stderr).not.toContain('Jansen');
  });

  it('bad input is exit 2 naming the flag; an unknown bottleneck exit 4; another region exit 3', async () => {
    const base = ['casus', 'meld', '--schets', 'Geen passende plek', '--stappen', 'casustafel', '--hulp', 'advies'];
    const theme = await run([...PIET, ...base, '--thema', 'onzin']);
    expect(theme.code).toBe(2);
    expect(theme.stderr).toContain('--thema');
    expect(theme.stderr).toContain('wonen, uitstroom');
    const step = await run([...PIET, 'casus', 'meld', '--thema', 'zorg', '--schets', 'x x', '--stappen', 'casustafel,fietsen', '--hulp', 'advies']);
    expect(step.code).toBe(2);
    expect(step.stderr).toContain('--stappen');
    const date = await run([...PIET, ...base, '--thema', 'wonen', '--dakloos-op', '2020-01-01']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--dakloos-op');
    const badDate = await run([...PIET, ...base, '--thema', 'wonen', '--dakloos-op', '1 mei']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('jjjj-mm-dd');
    const bottleneck = await run([...PIET, ...base, '--thema', 'wonen', '--knelpunten', 'KP-99']);
    expect(bottleneck.code).toBe(4);
    expect(bottleneck.stderr).toContain('KP-99');
    const region = await run([...PIET, ...base, '--thema', 'wonen', '--regio', 'UTR']);
    expect(region.code).toBe(3);
    expect(region.stderr).toContain('eigen regio');
    const stranger = await run(['--as', 'niemand@voorbeeld.nl', ...base, '--thema', 'wonen']);
    expect(stranger.code).toBe(3);
  });

  it('without a TTY a missing flag fails at once (exit 2) naming it, even with stdin left open', async () => {
    const r = await run([...PIET, 'casus', 'meld', '--thema', 'wonen', '--stappen', 'casustafel', '--hulp', 'advies'], { keepStdinOpen: true, timeoutMs: 10_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--schets');
    const s = await run([...PIET, 'casus', 'meld', '--thema', 'wonen', '--schets', 'Geen plek', '--hulp', 'advies'], { keepStdinOpen: true, timeoutMs: 10_000 });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--stappen');
    // The quartermaster has no region in the profile: --regio is needed.
    const q = await run(['casus', 'meld', '--thema', 'wonen', '--schets', 'Geen plek', '--stappen', 'casustafel', '--hulp', 'advies'], { keepStdinOpen: true, timeoutMs: 10_000 });
    expect(q.code).toBe(2);
    expect(q.stderr).toContain('--regio');
  });
});

describe('lla casus lijst', () => {
  it('the quartermaster sees every region (--json with daysInStatus)', async () => {
    const r = await run(['--json', 'casus', 'lijst']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.json<Array<{ code: string; regionCode: string; daysInStatus: number }>>();
    expect(rows.map((c) => c.code).sort()).toEqual([hgl, utr].sort());
    expect(rows.every((c) => c.daysInStatus === 0)).toBe(true);
  });

  it('a project lead sees only the own region; asking for another is exit 3', async () => {
    const own = await run([...PIET, '--json', 'casus', 'lijst']);
    expect(own.json().map((c: { code: string }) => c.code)).toEqual([hgl]);
    const other = await run([...PIET, 'casus', 'lijst', '--regio', 'UTR']);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('eigen regio');
  });

  it('human output: a table with code, region, theme, status label, days and reporter name', async () => {
    const r = await run(['casus', 'lijst', '--regio', 'hgl']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Code\tRegio\tThema\tStatus\tDagen op status\tMelder');
    expect(lines[1]).toBe(`${hgl}\tHGL\twonen / dreigende dakloosheid\tgemeld\t0\tPiet Projectleider`);
    expect(lines).toHaveLength(2);
  });

  it('filters by status (slug or label) and age; bad filters are exit 2', async () => {
    const reported = await run(['--json', 'casus', 'lijst', '--status', 'gemeld,in-behandeling']);
    expect(reported.json()).toHaveLength(2);
    const none = await run(['--json', 'casus', 'lijst', '--status', 'bemiddeling regio']);
    expect(none.json()).toEqual([]);
    const old = await run(['--json', 'casus', 'lijst', '--ouder-dan', '5']);
    expect(old.json()).toEqual([]);
    const badStatus = await run(['casus', 'lijst', '--status', 'zoek']);
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain('--status');
    const badAge = await run(['casus', 'lijst', '--ouder-dan', 'veel']);
    expect(badAge.code).toBe(2);
    expect(badAge.stderr).toContain('--ouder-dan');
  });
});

describe('lla casus toon', () => {
  it('--json gives the record; human output lists facts, history and notes in Dutch', async () => {
    const j = await run(['--json', 'casus', 'toon', hgl.toLowerCase()]);
    expect(j.code, j.stderr).toBe(0);
    expect(j.json()).toMatchObject({ code: hgl, theme: 'housing', history: [{ from: null, to: 'reported', byPersonId: 'P-0003' }] });
    const h = await run([...PIET, 'casus', 'toon', hgl]);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toContain(`Casus ${hgl} · gemeld`);
    expect(h.stdout).toContain('Haaglanden (HGL)');
    expect(h.stdout).toContain('KP-02');
    expect(h.stdout).toContain('besproken aan de casustafel van het ZVH');
    expect(h.stdout).toContain('landelijke escalatie');
    expect(h.stdout).toMatch(/Gemeld door:\s+Piet Projectleider, \d{1,2} \w+ \d{4}, via terminal \(CLI\)/);
    expect(h.stdout).toContain('Geschiedenis');
    expect(h.stdout).toContain('„gemeld”, door Piet Projectleider');
  });

  it('an unknown code is exit 4; another region’s case is exit 3', async () => {
    const missing = await run(['casus', 'toon', 'VC-2020-9999']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('VC-2020-9999');
    const other = await run([...UMA, 'casus', 'toon', hgl]);
    expect(other.code).toBe(3);
  });
});

describe('lla casus status', () => {
  it('moves along the route by slug or label (--json), and the history records who and why', async () => {
    const a = await run(['--json', 'casus', 'status', hgl, 'in-behandeling']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.json().status).toBe('inTreatment');
    const b = await run(['casus', 'status', hgl, 'geëscaleerd landelijk', '--toelichting', 'Regionale route uitgeput']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('„in behandeling” → „geëscaleerd landelijk”');
    const show = await run(['--json', 'casus', 'toon', hgl]);
    expect(show.json().history.at(-1)).toMatchObject({ from: 'inTreatment', to: 'nationalEscalation', byPersonId: 'P-0001', reason: 'Regionale route uitgeput' });
  });

  it('the core demands what the route needs: exit 2 naming the flag', async () => {
    const back = await run(['casus', 'status', hgl, 'bemiddeling-regio']);
    expect(back.code).toBe(2);
    expect(back.stderr).toContain('--toelichting');
    const owner = await run(['casus', 'status', hgl, 'bij-probleemeigenaar']);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toContain('--probleemeigenaar');
    const same = await run(['casus', 'status', hgl, 'geescaleerd-landelijk']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('staat al op');
    const unknown = await run(['casus', 'status', hgl, 'vergeten']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('<status>');
    const close = await run(['casus', 'status', hgl, 'opgelost']);
    expect(close.code).toBe(2);
    expect(close.stderr).toContain('lla casus sluit');
    const missing = await run(['casus', 'status', hgl], { keepStdinOpen: true, timeoutMs: 10_000 });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<status>');
  });

  it('the ambassadors decide on national escalations; the problem owner is recorded', async () => {
    const r = await run([...ADA, '--json', 'casus', 'status', hgl, 'bij-probleemeigenaar', '--probleemeigenaar', 'VWS']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ status: 'withProblemOwner', problemOwner: 'VWS' });
  });

  it('project leads may not move cases (exit 3); unknown cases are exit 4', async () => {
    const own = await run([...PIET, 'casus', 'status', hgl, 'in-behandeling', '--toelichting', 'Terug']);
    expect(own.code).toBe(3);
    const other = await run([...UMA, 'casus', 'status', hgl, 'in-behandeling', '--toelichting', 'Terug']);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('eigen regio');
    const missing = await run(['casus', 'status', 'VC-2020-9999', 'in-behandeling']);
    expect(missing.code).toBe(4);
  });
});

describe('lla casus notitie', () => {
  it('adds a note, addressed to a person by e-mail (--json: the case)', async () => {
    const r = await run([...PIET, '--json', 'casus', 'notitie', hgl, '--tekst', 'Zorgkantoor gebeld; terugkoppeling volgt', '--aan', 'kim@voorbeeld.nl']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().notes).toEqual([expect.objectContaining({ byPersonId: 'P-0003', toPersonId: 'P-0001', text: 'Zorgkantoor gebeld; terugkoppeling volgt' })]);
    const h = await run(['casus', 'notitie', hgl, '--tekst', 'Dank, ik pak het op']);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toBe(`Notitie toegevoegd aan casus ${hgl}.\n`);
    const show = await run(['casus', 'toon', hgl]);
    expect(show.stdout).toContain('Piet Projectleider → Kim Kwartier');
    expect(show.stdout).toContain('    Dank, ik pak het op');
  });

  it('refuses bad input (2), unknown people and cases (4), other regions (3)', async () => {
    const missing = await run([...PIET, 'casus', 'notitie', hgl], { keepStdinOpen: true, timeoutMs: 10_000 });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--tekst');
    const privacy = await run(['casus', 'notitie', hgl, '--tekst', 'Bel moeder op 06-12345678']);
    expect(privacy.code).toBe(2);
    expect(privacy.stderr).toContain('telefoonnummer');
    const who = await run(['casus', 'notitie', hgl, '--tekst', 'Graag reactie', '--aan', 'P-0999']);
    expect(who.code).toBe(4);
    const unknown = await run(['casus', 'notitie', 'VC-2020-9999', '--tekst', 'Graag reactie']);
    expect(unknown.code).toBe(4);
    const other = await run([...UMA, 'casus', 'notitie', hgl, '--tekst', 'Graag reactie']);
    expect(other.code).toBe(3);
  });
});

describe('lla casus sluit', () => {
  it('is dangerous: without a terminal it needs --yes, and nothing changes', async () => {
    const r = await run(['casus', 'sluit', utr, '--uitkomst', 'Indicatie alsnog afgegeven'], { keepStdinOpen: true, timeoutMs: 10_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect((await run(['--json', 'casus', 'toon', utr])).json().status).toBe('reported');
  });

  it('closes with outcome and lesson (--json); --zonder-oplossing picks the other ending', async () => {
    const r = await run(['--json', '--yes', 'casus', 'sluit', utr, '--uitkomst', 'Indicatie alsnog afgegeven', '--les', 'CIZ vroeg betrekken']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ status: 'resolved', outcome: 'Indicatie alsnog afgegeven', lesson: 'CIZ vroeg betrekken' });
    expect(r.json().closedAt).toBeDefined();
    const h = await run(['--yes', 'casus', 'sluit', hgl, '--zonder-oplossing', '--uitkomst', 'Geen partij gevonden']);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toContain(`Casus ${hgl} is gesloten: gesloten zonder oplossing.`);
    const open = await run(['--json', 'casus', 'lijst', '--open']);
    expect(open.json()).toEqual([]);
  });

  it('refuses bad input (2), unknown cases (4) and people who may not close (3)', async () => {
    const missing = await run(['--yes', 'casus', 'sluit', utr], { keepStdinOpen: true, timeoutMs: 10_000 });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--uitkomst');
    const again = await run(['--yes', 'casus', 'sluit', utr, '--uitkomst', 'Nogmaals']);
    expect(again.code).toBe(2);
    const unknown = await run(['--yes', 'casus', 'sluit', 'VC-2020-9999', '--uitkomst', 'x']);
    expect(unknown.code).toBe(4);
    const other = await run([...UMA, '--yes', 'casus', 'sluit', hgl, '--uitkomst', 'x']);
    expect(other.code).toBe(3);
    const reported = await run([...UMA, '--json', 'casus', 'meld', '--thema', 'financiering', '--schets', 'Dagvergoeding niet declareerbaar', '--stappen', 'zorgkantoor', '--hulp', 'advies']);
    expect(reported.code, reported.stderr).toBe(0);
    const lead = await run([...UMA, '--yes', 'casus', 'sluit', reported.json().code, '--uitkomst', 'Zelf opgelost']);
    expect(lead.code).toBe(3);
    expect((await run(['--json', 'casus', 'toon', reported.json().code])).json().status).toBe('reported');
  });

  it('help leads with Dutch examples', async () => {
    const r = await run(['casus', 'sluit', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimStart().startsWith('Voorbeelden:')).toBe(true);
    expect(r.stdout).toContain('--zonder-oplossing');
    expect(r.stdout).toContain('Opties:');
  });
});
