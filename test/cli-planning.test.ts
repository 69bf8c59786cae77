/** `lla planning` through the real executable, on a store made by `lla init`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cronSpec, nextRun } from '../core/jobs-cron.js';
import { FileStore } from '../data/file-store.js';
import { lla, seededDataDir } from './helpers/cli.js';

let data: { dir: string; cleanup: () => Promise<void> };
const run = (args: string[], env?: Record<string, string>) => lla(data.dir, args, { env });
const outbox = async () => (await new FileStore({ dir: data.dir }).read()).outbox;

beforeAll(async () => {
  data = await seededDataDir();
});
afterAll(async () => data?.cleanup());

describe('lla planning', () => {
  it('help leads with examples', async () => {
    const r = await run(['planning', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Voorbeelden:\n  $ lla planning\n')).toBe(true);
    expect(r.stdout).toContain('uitvoeren|run');
    const sub = await run(['planning', 'uitvoeren', '--help']);
    expect(sub.stdout.startsWith('Voorbeelden:')).toBe(true);
    expect(sub.stdout).toContain('--dry-run');
  });

  it('lists every job with its schedule in words, the next run off holidays, and the last run; --json', async () => {
    const before = new Date();
    const r = await run(['planning', '--json']);
    const after = new Date();
    expect(r.code, r.stderr).toBe(0);
    const rows = r.json<Array<{ job: string; slug: string; cron: string; description: string; nextRunAt: string; lastRunAt: string | null; catchUp: boolean }>>();
    expect(rows.map((x) => [x.slug, x.cron, x.description])).toEqual([
      ['weekoverzicht', '0 8 * * 1', 'elke maandag 08:00'],
      ['maandrapport', '0 8 1 * *', 'elke maand op de 1e 08:00'],
      ['taakgroep-checkin', '0 9 * * 2', 'elke dinsdag 09:00'],
      ['monitor-herinneringen', '0 9 * * *', 'elke dag 09:00'],
      ['dakloosheid-alerts', '0 7 * * *', 'elke dag 07:00'],
      ['vakdag-herinneringen', '30 9 * * *', 'elke dag 09:30'],
      ['bewaartermijn', '0 3 * * *', 'elke dag 03:00'],
    ]);
    for (const row of rows) {
      const expected = [nextRun(cronSpec(row.cron), before), nextRun(cronSpec(row.cron), after)].map((d) => d?.toISOString());
      expect(expected).toContain(row.nextRunAt);
      expect(row.lastRunAt).toBeNull();
      expect(row.catchUp).toBe(false);
    }

    const human = await run(['planning']);
    expect(human.code).toBe(0);
    const lines = human.stdout.split('\n');
    expect(lines[0]).toBe('Taak\tSchema\tWanneer\tVolgende keer\tLaatst uitgevoerd');
    expect(lines[1]).toMatch(/^weekoverzicht\t0 8 \* \* 1\telke maandag 08:00\t\d{1,2} [a-z]+ \d{4} 08:00\tnog nooit$/);
    expect(human.stdout).toContain('Valt een tijdstip op een feestdag, dan schuift het naar de volgende werkdag, zelfde tijd.');
  });

  it('uitvoeren --dry-run says what would be queued and writes nothing', async () => {
    const file = new FileStore({ dir: data.dir });
    const before = JSON.stringify(await file.read());
    const r = await run(['planning', 'uitvoeren', 'weekoverzicht', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Proef \(--dry-run\) van weekoverzicht op .+: er is niets opgeslagen of verstuurd\.\n/);
    expect(r.stdout).toContain('Zou klaarzetten: 2 berichten.');
    expect(r.stdout).toContain('  weekoverzichten: 2 (Kim Kwartier, Ada Ambassadeur)');
    expect(JSON.stringify(await file.read())).toBe(before);
    // English names work too.
    const en = await run(['planning', 'run', 'weekly-digest', '--dry-run', '--json']);
    expect(en.json()).toMatchObject({ job: 'weeklyDigest', dryRun: true, queued: [{ recipientName: 'Kim Kwartier' }, { recipientName: 'Ada Ambassadeur' }] });
  });

  it('uitvoeren queues once; a second run skips what was sent; the audit names who asked', async () => {
    const r = await run(['planning', 'uitvoeren', 'maandrapport']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Klaargezet voor verzending in de chat: 2 berichten.');
    expect(r.stdout).toContain('  maandrapporten: 2 (Kim Kwartier, Ada Ambassadeur)');
    expect((await outbox()).filter((n) => n.kind === 'monthlyReport').map((n) => n.recipientId)).toEqual(['P-0001', 'P-0002']);
    const again = await run(['planning', 'uitvoeren', 'maandrapport', '--json']);
    expect(again.json()).toMatchObject({ job: 'monthlyReport', dryRun: false, queued: [], alreadySent: 2 });
    const human = await run(['planning', 'uitvoeren', 'maandrapport']);
    expect(human.stdout).toContain('Er is niets klaargezet: niets te melden, of alles is al eerder verstuurd.');
    expect(human.stdout).toContain('Al eerder verstuurd en overgeslagen: 2 berichten.');
    expect((await outbox()).filter((n) => n.kind === 'monthlyReport')).toHaveLength(2);
    const audit = (await new FileStore({ dir: data.dir }).read()).audit.filter((a) => a.action === 'job.run');
    expect(audit.at(-1)).toMatchObject({ actorId: 'system', channel: 'cli', entityId: 'monthlyReport', details: { queued: 0, alreadySent: 2, requestedById: 'P-0001' } });
    const list = (await run(['planning', '--json'])).json<Array<{ job: string; lastRunAt: string | null }>>();
    expect(list.find((x) => x.job === 'monthlyReport')?.lastRunAt).toBe(audit.at(-1)?.at);
  });

  it('retention: bewaartermijn reports the cases it erased', async () => {
    const r = await run(['planning', 'uitvoeren', 'bewaartermijn', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Er zou geen vrije tekst gewist worden.');
  });

  it('only the quartermaster runs jobs and changes schedules; unknown jobs and missing arguments are usage errors', async () => {
    const amb = await run(['--as', 'P-0002', 'planning', 'uitvoeren', 'weekoverzicht']);
    expect(amb.code).toBe(3);
    expect(amb.stderr).toContain('alleen de kwartiermaker');
    expect((await run(['--as', 'P-0002', 'planning'])).code).toBe(0); // ambassadors may look
    expect((await run(['--as', 'P-0003', 'planning'])).code).toBe(3);
    const unknown = await run(['planning', 'uitvoeren', 'koffie']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Onbekende taak „koffie”. Kies uit: weekoverzicht, maandrapport, taakgroep-checkin');
    const missing = await run(['planning', 'uitvoeren']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Ontbrekend argument <taak>');
    expect((await run(['--as', 'P-0002', 'planning', 'zet', 'weekoverzicht', '0 9 * * 1'])).code).toBe(3);
  });

  it('zet validates the cron expression and stores it', async () => {
    const bad = await run(['planning', 'zet', 'weekoverzicht', '0 8 * * 9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Ongeldig schema voor weekoverzicht: „9” valt buiten dag van de week 0–7.');
    const short = await run(['planning', 'zet', 'weekoverzicht', '0 8 * *']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('een cron-uitdrukking heeft vijf delen');
    const ok = await run(['planning', 'zet', 'dakloosheid-alerts', '15 7 * * 1-5']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Schema van dakloosheid-alerts is nu "15 7 \* \* 1-5" \(elke werkdag \(ma–vr\) 07:15\)\.\nVolgende keer: \d{1,2} [a-z]+ \d{4} 07:15\.\n$/);
    const stored = (await new FileStore({ dir: data.dir }).read()).settings.schedules.homelessnessAlerts;
    expect(stored).toBe('15 7 * * 1-5');
  });
});
