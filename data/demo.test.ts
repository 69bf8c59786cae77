import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FINAL_STATUSES, findTransition } from '../core/case-route.js';
import { amsterdamDay } from '../core/dates.js';
import { scanForIdentifiers } from '../core/privacy.js';
import type { StoreData } from '../core/schema.js';
import { validateResult } from '../core/store.js';
import { generateDemoStore } from './demo.js';
import { runDemo } from './demo-main.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const demo = generateDemoStore({ now: NOW });

/** Every free text a person typed or the product composed, with where it sits. */
function freeTexts(data: StoreData): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (where: string, text: string | undefined) => {
    if (text !== undefined && text !== '') out.push([where, text]);
  };
  for (const c of data.cases) {
    add(`${c.code}.sketch`, c.sketch);
    add(`${c.code}.stepsNote`, c.stepsNote);
    add(`${c.code}.outcome`, c.outcome);
    add(`${c.code}.lesson`, c.lesson);
    c.notes.forEach((n, i) => add(`${c.code}.notes[${i}]`, n.text));
    c.history.forEach((h, i) => add(`${c.code}.history[${i}].reason`, h.reason));
  }
  for (const s of data.signals) add(`${s.id}.note`, s.note);
  for (const t of data.taskGroups) {
    add(`${t.id}.name`, t.name);
    add(`${t.id}.goal`, t.goal);
    add(`${t.id}.result`, t.result);
    t.progress.forEach((p, i) => add(`${t.id}.progress[${i}]`, p.text));
  }
  for (const e of data.events) {
    add(`${e.id}.title`, e.title);
    add(`${e.id}.place`, e.place);
    add(`${e.id}.programme`, e.programme);
  }
  for (const b of data.bottlenecks) {
    add(`${b.id}.title`, b.title);
    add(`${b.id}.description`, b.description);
    add(`${b.id}.approach`, b.approach);
  }
  return out;
}

/** Ids `PREFIX-0001…` numbered 1..n without gaps. */
function expectSequence(ids: string[], parse: (id: string) => number): void {
  const numbers = ids.map(parse).sort((a, b) => a - b);
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
}

const num = (id: string) => Number(id.replace(/^.*-/, ''));

