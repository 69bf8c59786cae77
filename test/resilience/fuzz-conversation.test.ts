/**
 * Fuzz: the conversation layer and the privacy guard.
 * - `createConversation`: typed text, button actions, form opens, checks and
 *   submits with arbitrary strings and values, from every kind of person →
 *   always a view (never a throw, never undefined), every view within the
 *   common limits, the store valid afterwards.
 * - `scanForIdentifiers`: never throws on arbitrary text, and stays fast on
 *   adversarial text (100 kB of repeated digits, spaces, letters, titles,
 *   street words: each scan < 200 ms), so no regular expression backtracks
 *   into a denial of service.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertViewLimits, createConversation } from '../../bot/conversation/index.js';
import type { Conversation, Turn } from '../../bot/conversation/types.js';
import type { ActionId, FormId, View } from '../../bot/conversation/view.js';
import * as core from '../../core/index.js';
import { SYSTEM, type ActorRef } from '../../core/context.js';
import { scanForIdentifiers } from '../../core/privacy.js';
import { MemoryStore } from '../../core/store.js';
import { caseInput, fakeClock, makeFixture } from '../helpers/core-fixture.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { NASTY_STRINGS } from '../helpers/resilience-fuzz.js';

const RUNS = Number(process.env.LLA_FUZZ_RUNS ?? 1000);
const FORM_IDS: FormId[] = ['reportCase', 'reportSignal', 'moveCase', 'progress', 'monitor'];
const ACTION_IDS: ActionId[] = ['form.open', 'case.show', 'case.move', 'cases.mine', 'event.register', 'event.cancel', 'events.list', 'taskGroup.snooze', 'help'];
const WORDS = ['meld', 'melden', 'signaal', 'mijn casussen', 'casus', 'casussen', 'voortgang', 'vakdag', 'vakdagen', 'monitor', 'help', 'hallo', '/lla', 'casus vc-2026-0001', 'casus VC-2026-0002'];

let baseJson: string;
let codes: { hgl: string; utr: string; event: string; taskGroup: string };
let turns: Turn[];

beforeAll(async () => {
  const f = await makeFixture();
  const hgl = await core.reportCase(f.projectLeadHgl, caseInput());
  const utr = await core.reportCase(f.projectLeadUtr, caseInput());
  const ev = await core.createEvent(f.quartermaster, { kind: 'poolMeeting', date: '2026-06-01', capacity: 1, audience: 'all' });
  const tg = await core.createTaskGroup(f.quartermaster, { name: 'Taakgroep wonen', task: 1, goal: 'Meer plekken.', memberIds: [f.people.poolMember.id], firstContactId: f.people.poolMember.id });
  await core.openMonitorRound(f.quartermaster, { period: '2026-H1' });
  codes = { hgl: hgl.code, utr: utr.code, event: ev.id, taskGroup: tg.id };
  baseJson = f.store.snapshot();
  const refs: ActorRef[] = [
    { personId: f.people.quartermaster.id },
    { personId: f.people.ambassador.id },
    { slackUserId: 'U0PLHGL' },
    { personId: f.people.processDirectorHgl.id },
    { personId: f.people.projectLeadUtr.id },
    { personId: f.people.poolMember.id },
    { slackUserId: 'U0ONBEKEND' },
    { teamsAadObjectId: '' },
    { personId: 'P-9999' },
    SYSTEM,
  ];
  turns = refs.flatMap((actor) => (['slack', 'teams', 'terminal'] as const).map((channel) => ({ actor, channel })));
});

function world() {
  const store = new MemoryStore(JSON.parse(baseJson));
  const logger = memoryLogger();
  const conv = createConversation({ store, clock: fakeClock(), logger });
  return { store, conv, logger };
}

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.string({ maxLength: 20 }), fc.constantFrom('', '!', '?', '.', '  ')).map(([w, s, p]) => `${w}${s}${p}`) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS, ...WORDS.map((w) => w.toUpperCase())) },
  { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 100_000 }).map((n) => 'meld '.repeat(n / 5)) },
);

const value = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(codes.hgl, codes.utr, codes.event, codes.taskGroup, `${codes.hgl}|resolved`, `${codes.utr}|inTreatment`, `${codes.hgl}|nope`, '|', '||', 'reportCase|sketch=x&regionCode=UTR', 'moveCase|caseCode=VC-2026-0001', 'progress|taskGroupId=TG-001', 'x'.repeat(10_000)),
    fc.tuple(fc.constantFrom(...FORM_IDS), fc.string({ maxLength: 60 })).map(([f, s]) => `${f}|${s}`),
  );

const formValues = fc.dictionary(
  fc.oneof(fc.constantFrom('theme', 'bottleneckIds', 'sketch', 'stepsTried', 'stepsNote', 'homelessOn', 'helpAsked', 'regionCode', 'bottleneckId', 'note', 'to', 'reason', 'problemOwner', 'outcome', 'lesson', 'text', 'includedClients', 'newInclusions', 'outflow', 'started', '__proto__', 'constructor'), fc.string({ maxLength: 10 })),
  // What the platforms' readers hand over: strings and lists of strings (odd ones included).
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('KP-02', 'caseTable', 'advice', '__proto__')), { maxLength: 5 }),
    fc.constantFrom('housing', 'KP-02', 'caseTable', 'advice', 'ja', 'nee', '12', '-1', '1e309', '2026-12-01', '2026-02-30', 'x'.repeat(5_000), ...NASTY_STRINGS),
  ),
  { maxKeys: 10 },
);

const formState = fc.dictionary(fc.oneof(fc.constantFrom('caseCode', 'to', 'taskGroupId', 'period', 'regionCode', '__proto__'), fc.string({ maxLength: 8 })), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('VC-2026-0001', 'VC-2026-0002', 'resolved', 'TG-001', '2026-H1', 'UTR')), { maxKeys: 4 });

/** A view: defined, of a known kind, within the limits. */
function expectView(v: unknown, what: string): void {
  if (v === undefined || v === null || typeof v !== 'object') throw new Error(`${what} returned ${String(v)} instead of a view`);
  const kind = (v as View).kind;
  if (kind !== 'message' && kind !== 'form') throw new Error(`${what} returned a view of kind ${String(kind)}`);
  assertViewLimits(v as View);
}

