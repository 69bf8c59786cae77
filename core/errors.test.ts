import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromZodError } from './errors.js';
import { ReportCaseInput } from './usecases/cases.js';

describe('fromZodError', () => {
  it('names each field once and at most 20 fields, however many problems a hostile input has', () => {
    const wide = z.object(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, z.string()])));
    const many = wide.safeParse({});
    const err = fromZodError(many.error!);
    expect(err.fields).toHaveLength(20);
    expect(new Set(err.fields.map((f) => f.field)).size).toBe(20);

    const list = z.object({ tags: z.array(z.number()) }).safeParse({ tags: Array(100_000).fill('x') });
    const one = fromZodError(list.error!);
    expect(one.fields.map((f) => f.field)).toEqual(['tags']);
    expect(one.message.length).toBeLessThan(500);
  });

  it('refuses oversized lists in use-case input with one problem, not one per element', () => {
    const r = ReportCaseInput.safeParse({ theme: 'housing', sketch: 'x', helpAsked: ['advice'], stepsTried: Array(1_000_000).fill(0) });
    expect(r.success).toBe(false);
    expect(fromZodError(r.error!).fields.map((f) => f.field)).toEqual(['stepsTried']);
  });
});