describe('generateDemoStore: the default demo', () => {
  it('passes schema and integrity validation', () => {
    expect(() => validateResult(demo)).not.toThrow();
  });

  it('has the expected shape', () => {
    expect(demo.cases.length).toBe(180);
    expect(demo.signals.length).toBeGreaterThanOrEqual(180 + 2 * 180);
    expect(demo.people[0]?.id).toBe('P-0001');
    expect(demo.people[0]?.roles).toEqual(['quartermaster']);
    expect(demo.people.filter((p) => p.roles.includes('ambassador'))).toHaveLength(2);
    const started = demo.regions.filter((r) => r.started);
    for (const r of started) {
      const here = demo.people.filter((p) => p.regionCode === r.code);
      expect(here.filter((p) => p.roles.includes('projectLead'))).toHaveLength(1);
      expect(here.filter((p) => p.roles.includes('processDirector')).length).toBeGreaterThanOrEqual(1);
    }
    for (const p of demo.people) {
      if (p.roles.includes('projectLead') || p.roles.includes('processDirector')) expect(p.regionCode).toBeDefined();
      expect(p.email).toMatch(/@([a-z]+\.)?voorbeeld\.nl$/);
      if (p.slackUserId) expect(p.slackUserId).toMatch(/^U0DEMO\d{4}$/);
    }
    expect(demo.people.some((p) => p.slackUserId)).toBe(true);
    expect(demo.people.some((p) => p.teamsAadObjectId)).toBe(true);
    expect(demo.people.some((p) => p.poolMember)).toBe(true);
    expect(demo.bottlenecks.filter((b) => b.source === 'wlz')).toHaveLength(14);
  });

  it('is deterministic: same seed gives identical JSON, another seed differs', () => {
    const again = generateDemoStore({ now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateDemoStore({ now: NOW, seed: 7 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(demo));
  });

  it('every free text passes the privacy scan', () => {
    const texts = freeTexts(demo);
    expect(texts.length).toBeGreaterThan(500);
    const flagged = texts.map(([where, text]) => ({ where, findings: scanForIdentifiers(text, NOW) })).filter((x) => x.findings.length > 0);
    expect(flagged).toEqual([]);
  });

  it('case histories follow the transition table of the route', () => {
    const owners = new Set(demo.reference.problemOwners);
    for (const c of demo.cases) {
      const [first, ...rest] = c.history;
      expect(first).toMatchObject({ from: null, to: 'reported', at: c.reportedAt, byPersonId: c.reporterId });
      let prev = first!;
      for (const h of rest) {
        expect(h.from, c.code).toBe(prev.to);
        const rule = findTransition(h.from!, h.to);
        expect(rule, `${c.code}: ${h.from} → ${h.to}`).toBeDefined();
        expect(Date.parse(h.at), c.code).toBeGreaterThanOrEqual(Date.parse(prev.at));
        if (rule!.needsReason && !c.freeTextPurgedAt) expect(h.reason, `${c.code}: reden bij ${h.from} → ${h.to}`).toBeTruthy();
        if (rule!.needsProblemOwner) expect(owners.has(c.problemOwner ?? ''), c.code).toBe(true);
        prev = h;
      }
      expect(c.status).toBe(prev.to);
      expect(Date.parse(prev.at)).toBeLessThanOrEqual(NOW.getTime());
      if (c.problemOwner !== undefined) expect(owners.has(c.problemOwner)).toBe(true);
      if (FINAL_STATUSES.has(c.status)) {
        expect(c.closedAt).toBe(prev.at);
        if (!c.freeTextPurgedAt) expect(c.outcome).toBeTruthy();
      } else {
        expect(c.closedAt).toBeUndefined();
        expect(c.freeTextPurgedAt).toBeUndefined();
      }
      if (c.homelessOn) expect(c.homelessOn >= amsterdamDay(c.reportedAt)).toBe(true);
      for (const n of c.notes) expect(Date.parse(n.at)).toBeGreaterThanOrEqual(Date.parse(c.reportedAt));
    }
    // The route is used in full: steps back with a reason, escalations, both endings, open cases.
    const transitions = demo.cases.flatMap((c) => c.history.slice(1).map((h) => findTransition(h.from!, h.to)!.kind));
    expect(transitions).toContain('back');
    expect(new Set(demo.cases.map((c) => c.status)).size).toBeGreaterThanOrEqual(5);
    expect(demo.cases.some((c) => c.status === 'resolved')).toBe(true);
    expect(demo.cases.some((c) => c.status === 'closedUnresolved')).toBe(true);
    expect(demo.cases.some((c) => c.homelessOn)).toBe(true);
  });

  it('has housing and outflow as the most common themes and bottlenecks 2, 5, 9 and 11 on top', () => {
    const themes = new Map<string, number>();
    for (const c of demo.cases) themes.set(c.theme, (themes.get(c.theme) ?? 0) + 1);
    const ranked = [...themes.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    expect(ranked.slice(0, 2).sort()).toEqual(['housing', 'outflow']);
    const signals = new Map<string, number>();
    for (const s of demo.signals) signals.set(s.bottleneckId, (signals.get(s.bottleneckId) ?? 0) + 1);
    const top = [...signals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id]) => id);
    for (const id of ['KP-02', 'KP-09']) expect(top).toContain(id);
  });

  it('links a signal to every bottleneck of every case', () => {
    const byCase = new Map<string, Set<string>>();
    for (const s of demo.signals) {
      if (!s.caseCode) continue;
      const set = byCase.get(s.caseCode) ?? new Set<string>();
      set.add(s.bottleneckId);
      byCase.set(s.caseCode, set);
    }
    for (const c of demo.cases) expect([...(byCase.get(c.code) ?? [])].sort()).toEqual([...c.bottleneckIds].sort());
    expect(demo.signals.filter((s) => !s.caseCode)).toHaveLength(360);
  });

  it('keeps counters consistent with the ids', () => {
    const k = demo.counters;
    expect(k.person).toBe(demo.people.length);
    expectSequence(demo.people.map((p) => p.id), num);
    expect(k.taskGroup).toBe(demo.taskGroups.length);
    expectSequence(demo.taskGroups.map((t) => t.id), num);
    expect(k.signal).toBe(demo.signals.length);
    expectSequence(demo.signals.map((s) => s.id), num);
    expect(k.notification).toBe(demo.outbox.length);
    expectSequence(demo.outbox.map((n) => n.id), num);
    expect(k.bottleneck).toBe(demo.bottlenecks.length);
    expectSequence(demo.bottlenecks.map((b) => b.id), num);
    expect(k.audit).toBe(demo.audit.length);
    demo.audit.forEach((a, i) => {
      expect(a.seq).toBe(i + 1);
      if (i > 0) expect(a.at >= demo.audit[i - 1]!.at).toBe(true);
    });

    const casesByYear = new Map<string, string[]>();
    for (const c of demo.cases) {
      const year = c.code.slice(3, 7);
      expect(amsterdamDay(c.reportedAt).slice(0, 4)).toBe(year);
      casesByYear.set(year, [...(casesByYear.get(year) ?? []), c.code]);
    }
    expect(Object.keys(k.caseByYear).sort()).toEqual([...casesByYear.keys()].sort());
    for (const [year, codes] of casesByYear) {
      expect(k.caseByYear[year]).toBe(codes.length);
      expectSequence(codes, num);
    }
    const eventsByYear = new Map<string, string[]>();
    for (const e of demo.events) {
      const year = e.id.slice(3, 7);
      expect(e.date.slice(0, 4)).toBe(year);
      eventsByYear.set(year, [...(eventsByYear.get(year) ?? []), e.id]);
    }
    expect(Object.keys(k.eventByYear).sort()).toEqual([...eventsByYear.keys()].sort());
    for (const [year, ids] of eventsByYear) {
      expect(k.eventByYear[year]).toBe(ids.length);
      expectSequence(ids, num);
    }
  });

  it('puts nothing after now', () => {
    const now = NOW.getTime();
    const instants = [
      ...demo.people.map((p) => p.createdAt),
      ...demo.cases.flatMap((c) => [c.reportedAt, ...c.history.map((h) => h.at), ...c.notes.map((n) => n.at), c.closedAt, c.freeTextPurgedAt]),
      ...demo.signals.map((s) => s.at),
      ...demo.taskGroups.flatMap((t) => [t.createdAt, t.dissolvedAt, ...t.progress.map((p) => p.at)]),
      ...demo.events.flatMap((e) => [e.createdAt, ...e.registrations.flatMap((r) => [r.at, r.updatedAt])]),
      ...demo.monitorRounds.flatMap((m) => [m.openedAt, m.closedAt, ...m.submissions.map((s) => s.submittedAt)]),
      ...demo.audit.map((a) => a.at),
      ...demo.outbox.flatMap((n) => [n.createdAt, n.sentAt]),
    ].filter((x): x is string => x !== undefined);
    for (const at of instants) expect(Date.parse(at)).toBeLessThanOrEqual(now);
    expect(Math.min(...instants.map((x) => Date.parse(x)))).toBeGreaterThanOrEqual(Date.parse(demo.createdAt));
  });

  it('has no cases or people in the regions that have not started (NOG, ARN)', () => {
    for (const code of ['NOG', 'ARN']) {
      expect(demo.regions.find((r) => r.code === code)?.started).toBe(false);
      expect(demo.cases.filter((c) => c.regionCode === code)).toEqual([]);
      expect(demo.signals.filter((s) => s.regionCode === code)).toEqual([]);
      expect(demo.people.filter((p) => p.regionCode === code)).toEqual([]);
    }
  });

  it('has half-yearly monitor rounds, the newest open and missing at least one started region', () => {
    const rounds = [...demo.monitorRounds].sort((a, b) => a.period.localeCompare(b.period));
    expect(rounds.length).toBeGreaterThanOrEqual(3);
    expect(rounds[0]?.period).toBe('2025-H1');
    const newest = rounds[rounds.length - 1]!;
    expect(newest.status).toBe('open');
    for (const r of rounds.slice(0, -1)) {
      expect(r.status).toBe('closed');
      expect(r.closedAt).toBeDefined();
    }
    const started = demo.regions.filter((r) => r.started).map((r) => r.code);
    const submitted = new Set(newest.submissions.map((s) => s.regionCode));
    expect(started.filter((c) => !submitted.has(c)).length).toBeGreaterThanOrEqual(1);
    const total = (i: number) => rounds[i]!.submissions.reduce((n, s) => n + s.includedClients, 0);
    expect(total(0)).toBeGreaterThan(150);
    expect(total(0)).toBeLessThan(230);
    expect(total(rounds.length - 1)).toBeGreaterThan(total(0));
    for (const r of rounds) {
      for (const s of r.submissions) {
        expect(started).toContain(s.regionCode);
        expect(s.includedClients).toBeLessThanOrEqual(40);
        expect(s.newInclusions).toBeLessThanOrEqual(s.includedClients + s.outflow);
      }
    }
  });

  it('has three active task groups staffed from the pool, and dissolved ones with a result', () => {
    const active = demo.taskGroups.filter((t) => t.status === 'active');
    expect(active.map((t) => t.name).sort()).toEqual(['Escalatieroute dreigende dakloosheid', 'Levensloopplan en draaiboek', 'Monitor basisgegevens automatiseren']);
    expect(active.map((t) => t.task).sort()).toEqual([2, 4, 5]);
    const dissolved = demo.taskGroups.filter((t) => t.status === 'dissolved');
    expect(dissolved.length).toBeGreaterThanOrEqual(1);
    for (const t of dissolved) {
      expect(t.result).toBeTruthy();
      expect(t.dissolvedAt).toBeDefined();
    }
    const pool = new Set(demo.people.filter((p) => p.poolMember).map((p) => p.id));
    for (const t of demo.taskGroups) {
      expect(t.memberIds.length).toBeGreaterThan(0);
      for (const m of t.memberIds) expect(pool.has(m)).toBe(true);
      expect(t.memberIds).toContain(t.firstContactId);
      expect(t.progress.length).toBeGreaterThan(0);
    }
  });

  it('has the yearly events with registrations: one full with a waiting list, some cancellations', () => {
    const kinds = new Set(demo.events.map((e) => e.kind));
    for (const k of ['vakdagProcessDirectors', 'vakdagProviders', 'duoMeeting', 'poolMeeting']) expect(kinds.has(k as never)).toBe(true);
    const count = (e: StoreData['events'][number], s: string) => e.registrations.filter((r) => r.status === s).length;
    expect(demo.events.some((e) => count(e, 'registered') === e.capacity && count(e, 'waitlisted') > 0)).toBe(true);
    expect(demo.events.some((e) => count(e, 'cancelled') > 0)).toBe(true);
    for (const e of demo.events) {
      expect(count(e, 'registered')).toBeLessThanOrEqual(e.capacity);
      expect(new Set(e.registrations.map((r) => r.personId)).size).toBe(e.registrations.length);
    }
    expect(demo.events.some((e) => e.date >= amsterdamDay(NOW))).toBe(true);
  });
});

describe('generateDemoStore: options', () => {
  it('uses the given kwartiermaker as P-0001', () => {
    const d = generateDemoStore({ now: NOW, cases: 10, quartermaster: { name: 'Kim Demo', email: 'kim.demo@voorbeeld.nl' } });
    expect(d.people[0]).toMatchObject({ id: 'P-0001', name: 'Kim Demo', email: 'kim.demo@voorbeeld.nl', roles: ['quartermaster'] });
    expect(() => validateResult(d)).not.toThrow();
  });

  it.each([
    ['early January, one year', new Date('2026-01-05T07:30:00Z'), 1],
    ['midsummer night, three years', new Date('2027-06-30T21:59:00Z'), 3],
    ['a quarter year', new Date('2026-03-29T01:30:00Z'), 0.25],
  ])('validates for %s', (_label, now, years) => {
    const d = generateDemoStore({ now, years, cases: 40, seed: 3 });
    expect(() => validateResult(d)).not.toThrow();
    expect(d.cases).toHaveLength(40);
    for (const c of d.cases) expect(Date.parse(c.history[c.history.length - 1]!.at)).toBeLessThanOrEqual(now.getTime());
  });

  it('applies the retention purge to long-closed cases, unless asked not to', () => {
    const purged = demo.cases.filter((c) => c.freeTextPurgedAt);
    expect(purged.length).toBeGreaterThan(0);
    for (const c of purged) {
      expect(c.sketch).toBe('');
      expect(c.notes).toEqual([]);
      expect(c.outcome).toBeUndefined();
      const days = (Date.parse(c.freeTextPurgedAt!) - Date.parse(c.closedAt!)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(demo.settings.retentionDays - 1);
    }
    for (const c of demo.cases.filter((x) => !x.freeTextPurgedAt)) expect(c.sketch.length).toBeGreaterThan(50);
    const kept = generateDemoStore({ now: NOW, purgeExpired: false });
    expect(kept.cases.some((c) => c.freeTextPurgedAt)).toBe(false);
    for (const c of kept.cases) if (FINAL_STATUSES.has(c.status)) expect(c.outcome).toBeTruthy();
  });

  it('reports progress up to the total', () => {
    const calls: Array<[number, number]> = [];
    generateDemoStore({ now: NOW, cases: 50, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(2);
    const last = calls[calls.length - 1]!;
    expect(last[0]).toBe(last[1]);
  });

  it('refuses nonsense options', () => {
    expect(() => generateDemoStore({ now: new Date('x') })).toThrow(RangeError);
    expect(() => generateDemoStore({ now: NOW, cases: -1 })).toThrow(RangeError);
    expect(() => generateDemoStore({ now: NOW, years: 0 })).toThrow(RangeError);
  });

  it('scales: 10,000 cases and 40,000 extra signals generate and validate', () => {
    const t0 = performance.now();
    const big = generateDemoStore({ now: NOW, cases: 10_000, extraSignals: 40_000 });
    const t1 = performance.now();
    validateResult(big);
    const t2 = performance.now();
    console.log(
      `demo 10k: ${big.cases.length} casussen, ${big.signals.length} signalen, ${big.audit.length} auditregels; ` +
        `genereren ${Math.round(t1 - t0)} ms, valideren ${Math.round(t2 - t1)} ms`,
    );
    expect(big.cases).toHaveLength(10_000);
    expect(big.signals.filter((s) => !s.caseCode)).toHaveLength(40_000);
  });
});

describe('runDemo (npm run demo)', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('creates the store once and leaves an existing one alone', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lla-demo-'));
    dirs.push(dir);
    const lines: string[] = [];
    const err = { write: () => true, isTTY: false };
    expect(await runDemo({ dir, now: NOW, out: (l) => lines.push(l), err })).toBe('created');
    const file = path.join(dir, 'lla.json');
    const written = await readFile(file, 'utf8');
    expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(demo)));
    const text = lines.join('\n');
    expect(text).toContain(file);
    expect(text).toContain('Casussen:');
    expect(text).toContain('Meest gesignaleerde knelpunten');

    const again: string[] = [];
    expect(await runDemo({ dir, now: NOW, out: (l) => again.push(l), err })).toBe('exists');
    expect(again[0]).toContain('ongemoeid');
    expect(await readFile(file, 'utf8')).toBe(written);
  });
});
