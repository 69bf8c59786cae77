/**
 * End-to-end: `lla persoon`, `lla regio`, `lla audit`, `lla backup`,
 * `lla herstel`, run as the real executable against temporary stores.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const noWait = { keepStdinOpen: true, timeoutMs: 10_000 } as const;

describe('lla persoon', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await seeded();
  });

  it('toevoegen --json prints the created person with English keys; Dutch roles and a region name are accepted', async () => {
    const r = await lla(dir, [
      'persoon', 'toevoegen', '--naam', 'Rita Regisseur', '--email', 'Rita@Voorbeeld.nl', '--rollen', 'procesregisseur, projectleider',
      '--regio', 'Regio Utrecht', '--organisatie', 'ZVH Utrecht', '--vaste-schil', '--slack', 'U0RITA0001', '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({
      id: 'P-0006',
      name: 'Rita Regisseur',
      email: 'rita@voorbeeld.nl',
      roles: ['processDirector', 'projectLead'],
      regionCode: 'UTR',
      organisation: 'ZVH Utrecht',
      poolMember: true,
      slackUserId: 'U0RITA0001',
      active: true,
    });
  });

  it('toevoegen prints a readable Dutch summary', async () => {
    const r = await lla(dir, ['persoon', 'toevoegen', '--naam', 'Amir Ambassadeur', '--email', 'amir@voorbeeld.nl', '--rollen', 'ambassadeur']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Persoon toegevoegd: Amir Ambassadeur (P-0007).');
    expect(r.stdout).toMatch(/rollen:\s+ambassadeur/);
    expect(r.stdout).toMatch(/vaste schil:\s+nee/);
  });

  it('toevoegen refuses bad input with exit 2 naming the field or flag', async () => {
    const role = await lla(dir, ['persoon', 'toevoegen', '--naam', 'X Y', '--email', 'xy@voorbeeld.nl', '--rollen', 'baas']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--rollen');
    expect(role.stderr).toContain('„baas”');
    const email = await lla(dir, ['persoon', 'toevoegen', '--naam', 'X Y', '--email', 'geen-adres', '--rollen', 'ambassadeur']);
    expect(email.code).toBe(2);
    expect(email.stderr).toContain('e-mailadres');
    const taken = await lla(dir, ['persoon', 'toevoegen', '--naam', 'Kim Twee', '--email', 'kim@voorbeeld.nl', '--rollen', 'ambassadeur']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('kim@voorbeeld.nl');
    const region = await lla(dir, ['persoon', 'toevoegen', '--naam', 'X Y', '--email', 'xy@voorbeeld.nl', '--rollen', 'projectleider', '--regio', 'NERGENS']);
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('NERGENS');
    const both = await lla(dir, ['persoon', 'toevoegen', '--naam', 'X Y', '--email', 'xy@voorbeeld.nl', '--rollen', 'ambassadeur', '--vaste-schil', '--geen-vaste-schil']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--geen-vaste-schil');
  });

  it('without a TTY, missing flags fail at once with exit 2 naming the flag (stdin left open)', async () => {
    const name = await lla(dir, ['persoon', 'toevoegen', '--email', 'nn@voorbeeld.nl', '--rollen', 'ambassadeur'], noWait);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('--naam');
    const roles = await lla(dir, ['persoon', 'toevoegen', '--naam', 'N N', '--email', 'nn@voorbeeld.nl'], noWait);
    expect(roles.code).toBe(2);
    expect(roles.stderr).toContain('--rollen');
    const region = await lla(dir, ['persoon', 'toevoegen', '--naam', 'N N', '--email', 'nn@voorbeeld.nl', '--rollen', 'projectleider'], noWait);
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('--regio');
    const who = await lla(dir, ['persoon', 'wijzig', '--inactief'], noWait);
    expect(who.code).toBe(2);
    expect(who.stderr).toContain('<persoon>');
  });

  it('a project lead may not add people (exit 3); an unknown --as is refused (exit 3)', async () => {
    const r = await lla(dir, ['--as', 'piet@voorbeeld.nl', 'persoon', 'toevoegen', '--naam', 'Z Z', '--email', 'zz@voorbeeld.nl', '--rollen', 'ambassadeur']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^Fout: U mag dit niet/);
    const u = await lla(dir, ['--as', 'niemand@voorbeeld.nl', 'persoon', 'lijst']);
    expect(u.code).toBe(3);
  });

  it('lijst --json lists active people; filters on Dutch role and region', async () => {
    const all = await lla(dir, ['persoon', 'lijst', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const ids = all.json<Array<{ id: string }>>().map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['P-0001', 'P-0002', 'P-0003', 'P-0004', 'P-0005']));
    const hgl = await lla(dir, ['persoon', 'lijst', '--rol', 'procesregisseur', '--regio', 'hgl', '--json']);
    expect(hgl.code, hgl.stderr).toBe(0);
    expect(hgl.json<Array<{ id: string }>>().map((p) => p.id)).toEqual(['P-0004']);
  });

  it('lijst prints tab-separated lines with Dutch headers and labels when piped', async () => {
    const r = await lla(dir, ['persoon', 'lijst', '--regio', 'HGL']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Id\tNaam\tE-mail\tRollen\tRegio\tOrganisatie\tVaste schil');
    expect(lines).toContain('P-0004\tPetra Procesregisseur\tpetra@voorbeeld.nl\tprocesregisseur\tHGL\t–\tja');
  });

  it('lijst: a project lead sees their own region and the national roles only', async () => {
    const r = await lla(dir, ['--as', 'P-0003', 'persoon', 'lijst', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const ids = r.json<Array<{ id: string }>>().map((p) => p.id);
    expect(ids).toContain('P-0004');
    expect(ids).toContain('P-0001');
    expect(ids).not.toContain('P-0005');
  });

  it('lijst: an unknown region is exit 4, an unknown role exit 2', async () => {
    expect((await lla(dir, ['persoon', 'lijst', '--regio', 'NERGENS'])).code).toBe(4);
    const role = await lla(dir, ['persoon', 'lijst', '--rol', 'directeur']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--rol');
  });

  it('wijzig --json changes roles, region and ids; "-" clears a value', async () => {
    const r = await lla(dir, ['persoon', 'wijzig', 'piet@voorbeeld.nl', '--rollen', 'projectleider,procesregisseur', '--slack', '-', '--teams', '3f2504e0-4f89-11d3-9a0c-0305e82c3301', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const p = r.json();
    expect(p).toMatchObject({ id: 'P-0003', roles: ['projectLead', 'processDirector'], teamsAadObjectId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
    expect(p.slackUserId).toBeUndefined();
  });

  it('wijzig --inactief hides a person from lijst unless --alle; --actief brings them back', async () => {
    const off = await lla(dir, ['persoon', 'wijzig', 'P-0007', '--inactief']);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toContain('Persoon gewijzigd: Amir Ambassadeur (P-0007).');
    expect(off.stdout).toMatch(/actief:\s+nee/);
    const active = (await lla(dir, ['persoon', 'lijst', '--json'])).json<Array<{ id: string }>>().map((p) => p.id);
    expect(active).not.toContain('P-0007');
    const alle = await lla(dir, ['persoon', 'lijst', '--alle']);
    expect(alle.stdout.split('\n')[0]).toContain('Actief');
    expect(alle.stdout).toMatch(/P-0007\t.*\tnee$/m);
    expect((await lla(dir, ['persoon', 'wijzig', 'P-0007', '--actief'])).code).toBe(0);
  });

  it('wijzig: unknown person 4, forbidden 3, nothing to change 2, contradicting flags 2, last quartermaster 2', async () => {
    expect((await lla(dir, ['persoon', 'wijzig', 'P-9999', '--inactief'])).code).toBe(4);
    expect((await lla(dir, ['--as', 'uma@voorbeeld.nl', 'persoon', 'wijzig', 'P-0003', '--regio', 'UTR'])).code).toBe(3);
    const nothing = await lla(dir, ['persoon', 'wijzig', 'P-0003']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('niets te wijzigen');
    expect((await lla(dir, ['persoon', 'wijzig', 'P-0003', '--actief', '--inactief'])).code).toBe(2);
    const last = await lla(dir, ['persoon', 'wijzig', 'P-0001', '--inactief']);
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('kwartiermaker');
  });
});

describe('lla regio', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await seeded();
  });

  it('lijst --json gives the 31 regions; human output is a table with Dutch labels', async () => {
    const j = await lla(dir, ['regio', 'lijst', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const regions = j.json<Array<{ code: string; name: string; started: boolean }>>();
    expect(regions).toHaveLength(31);
    expect(regions.find((r) => r.code === 'HGL')).toMatchObject({ name: 'Haaglanden', started: true });
    const h = await lla(dir, ['regio', 'lijst']);
    expect(h.stdout.split('\n')[0]).toBe('Code\tNaam\tGestart\tStartdatum\tCoördinerend aanbieder');
    expect(h.stdout).toMatch(/^HGL\tHaaglanden\tja\t/m);
  });

  it('toevoegen --json creates a region; the start date is shown in Dutch', async () => {
    const r = await lla(dir, ['regio', 'toevoegen', '--code', 'tst', '--naam', 'Regio Test', '--gestart', '--startdatum', '2026-01-15', '--coordinerend', 'Forensische Zorg Test', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toEqual({ code: 'TST', name: 'Regio Test', started: true, startedOn: '2026-01-15', coordinatingProvider: 'Forensische Zorg Test', active: true });
    const h = await lla(dir, ['regio', 'toevoegen', '--code', 'TS2', '--naam', 'Regio Test Twee']);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toContain('Regio toegevoegd: Regio Test Twee (TS2).');
    expect(h.stdout).toContain('nog niet gestart');
  });

  it('toevoegen: duplicate, bad code and bad date are exit 2; missing flags exit 2 without waiting; a project lead gets 3', async () => {
    expect((await lla(dir, ['regio', 'toevoegen', '--code', 'HGL', '--naam', 'Nog eens'])).code).toBe(2);
    expect((await lla(dir, ['regio', 'toevoegen', '--code', 'x', '--naam', 'Te kort'])).code).toBe(2);
    const date = await lla(dir, ['regio', 'toevoegen', '--code', 'TS3', '--naam', 'Regio Drie', '--startdatum', '15-01-2026']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--startdatum');
    const code = await lla(dir, ['regio', 'toevoegen', '--naam', 'Zonder code'], noWait);
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('--code');
    const name = await lla(dir, ['regio', 'toevoegen', '--code', 'TS4'], noWait);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('--naam');
    expect((await lla(dir, ['--as', 'P-0003', 'regio', 'toevoegen', '--code', 'TS5', '--naam', 'Regio Vijf'])).code).toBe(3);
  });

  it('wijzig --json marks a region as started; "-" clears the provider; --inactief hides it', async () => {
    const r = await lla(dir, ['regio', 'wijzig', 'arn', '--gestart', '--startdatum', '2026-09-01', '--coordinerend', 'Pro Persona', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ code: 'ARN', started: true, startedOn: '2026-09-01', coordinatingProvider: 'Pro Persona' });
    const h = await lla(dir, ['regio', 'wijzig', '--code', 'ARN', '--coordinerend', '-']);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toContain('Regio gewijzigd: Regio Arnhem (ARN).');
    expect(h.stdout).toContain('gestart op 1 september 2026');
    expect((await lla(dir, ['regio', 'wijzig', 'TS2', '--inactief'])).code).toBe(0);
    const list = (await lla(dir, ['regio', 'lijst', '--json'])).json<Array<{ code: string }>>().map((x) => x.code);
    expect(list).not.toContain('TS2');
    const alle = (await lla(dir, ['regio', 'lijst', '--alle', '--json'])).json<Array<{ code: string }>>().map((x) => x.code);
    expect(alle).toContain('TS2');
  });

  it('wijzig: unknown region 4, forbidden 3, missing code 2 (no waiting), contradicting flags 2', async () => {
    expect((await lla(dir, ['regio', 'wijzig', 'NERGENS', '--gestart'])).code).toBe(4);
    expect((await lla(dir, ['--as', 'petra@voorbeeld.nl', 'regio', 'wijzig', 'HGL', '--naam', 'Den Haag'])).code).toBe(3);
    const missing = await lla(dir, ['regio', 'wijzig', '--gestart'], noWait);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<code>');
    expect((await lla(dir, ['regio', 'wijzig', 'HGL', '--gestart', '--niet-gestart'])).code).toBe(2);
    expect((await lla(dir, ['regio', 'wijzig', 'HGL', '--startdatum', 'gisteren'])).code).toBe(2);
  });
});

describe('lla audit', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await seeded();
    await lla(dir, ['persoon', 'wijzig', 'P-0003', '--organisatie', 'Fivoor', '--vaste-schil']);
  });

  it('--json gives the entries as the core keeps them, oldest first', async () => {
    const r = await lla(dir, ['audit', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const entries = r.json<Array<{ seq: number; action: string; actorId: string; channel: string }>>();
    expect(entries[0]!.action).toBe('store.create');
    expect(entries.map((e) => e.action)).toContain('person.add');
    expect(entries.at(-1)).toMatchObject({ action: 'person.update', actorId: 'P-0001', channel: 'cli' });
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('renders actions readably in Dutch: who, channel, what, changed fields', async () => {
    const r = await lla(dir, ['audit']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('#\tWanneer\tWie\tKanaal\tWat\tOnderwerp\tDetails');
    const last = lines.at(-1)!;
    expect(last).toContain('Kim Kwartier (P-0001)');
    expect(last).toContain('terminal (CLI)');
    expect(last).toContain('persoon gewijzigd');
    expect(last).toContain('Piet Projectleider (P-0003)');
    expect(last).toContain('gewijzigd: organisatie, lid vaste schil');
    expect(r.stdout).toContain('rollen: projectleider; regio: HGL');
    expect(r.stdout).toMatch(/\d{1,2} [a-z]+ \d{4} \d{2}:\d{2}/);
  });

  it('--limiet and --sinds narrow the trail', async () => {
    const two = await lla(dir, ['audit', '--limiet', '2', '--json']);
    expect(two.json()).toHaveLength(2);
    const future = await lla(dir, ['audit', '--sinds', '2999-01-01', '--json']);
    expect(future.code, future.stderr).toBe(0);
    expect(future.json()).toEqual([]);
    const past = await lla(dir, ['audit', '--sinds', '2000-01-01', '--json']);
    expect(past.json<unknown[]>().length).toBeGreaterThan(5);
  });

  it('bad input is exit 2 naming the flag; project leads and process directors get 3; the ambassador may read it', async () => {
    const d = await lla(dir, ['audit', '--sinds', 'vorige week']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--sinds');
    const n = await lla(dir, ['audit', '--limiet', 'veel']);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('--limiet');
    expect((await lla(dir, ['audit', '--limiet', '0'])).code).toBe(2);
    const pl = await lla(dir, ['--as', 'P-0003', 'audit']);
    expect(pl.code).toBe(3);
    expect(pl.stderr).toContain('auditlog');
    expect((await lla(dir, ['--as', 'P-0004', 'audit', '--json'])).code).toBe(3);
    expect((await lla(dir, ['--as', 'ada@voorbeeld.nl', 'audit', '--json'])).code).toBe(0);
  });
});

describe('lla backup and lla herstel', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await seeded();
  });

  it('backup --json makes a copy and prints its path; herstel --yes puts it back', async () => {
    const b = await lla(dir, ['backup', '--json']);
    expect(b.code, b.stderr).toBe(0);
    const file: string = b.json().file;
    expect(path.dirname(file)).toBe(path.join(dir, 'backups'));
    expect(await readFile(file, 'utf8')).toEqual(await readFile(path.join(dir, 'lla.json'), 'utf8'));

    expect((await lla(dir, ['persoon', 'toevoegen', '--naam', 'Na Backup', '--email', 'na@voorbeeld.nl', '--rollen', 'ambassadeur'])).code).toBe(0);
    const r = await lla(dir, ['herstel', path.basename(file), '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Back-up ${file} is teruggezet.`);
    const emails = (await lla(dir, ['persoon', 'lijst', '--json'])).json<Array<{ email: string }>>().map((p) => p.email);
    expect(emails).not.toContain('na@voorbeeld.nl');
  });

  it('backup prints a Dutch line with the path', async () => {
    const r = await lla(dir, ['backup']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Back-up gemaakt: .*backups/);
  });

  it('herstel is dangerous: without --yes and a TTY it refuses (exit 2) and changes nothing', async () => {
    const b = (await lla(dir, ['backup', '--json'])).json().file as string;
    const before = await readFile(path.join(dir, 'lla.json'));
    const r = await lla(dir, ['herstel', b], noWait);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect((await readFile(path.join(dir, 'lla.json'))).equals(before)).toBe(true);
  });

  it('herstel without an argument and no TTY: exit 2 naming the argument, without waiting', async () => {
    const r = await lla(dir, ['herstel', '--yes'], noWait);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<back-up>');
  });

  it('herstel: an unknown backup is exit 4; a project lead may not restore (3); backup needs a known person (3)', async () => {
    expect((await lla(dir, ['herstel', 'bestaat-niet.json', '--yes'])).code).toBe(4);
    const b = (await lla(dir, ['backup', '--json'])).json().file as string;
    const pl = await lla(dir, ['--as', 'P-0003', 'herstel', b, '--yes']);
    expect(pl.code).toBe(3);
    expect(pl.stderr).toContain('back-up terugzetten');
    expect((await lla(dir, ['--as', 'onbekend@voorbeeld.nl', 'backup'])).code).toBe(3);
  });

  it('herstel repairs a broken store file', async () => {
    const b = (await lla(dir, ['backup', '--json'])).json().file as string;
    await writeFile(path.join(dir, 'lla.json'), '{ kapot');
    expect((await lla(dir, ['persoon', 'lijst'])).code).not.toBe(0);
    const r = await lla(dir, ['herstel', b, '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ restored: b, file: path.join(dir, 'lla.json') });
    expect((await lla(dir, ['persoon', 'lijst', '--json'])).json<unknown[]>().length).toBe(5);
  });
});
