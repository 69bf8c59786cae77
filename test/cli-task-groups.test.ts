/**
 * End-to-end: `lla taakgroep`, `lla knelpunt` and `lla signaal`, run as the
 * real executable against a seeded store (see helpers/cli.ts for the people).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDay } from '../core/dates.js';
import { lla, seededDataDir } from './helpers/cli.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

async function seeded(): Promise<string> {
  const t = await seededDataDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const noWait = { keepStdinOpen: true, timeoutMs: 10_000 };

describe('lla taakgroep', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await seeded();
  }, 30_000);

  it('nieuw --json prints the created group; the first contact becomes a member', async () => {
    const r = await lla(dir, [
      'taakgroep', 'nieuw', '--naam', 'Signalenrapportage', '--taak', '5', '--doel', 'Knelpunten bundelen voor de ambassadeurs',
      '--leden', 'P-0004', '--aanspreekpunt', 'uma@voorbeeld.nl', '--deadline', '2026-12-01', '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({
      id: 'TG-001',
      name: 'Signalenrapportage',
      task: 5,
      memberIds: ['P-0004', 'P-0005'],
      firstContactId: 'P-0005',
      deadline: '2026-12-01',
      status: 'active',
      progress: [],
      createdById: 'P-0001',
    });
  });

  it('nieuw in human form names the task, the members and the deadline', async () => {
    const r = await lla(dir, ['taakgroep', 'nieuw', '--naam', 'Uniform Levensloopplan', '--taak', '2', '--doel', 'Eén plan voor alle regio’s']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Taakgroep TG-002 „Uniform Levensloopplan” samengesteld (taak 2 – Ideaal werkproces).');
    expect(r.stdout).toContain('Leden: (nog geen)');
    expect(r.stdout).toContain('Deadline: (geen)');
  });

  it('nieuw refuses bad input with exit 2: task out of range, bad date, a person outside the standing pool', async () => {
    const a = await lla(dir, ['taakgroep', 'nieuw', '--naam', 'X groep', '--taak', '9', '--doel', 'Doel']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('taak');
    const b = await lla(dir, ['taakgroep', 'nieuw', '--naam', 'X groep', '--taak', 'vijf', '--doel', 'Doel']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--taak');
    const c = await lla(dir, ['taakgroep', 'nieuw', '--naam', 'X groep', '--taak', '1', '--doel', 'Doel', '--deadline', '1-12-2026']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--deadline');
    const d = await lla(dir, ['taakgroep', 'nieuw', '--naam', 'X groep', '--taak', '1', '--doel', 'Doel', '--leden', 'P-0003']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('vaste schil');
    const e = await lla(dir, ['taakgroep', 'nieuw', '--naam', 'X groep', '--taak', '1', '--doel', 'Doel', '--leden', 'P-0999']);
    expect(e.code).toBe(4);
  });

  it('nieuw is for the quartermaster only (exit 3); a missing flag without a TTY is exit 2 naming it', async () => {
    const a = await lla(dir, ['--as', 'piet@voorbeeld.nl', 'taakgroep', 'nieuw', '--naam', 'X groep', '--taak', '1', '--doel', 'Doel']);
    expect(a.code).toBe(3);
    expect(a.stderr).toMatch(/^Fout: U mag dit niet/);
    const b = await lla(dir, ['taakgroep', 'nieuw', '--naam', 'X groep', '--taak', '1'], noWait);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--doel');
    const c = await lla(dir, ['taakgroep', 'nieuw', '--doel', 'Doel'], noWait);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--naam');
  });

  it('lid adds, removes and makes a first contact', async () => {
    const add = await lla(dir, ['taakgroep', 'lid', 'TG-002', 'P-0004', '--json']);
    expect(add.code, add.stderr).toBe(0);
    expect(add.json().memberIds).toEqual(['P-0004']);
    const human = await lla(dir, ['taakgroep', 'lid', 'tg-002', 'uma@voorbeeld.nl']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('Uma Utrecht is lid geworden van taakgroep TG-002.');
    const fc = await lla(dir, ['taakgroep', 'lid', 'TG-002', 'P-0004', '--aanspreekpunt']);
    expect(fc.code, fc.stderr).toBe(0);
    expect(fc.stdout).toContain('Petra Procesregisseur is nu het eerste aanspreekpunt van taakgroep TG-002.');
    const rm = await lla(dir, ['taakgroep', 'lid', 'TG-002', 'P-0005', '--verwijder', '--json']);
    expect(rm.code, rm.stderr).toBe(0);
    expect(rm.json()).toMatchObject({ memberIds: ['P-0004'], firstContactId: 'P-0004' });
  });

  it('lid --aanspreekpunt adds a pool member who is not yet a member', async () => {
    const r = await lla(dir, ['taakgroep', 'lid', 'TG-002', 'P-0005', '--aanspreekpunt', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ memberIds: ['P-0004', 'P-0005'], firstContactId: 'P-0005' });
  });

  it('lid: errors map to exit codes', async () => {
    const twice = await lla(dir, ['taakgroep', 'lid', 'TG-002', 'P-0004']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('al lid');
    expect((await lla(dir, ['taakgroep', 'lid', 'TG-999', 'P-0004'])).code).toBe(4);
    expect((await lla(dir, ['taakgroep', 'lid', 'TG-002', 'P-0999'])).code).toBe(4);
    expect((await lla(dir, ['--as', 'P-0002', 'taakgroep', 'lid', 'TG-002', 'P-0004', '--verwijder'])).code).toBe(3);
    const both = await lla(dir, ['taakgroep', 'lid', 'TG-002', 'P-0004', '--verwijder', '--aanspreekpunt']);
    expect(both.code).toBe(2);
    const missing = await lla(dir, ['taakgroep', 'lid', 'TG-002'], noWait);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<persoon>');
  });

  it('voortgang by the first contact and the quartermaster; others are refused (exit 3)', async () => {
    const a = await lla(dir, ['--as', 'uma@voorbeeld.nl', 'taakgroep', 'voortgang', 'TG-001', '--tekst', 'Eerste rapportage besproken', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.json().progress).toEqual([expect.objectContaining({ byPersonId: 'P-0005', channel: 'cli', text: 'Eerste rapportage besproken' })]);
    const b = await lla(dir, ['taakgroep', 'voortgang', 'TG-001', '--tekst', 'Tweede versie rondgestuurd']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('Voortgang vastgelegd bij taakgroep TG-001 (2 updates).');
    const c = await lla(dir, ['--as', 'P-0004', 'taakgroep', 'voortgang', 'TG-001', '--tekst', 'Ik ben geen aanspreekpunt']);
    expect(c.code).toBe(3);
    expect(c.stderr).toContain('eerste aanspreekpunt');
    expect((await lla(dir, ['taakgroep', 'voortgang', 'TG-404', '--tekst', 'x'])).code).toBe(4);
    const d = await lla(dir, ['taakgroep', 'voortgang', 'TG-001'], noWait);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--tekst');
    const privacy = await lla(dir, ['taakgroep', 'voortgang', 'TG-001', '--tekst', 'Cliënt met BSN 111222333 besproken']);
    expect(privacy.code).toBe(2);
  });

  it('toon shows members by name, the first contact, the deadline and the timeline', async () => {
    const r = await lla(dir, ['taakgroep', 'toon', 'TG-001']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('TG-001  Signalenrapportage');
    expect(r.stdout).toContain('Taak: 5 – Knelpunten');
    expect(r.stdout).toContain('Eerste aanspreekpunt: Uma Utrecht');
    expect(r.stdout).toContain('Deadline: 1 december 2026');
    expect(r.stdout).toContain('Petra Procesregisseur (P-0004)');
    expect(r.stdout).toContain('Uma Utrecht (P-0005) – eerste aanspreekpunt');
    expect(r.stdout).toContain('Voortgang (2 updates):');
    expect(r.stdout).toMatch(/Uma Utrecht: Eerste rapportage besproken\n.*Kim Kwartier: Tweede versie rondgestuurd/);
    const j = await lla(dir, ['taakgroep', 'toon', 'tg-001', '--json']);
    expect(j.code).toBe(0);
    expect(j.json()).toMatchObject({ id: 'TG-001', progress: [{ byPersonId: 'P-0005' }, { byPersonId: 'P-0001' }] });
    expect((await lla(dir, ['taakgroep', 'toon', 'TG-999'])).code).toBe(4);
    const missing = await lla(dir, ['taakgroep', 'toon'], noWait);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<taakgroep>');
  });

  it('ophef needs confirmation, is for the quartermaster, and lijst --alle shows dissolved groups', async () => {
    const noYes = await lla(dir, ['taakgroep', 'ophef', 'TG-002', '--resultaat', 'Plan vastgesteld'], noWait);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('--yes');
    const lead = await lla(dir, ['--as', 'P-0005', 'taakgroep', 'ophef', 'TG-002', '--resultaat', 'Plan vastgesteld', '--yes']);
    expect(lead.code).toBe(3);
    const noResult = await lla(dir, ['taakgroep', 'ophef', 'TG-002', '--yes'], noWait);
    expect(noResult.code).toBe(2);
    expect(noResult.stderr).toContain('--resultaat');
    expect((await lla(dir, ['taakgroep', 'ophef', 'TG-777', '--resultaat', 'x', '--yes'])).code).toBe(4);

    const ok = await lla(dir, ['taakgroep', 'ophef', 'TG-002', '--resultaat', 'Plan vastgesteld', '--yes', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ id: 'TG-002', status: 'dissolved', result: 'Plan vastgesteld' });
    const again = await lla(dir, ['taakgroep', 'ophef', 'TG-002', '--resultaat', 'Nogmaals', '--yes']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('opgeheven');
    expect((await lla(dir, ['taakgroep', 'voortgang', 'TG-002', '--tekst', 'Te laat'])).code).toBe(2);

    const active = await lla(dir, ['taakgroep', 'lijst', '--json']);
    expect(active.json().map((g: { id: string }) => g.id)).toEqual(['TG-001']);
    const all = await lla(dir, ['taakgroep', 'lijst', '--alle', '--json']);
    expect(all.json().map((g: { id: string; status: string }) => [g.id, g.status])).toEqual([
      ['TG-001', 'active'],
      ['TG-002', 'dissolved'],
    ]);
    const human = await lla(dir, ['taakgroep', 'lijst', '--alle']);
    expect(human.code).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines[0]).toBe('Id\tNaam\tTaak\tLeden\tEerste aanspreekpunt\tDeadline\tStatus\tLaatste voortgang');
    expect(lines[1]).toMatch(/^TG-001\tSignalenrapportage\t5\t2\tUma Utrecht\t1 december 2026\tactief\t\d+ \w+ \d{4}$/);
    expect(lines[2]).toMatch(/^TG-002\tUniform Levensloopplan\t2\t2\tUma Utrecht\t–\topgeheven\t–$/);
    const shown = await lla(dir, ['taakgroep', 'toon', 'TG-002']);
    expect(shown.stdout).toMatch(/Status: opgeheven sinds \d+ \w+ \d{4}/);
    expect(shown.stdout).toContain('Resultaat: Plan vastgesteld');
  });

  it('every known person may read task groups; unknown people are refused (exit 3)', async () => {
    const r = await lla(dir, ['--as', 'piet@voorbeeld.nl', 'taakgroep', 'lijst', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toHaveLength(1);
    expect((await lla(dir, ['--as', 'niemand@voorbeeld.nl', 'taakgroep', 'lijst'])).code).toBe(3);
  });
});

describe('lla knelpunt and lla signaal', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await seeded();
  }, 30_000);

  it('signaal nieuw: a project lead reports for their own region; --json prints the signal', async () => {
    const r = await lla(dir, ['--as', 'piet@voorbeeld.nl', 'signaal', 'nieuw', '--knelpunt', '2', '--toelichting', 'Ontslag uit detentie zonder woonplek', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ id: 'S-000001', bottleneckId: 'KP-02', regionCode: 'HGL', reportedById: 'P-0003', channel: 'cli', note: 'Ontslag uit detentie zonder woonplek' });
    const human = await lla(dir, ['--as', 'P-0003', 'signaal', 'nieuw', '--knelpunt', 'kp-09']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Signaal S-000002 vastgelegd: KP-09 .+ in Haaglanden \(HGL\)\.$/m);
  });

  it('signaal nieuw: the quartermaster names the region (code or name); errors map to exit codes', async () => {
    const a = await lla(dir, ['signaal', 'nieuw', '--knelpunt', 'KP-02', '--regio', 'utr', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.json()).toMatchObject({ bottleneckId: 'KP-02', regionCode: 'UTR', reportedById: 'P-0001' });
    const b = await lla(dir, ['signaal', 'nieuw', '--knelpunt', '5', '--regio', 'Regio Utrecht', '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.json().regionCode).toBe('UTR');

    const noRegion = await lla(dir, ['signaal', 'nieuw', '--knelpunt', '2'], noWait);
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr).toContain('--regio');
    const noBottleneck = await lla(dir, ['--as', 'P-0003', 'signaal', 'nieuw'], noWait);
    expect(noBottleneck.code).toBe(2);
    expect(noBottleneck.stderr).toContain('--knelpunt');
    expect((await lla(dir, ['signaal', 'nieuw', '--knelpunt', 'KP-99', '--regio', 'HGL'])).code).toBe(4);
    expect((await lla(dir, ['signaal', 'nieuw', '--knelpunt', 'geen', '--regio', 'HGL'])).code).toBe(2);
    expect((await lla(dir, ['signaal', 'nieuw', '--knelpunt', '2', '--regio', 'NERGENS'])).code).toBe(4);
    const otherRegion = await lla(dir, ['--as', 'P-0003', 'signaal', 'nieuw', '--knelpunt', '2', '--regio', 'UTR']);
    expect(otherRegion.code).toBe(3);
    expect(otherRegion.stderr).toContain('eigen regio');
    expect((await lla(dir, ['--as', 'P-0002', 'signaal', 'nieuw', '--knelpunt', '2', '--regio', 'UTR'])).code).toBe(3);
    const privacy = await lla(dir, ['signaal', 'nieuw', '--knelpunt', '2', '--regio', 'HGL', '--toelichting', 'Dhr. Jansen, geboren 12-03-1980']);
    expect(privacy.code).toBe(2);
    expect(privacy.stderr).toContain('herkenbaar');
  });

  it('signaal lijst: filters by period, region and bottleneck', async () => {
    const all = await lla(dir, ['signaal', 'lijst', '--json']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.json()).toHaveLength(4);
    const hgl = await lla(dir, ['signaal', 'lijst', '--regio', 'HGL', '--json']);
    expect(hgl.json().map((s: { id: string }) => s.id)).toEqual(['S-000001', 'S-000002']);
    const kp2 = await lla(dir, ['signaal', 'lijst', '--knelpunt', '2', '--json']);
    expect(kp2.json().map((s: { regionCode: string }) => s.regionCode)).toEqual(['HGL', 'UTR']);
    const today = amsterdamDay(new Date());
    const inPeriod = await lla(dir, ['signaal', 'lijst', '--van', today, '--tot', today, '--json']);
    expect(inPeriod.json()).toHaveLength(4);
    const before = await lla(dir, ['signaal', 'lijst', '--tot', addDays(today, -1), '--json']);
    expect(before.json()).toEqual([]);
    const after = await lla(dir, ['signaal', 'lijst', '--van', addDays(today, 1), '--json']);
    expect(after.json()).toEqual([]);

    const human = await lla(dir, ['signaal', 'lijst', '--regio', 'HGL']);
    expect(human.code).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines[0]).toBe('Id\tDatum\tRegio\tKnelpunt\tCasus\tToelichting');
    expect(lines[1]).toMatch(/^S-000001\t\d+ \w+ \d{4}\tHGL\tKP-02\t–\tOntslag uit detentie zonder woonplek$/);
    expect(lines).toHaveLength(3);

    const badDate = await lla(dir, ['signaal', 'lijst', '--van', '2026-13-01']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--van');
    expect((await lla(dir, ['signaal', 'lijst', '--van', '2026-06-01', '--tot', '2026-01-01'])).code).toBe(2);
  });

  it('signaal lijst: a project lead sees only their region and gets exit 3 for another', async () => {
    const own = await lla(dir, ['--as', 'piet@voorbeeld.nl', 'signaal', 'lijst', '--json']);
    expect(own.code, own.stderr).toBe(0);
    expect(own.json().map((s: { regionCode: string }) => s.regionCode)).toEqual(['HGL', 'HGL']);
    const other = await lla(dir, ['--as', 'piet@voorbeeld.nl', 'signaal', 'lijst', '--regio', 'UTR']);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('eigen regio');
    expect(other.stdout).toBe('');
    const ambassador = await lla(dir, ['--as', 'ada@voorbeeld.nl', 'signaal', 'lijst', '--regio', 'UTR', '--json']);
    expect(ambassador.code).toBe(0);
    expect(ambassador.json()).toHaveLength(2);
  });

  it('knelpunt lijst shows id, title, owner and signal count (counts per viewer)', async () => {
    const j = await lla(dir, ['knelpunt', 'lijst', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const list = j.json();
    expect(list).toHaveLength(14);
    expect(list.find((b: { id: string }) => b.id === 'KP-02')).toMatchObject({ source: 'wlz', wlzNumber: 2, signalCount: 2 });
    const lead = await lla(dir, ['--as', 'P-0005', 'knelpunt', 'lijst', '--json']);
    expect(lead.json().find((b: { id: string }) => b.id === 'KP-02').signalCount).toBe(1);
    const human = await lla(dir, ['knelpunt', 'lijst']);
    const lines = human.stdout.trim().split('\n');
    expect(lines[0]).toBe('Id\tTitel\tEigenaar\tSignalen');
    expect(lines.find((l) => l.startsWith('KP-02\t'))).toMatch(/^KP-02\t.+\t.+\t2$/);
    expect(lines).toHaveLength(15);
  });

  it('knelpunt nieuw (quartermaster) and toon by KP-id or number', async () => {
    const r = await lla(dir, ['knelpunt', 'nieuw', '--titel', 'Geen woonplek na klinische opname', '--eigenaar', 'VNG / gemeenten', '--aanvliegroute', 'Overleg met VNG', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ id: 'KP-15', title: 'Geen woonplek na klinische opname', owner: 'VNG / gemeenten', approach: 'Overleg met VNG', description: '', source: 'added', active: true });
    const human = await lla(dir, ['knelpunt', 'nieuw', '--titel', 'Wachtlijst beschermd wonen', '--eigenaar', 'VWS']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('Knelpunt KP-16 „Wachtlijst beschermd wonen” toegevoegd.');

    expect((await lla(dir, ['--as', 'ada@voorbeeld.nl', 'knelpunt', 'nieuw', '--titel', 'Iets nieuws', '--eigenaar', 'VWS'])).code).toBe(3);
    const missing = await lla(dir, ['knelpunt', 'nieuw', '--titel', 'Iets nieuws'], noWait);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--eigenaar');
    expect((await lla(dir, ['knelpunt', 'nieuw', '--titel', 'ab', '--eigenaar', 'VWS'])).code).toBe(2);

    const shown = await lla(dir, ['knelpunt', 'toon', '2']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^KP-02 {2}Wlz-indicatie/);
    expect(shown.stdout).toContain('Bron: Wlz-knelpuntenlijst, nummer 2');
    expect(shown.stdout).toContain('Signalen: 2');
    const added = await lla(dir, ['knelpunt', 'toon', 'kp-15']);
    expect(added.stdout).toMatch(/Bron: toegevoegd op \d+ \w+ \d{4}/);
    expect(added.stdout).toContain('Aanvliegroute: Overleg met VNG');
    const j = await lla(dir, ['knelpunt', 'toon', 'KP-02', '--json']);
    expect(j.json()).toMatchObject({ id: 'KP-02', signalCount: 2 });
    expect((await lla(dir, ['knelpunt', 'toon', '99'])).code).toBe(4);
    const noArg = await lla(dir, ['knelpunt', 'toon'], noWait);
    expect(noArg.code).toBe(2);
    expect(noArg.stderr).toContain('<knelpunt>');
  });

  it('help leads with Dutch examples and lists the subcommands', async () => {
    for (const group of ['taakgroep', 'knelpunt', 'signaal']) {
      const r = await lla(dir, [group, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout.trimStart().startsWith('Voorbeelden:')).toBe(true);
      expect(r.stdout).toContain('Opdrachten:');
      expect(r.stdout).not.toMatch(/\bUsage:|Options:/);
    }
    const sub = await lla(dir, ['taakgroep', 'nieuw', '--help']);
    expect(sub.stdout).toContain('--aanspreekpunt <persoon>');
  });
});
