/**
 * fast-check arbitraries for the resilience fuzz tests: any JSON-ish value,
 * nasty strings and numbers, and "near-valid" inputs (a valid object with one
 * field dropped, replaced, oversized, made unicode, made huge, or a prototype
 * key added), plus the check that nothing polluted Object.prototype.
 */
import fc from 'fast-check';

/** Strings that have broken parsers before: control and format characters, lone surrogates, case mapping that changes length. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\t\n\r',
  '\u202e\u202d',
  '\u200b\u200d\ufeff',
  '\ud800',
  '\udfff\ud800',
  'e\u0301'.repeat(50),
  'ß'.repeat(20), // toUpperCase doubles the length
  'ﬀ',
  'İı',
  'ＶＣ-２０２６-０００１',
  '٠١٢٣',
  '𝟘𝟙𝟚',
  '😀👨‍👩‍👧‍👦',
  'null',
  'undefined',
  'NaN',
  '__proto__',
  'constructor',
  'toString',
  '{"$ne":null}',
  "'; DROP TABLE cases; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00%ff',
  'VC-2026-0001\u0000',
  ' vc-2026-0001 ',
  'P-0001 ',
  'KP-02\n',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '2026-03-02T25:00:00Z',
];

export const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  1e-320,
  2 ** 31,
  -(2 ** 31) - 1,
];

/** Keys an attacker would try on an object that is merged or spread somewhere. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'toJSON'];

/** Any value: JSON values, and the wider zoo (null prototypes, boxed values, dates, maps, sparse arrays, big ints, odd strings). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue() },
  {
    weight: 3,
    arbitrary: fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, null, undefined, true, false, [], {}, [[]], [{}]) },
);

/** A huge value of some kind (generated lazily: only the size is random). */
const oversized: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 4_001, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1_000, max: 50_000 }).map((n) => '1'.repeat(n)),
  fc.integer({ min: 100, max: 2_000 }).map((n) => Array.from({ length: n }, (_, i) => `KP-${String(i % 100).padStart(2, '0')}`)),
  fc.integer({ min: 50, max: 2_000 }).map((depth) => {
    let v: unknown = 'diep';
    for (let i = 0; i < depth; i++) v = { v };
    return v;
  }),
  fc.constant(new Array(2_000)), // sparse
);
// (Longer lists of bad elements are slow for a reason of their own: see the amplification test in fuzz-usecases.test.ts.)

const unicodeString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(...NASTY_STRINGS),
);

export type Mutation =
  | { kind: 'drop'; key: string }
  | { kind: 'set'; key: string; value: unknown }
  | { kind: 'ownProto'; value: unknown }
  | { kind: 'setPrototype'; value: Record<string, unknown> };

/** One mutation of an object whose keys are `keys`. */
export function mutation(keys: string[]): fc.Arbitrary<Mutation> {
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  const value = fc.oneof(
    { weight: 3, arbitrary: anyValue },
    { weight: 2, arbitrary: oversized },
    { weight: 2, arbitrary: unicodeString },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(...NASTY_NUMBERS) },
    { weight: 1, arbitrary: fc.array(unicodeString, { maxLength: 5 }) },
  );
  return fc.oneof(
    { weight: 2, arbitrary: key.map((k): Mutation => ({ kind: 'drop', key: k })) },
    { weight: 6, arbitrary: fc.record({ key, value }).map(({ key: k, value: v }): Mutation => ({ kind: 'set', key: k, value: v })) },
    // An own property called __proto__, as JSON.parse makes it.
    { weight: 1, arbitrary: anyValue.map((v): Mutation => ({ kind: 'ownProto', value: v })) },
    // A real prototype carrying fields (inherited, not own).
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...keys, 'isAdmin', 'roles', 'actor'), anyValue, { maxKeys: 3 }).map((v): Mutation => ({ kind: 'setPrototype', value: v })) },
  );
}

/** Apply mutations to a copy of `base`. */
export function applyMutations(base: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  let out: Record<string, unknown> = structuredClone(base);
  for (const m of mutations) {
    if (m.kind === 'drop') delete out[m.key];
    else if (m.kind === 'set') {
      if (m.key === '__proto__') Object.defineProperty(out, '__proto__', { value: m.value, enumerable: true, writable: true, configurable: true });
      else out[m.key] = m.value;
    } else if (m.kind === 'ownProto') {
      const plain: Record<string, unknown> = {};
      for (const k of Object.keys(out)) plain[k] = out[k];
      out = plain;
      Object.defineProperty(out, '__proto__', { value: m.value, enumerable: true, writable: true, configurable: true });
    } else {
      Object.setPrototypeOf(out, m.value);
    }
  }
  return out;
}

/** A near-valid input: one of the valid samples with 1–3 mutations. */
export function nearValid(samples: Array<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...new Set(samples.flatMap((s) => Object.keys(s)))];
  return fc
    .record({ base: fc.constantFrom(...samples), mutations: fc.array(mutation(keys.length > 0 ? keys : ['x']), { minLength: 1, maxLength: 3 }) })
    .map(({ base, mutations }) => applyMutations(base, mutations));
}

/** A value of the same JavaScript type as `sample` (for inputs typed by TypeScript only, not parsed by a schema). */
function sameType(sample: unknown): fc.Arbitrary<unknown> {
  if (typeof sample === 'string') return fc.oneof(unicodeString, fc.string({ maxLength: 40 }), oversized.filter((v) => typeof v === 'string'));
  if (typeof sample === 'boolean') return fc.boolean();
  if (typeof sample === 'number') return fc.oneof(fc.integer(), fc.constantFrom(...NASTY_NUMBERS));
  return fc.constant(sample);
}

/** Well-typed variations of the samples: each field replaced by a value of its own type (or an optional field dropped). */
export function typedVariants(samples: Array<Record<string, unknown>>, optional: string[] = []): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(...samples).chain((base) =>
    fc
      .record(Object.fromEntries(Object.entries(base).map(([k, v]) => [k, fc.oneof({ weight: 1, arbitrary: fc.constant(v) }, { weight: 2, arbitrary: sameType(v) })])))
      .chain((rec) => fc.subarray(optional.filter((k) => k in rec)).map((drop) => Object.fromEntries(Object.entries(rec).filter(([k]) => !drop.includes(k))))),
  );
}

const PROTO_SNAPSHOT = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Throws when anything added or changed a property of Object.prototype / Array.prototype. */
export function assertNoPrototypePollution(): void {
  const now = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
  if (now !== PROTO_SNAPSHOT) throw new Error(`Object.prototype was polluted: ${now}`);
  const probe = {} as Record<string, unknown>;
  for (const k of ['isAdmin', 'roles', 'actor', 'polluted', 'regionCode']) {
    if (probe[k] !== undefined || ([] as unknown as Record<string, unknown>)[k] !== undefined) throw new Error(`prototype pollution: ${k}`);
  }
}