async function never<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new Error(`${what} threw: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
}

describe('fuzz: the conversation layer always answers with a view within the limits', () => {
  let w: ReturnType<typeof world>;
  let calls = 0;
  const conv = (): Conversation => {
    if (calls++ % 200 === 0) w = world();
    return w.conv;
  };
  const turn = () => fc.constantFrom(...turns);

  it('text: arbitrary typed messages and commands', async () => {
    await fc.assert(
      fc.asyncProperty(turn(), text, async (t, s) => {
        expectView(await never(`text(${JSON.stringify(s.slice(0, 80))})`, () => conv().text(t, s)), `text(${JSON.stringify(s.slice(0, 80))})`);
      }),
      { numRuns: RUNS },
    );
  });

  it('text: words that are also names of Object.prototype members are answered like any unknown word', async () => {
    const c = world().conv;
    for (const t of turns.slice(0, 3)) {
      for (const s of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '/lla constructor', 'casus constructor']) {
        expectView(await never(`text(${s})`, () => c.text(t, s)), `text(${JSON.stringify(s)})`);
      }
    }
  });

  it('action: known and unknown action ids with arbitrary values', async () => {
    await fc.assert(
      fc.asyncProperty(turn(), fc.oneof({ weight: 4, arbitrary: fc.constantFrom<string>(...ACTION_IDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), value(), async (t, id, v) => {
        const what = `action(${id}, ${JSON.stringify(v.slice(0, 80))})`;
        expectView(await never(what, () => conv().action(t, { id: id as ActionId, value: v })), what);
      }),
      { numRuns: RUNS },
    );
  });

  it('openForm, check and submit: every form with arbitrary values and state; the store stays valid', async () => {
    await fc.assert(
      fc.asyncProperty(turn(), fc.oneof({ weight: 5, arbitrary: fc.constantFrom<string>(...FORM_IDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), formValues, formState, async (t, formId, values, state) => {
        const c = conv();
        const what = `${formId} ${JSON.stringify(values).slice(0, 200)} state ${JSON.stringify(state)}`;
        expectView(await never(`openForm ${what}`, () => c.openForm(t, formId as FormId, values as never, state)), `openForm ${what}`);
        const errors = await never(`check ${what}`, () => c.check(t, formId as FormId, values as never, state));
        if (errors !== null) {
          expect(typeof errors).toBe('object');
          for (const m of Object.values(errors)) expect(typeof m).toBe('string');
        }
        const result = await never(`submit ${what}`, () => c.submit(t, formId as FormId, values as never, state));
        if (result?.kind === 'done') expectView(result.view, `submit ${what}`);
        else if (result?.kind === 'invalid') expectView(result.form, `submit ${what}`);
        else throw new Error(`submit ${what} returned ${JSON.stringify(result)}`);
        await w.store.read();
      }),
      { numRuns: RUNS },
    );
  });

  it('home for everyone, after all of that', async () => {
    for (const t of turns) expectView(await never('home', () => w.conv.home(t)), 'home');
  });
});

describe('fuzz: the privacy guard', () => {
  const now = new Date('2026-03-02T09:00:00Z');

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 2_000 }), fc.string({ unit: 'grapheme', maxLength: 500 }), fc.string({ unit: fc.constantFrom(...'0123456789 -.()+/:@,AaBbZz\t\n€ë'), maxLength: 500 })), (s) => {
        const findings = scanForIdentifiers(s, now);
        for (const f of findings) {
          expect(s.slice(f.index, f.index + f.match.length)).toBe(f.match);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  /** Fragments the patterns look for; repeated, they are what would make a backtracking expression explode. */
  const FRAGMENTS = [
    '1', '0', '06', '+31', '12', '1234', ' ', '\t', '\u00a0', '-', '.', '/', '(', ')', ',', ':', '@', 'a', 'A', 'Ab', 'ë', "'", '’',
    'AB', 'NL', 'KP-', 'straat', 'Straat', 'laan ', 'Van ', 'van ', 'de ', 'Dhr. ', 'dhr ', 'mevrouw ', 'A. ', 'Dr.', 'St.', 'geboren ', '19', '2001',
    'januari ', 'dossier', 'cliënt ', 'v-', 'e.', 'x@', '@a.', 'Lange ', 'Markt ', 'Plein ', '10-', '1a', 'bis ', 'IV ',
  ];
  const BUDGET_MS = 200;

  it(`stays under ${BUDGET_MS} ms on 100 kB of repeated fragments (each fragment alone, and random mixes)`, () => {
    const slowest: Array<[number, string]> = [];
    const time = (s: string) => {
      const t = performance.now();
      scanForIdentifiers(s, now);
      return performance.now() - t;
    };
    const check = (pattern: string) => {
      const s = pattern.repeat(Math.ceil(100_000 / pattern.length)).slice(0, 100_000);
      let ms = time(s);
      // Up to two more tries: one slow run may be the (shared) machine, not the scan; a backtracking scan is slow every time, by seconds.
      for (let i = 0; i < 2 && ms >= BUDGET_MS; i++) ms = Math.min(ms, time(s));
      slowest.push([ms, pattern]);
      expect(ms, `scan of ${JSON.stringify(pattern)} × ${Math.ceil(100_000 / pattern.length)}`).toBeLessThan(BUDGET_MS);
    };
    for (const f of FRAGMENTS) check(f);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 2, maxLength: 6 }), (parts) => check(parts.join(''))),
      { numRuns: 150 },
    );
    slowest.sort((a, b) => b[0] - a[0]);
    console.log(`privacy scan, slowest 100 kB inputs: ${slowest.slice(0, 3).map(([ms, p]) => `${ms.toFixed(0)} ms ${JSON.stringify(p)}`).join(', ')}`);
  });
});
