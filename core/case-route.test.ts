import { describe, expect, it } from 'vitest';
import { FINAL_STATUSES, findTransition, isOpen, nextStatuses, OPEN_STATUSES, rank, TRANSITIONS } from './case-route.js';
import { CASE_STATUSES, type CaseStatus } from './schema.js';
import { msg, statusLabel, statusSlug } from './messages.js';

const OPEN: CaseStatus[] = ['reported', 'inTreatment', 'regionalMediation', 'nationalEscalation', 'withProblemOwner'];
const FINAL: CaseStatus[] = ['resolved', 'closedUnresolved'];

describe('the status route table', () => {
  it('knows the seven statuses in route order, two of them final', () => {
    expect([...CASE_STATUSES]).toEqual([...OPEN, ...FINAL]);
    expect([...FINAL_STATUSES].sort()).toEqual([...FINAL].sort());
    expect([...OPEN_STATUSES]).toEqual(OPEN);
    expect(rank('resolved')).toBe(rank('closedUnresolved'));
    expect(OPEN.map(rank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('allows every forward step, also skipping steps, without a reason', () => {
    for (const [i, from] of OPEN.entries()) {
      for (const to of OPEN.slice(i + 1)) {
        const r = findTransition(from, to);
        expect(r, `${from}>${to}`).toBeDefined();
        expect(r?.kind).toBe('forward');
        expect(r?.needsReason).toBe(false);
        expect(r?.needsOutcome).toBe(false);
      }
    }
    expect(findTransition('reported', 'withProblemOwner')?.kind).toBe('forward');
  });

  it('allows going back between open steps (except to `reported`), always with a reason', () => {
    for (const [i, from] of OPEN.entries()) {
      for (const to of OPEN.slice(0, i)) {
        const r = findTransition(from, to);
        if (to === 'reported') {
          expect(r, `${from}>${to}`).toBeUndefined();
          continue;
        }
        expect(r?.kind, `${from}>${to}`).toBe('back');
        expect(r?.needsReason).toBe(true);
      }
    }
  });

  it('never has `reported` as a target', () => {
    for (const from of CASE_STATUSES) expect(findTransition(from, 'reported')).toBeUndefined();
    for (const r of TRANSITIONS.values()) expect(r.to).not.toBe('reported');
  });

  it('has no transition from a status to itself', () => {
    for (const s of CASE_STATUSES) expect(findTransition(s, s)).toBeUndefined();
  });

  it('closes from every open status, needing an outcome but no reason', () => {
    for (const from of OPEN) {
      for (const to of FINAL) {
        const r = findTransition(from, to);
        expect(r?.kind, `${from}>${to}`).toBe('close');
        expect(r?.needsOutcome).toBe(true);
        expect(r?.needsReason).toBe(false);
      }
    }
  });

  it('does not go from closed to closed', () => {
    expect(findTransition('resolved', 'closedUnresolved')).toBeUndefined();
    expect(findTransition('closedUnresolved', 'resolved')).toBeUndefined();
  });

  it('reopens a closed case only with a reason, to any open step except `reported`', () => {
    for (const from of FINAL) {
      for (const to of OPEN) {
        const r = findTransition(from, to);
        if (to === 'reported') {
          expect(r).toBeUndefined();
          continue;
        }
        expect(r?.kind, `${from}>${to}`).toBe('reopen');
        expect(r?.needsReason).toBe(true);
        expect(r?.alsoAllowed).toEqual([]);
      }
    }
  });

  it('asks for a problem owner exactly when the target is `withProblemOwner`', () => {
    for (const r of TRANSITIONS.values()) expect(r.needsProblemOwner).toBe(r.to === 'withProblemOwner');
  });

  it('lets the ambassadors move a case only out of `nationalEscalation`', () => {
    for (const r of TRANSITIONS.values()) {
      if (r.from === 'nationalEscalation') expect(r.alsoAllowed, `${r.from}>${r.to}`).toEqual(['ambassador']);
      else expect(r.alsoAllowed, `${r.from}>${r.to}`).toEqual([]);
    }
    expect(findTransition('nationalEscalation', 'withProblemOwner')?.alsoAllowed).toContain('ambassador');
    expect(findTransition('nationalEscalation', 'regionalMediation')?.alsoAllowed).toContain('ambassador');
    expect(findTransition('nationalEscalation', 'resolved')?.alsoAllowed).toContain('ambassador');
  });

  it('has exactly the expected number of transitions', () => {
    // open→open: 5*4 pairs minus the 4 with target `reported`; open→final: 5*2; final→open: 2*4.
    expect(TRANSITIONS.size).toBe(16 + 10 + 8);
  });

  it('nextStatuses lists the choices for a form', () => {
    expect(nextStatuses('reported')).toEqual(['inTreatment', 'regionalMediation', 'nationalEscalation', 'withProblemOwner', 'resolved', 'closedUnresolved']);
    expect(nextStatuses('resolved')).toEqual(['inTreatment', 'regionalMediation', 'nationalEscalation', 'withProblemOwner']);
    expect(nextStatuses('inTreatment')).not.toContain('reported');
  });

  it('isOpen', () => {
    for (const s of OPEN) expect(isOpen(s)).toBe(true);
    for (const s of FINAL) expect(isOpen(s)).toBe(false);
  });

  it('every status has a Dutch label and slug, and the refusals read as Dutch', () => {
    for (const s of CASE_STATUSES) {
      expect(statusLabel[s].length).toBeGreaterThan(0);
      expect(statusSlug[s]).toMatch(/^[a-z-]+$/);
    }
    expect(statusLabel.nationalEscalation).toBe('geëscaleerd landelijk');
    expect(msg.transitionNotAllowed('resolved', 'closedUnresolved')).toBe('Een casus kan niet van „opgelost” naar „gesloten zonder oplossing”.');
  });
});
