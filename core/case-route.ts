/**
 * The escalation route of a stuck case as one table. Every status change in
 * the product goes through `planTransition` (via the `moveCase` use-case);
 * nothing sets `case.status` directly.
 *
 *   gemeld → in behandeling → bemiddeling regio → geëscaleerd landelijk
 *          → bij probleemeigenaar → opgelost | gesloten zonder oplossing
 *
 * Forward steps may skip; going back (also reopening a closed case) needs a
 * reason. Who may take a step is in `ALLOWED_BY`.
 */
import { CASE_STATUSES, type CaseStatus, type Role } from './schema.js';

export const FINAL_STATUSES: ReadonlySet<CaseStatus> = new Set(['resolved', 'closedUnresolved']);
export const OPEN_STATUSES: ReadonlyArray<CaseStatus> = CASE_STATUSES.filter((s) => !FINAL_STATUSES.has(s));

/** Position on the route; both final statuses share the last position. */
export function rank(status: CaseStatus): number {
  return FINAL_STATUSES.has(status) ? CASE_STATUSES.indexOf('resolved') : CASE_STATUSES.indexOf(status);
}

export type TransitionKind = 'forward' | 'back' | 'close' | 'reopen';

export interface TransitionRule {
  from: CaseStatus;
  to: CaseStatus;
  kind: TransitionKind;
  needsReason: boolean;
  needsProblemOwner: boolean;
  needsOutcome: boolean;
  /** Roles that may take this step besides the quartermaster. */
  alsoAllowed: ReadonlyArray<Role>;
}

function rule(from: CaseStatus, to: CaseStatus): TransitionRule | null {
  if (from === to) return null;
  const fromFinal = FINAL_STATUSES.has(from);
  const toFinal = FINAL_STATUSES.has(to);
  if (fromFinal && toFinal) return null; // a closed case is reopened before it is closed otherwise
  if (to === 'reported') return null; // `gemeld` is only the first status
  let kind: TransitionKind;
  if (fromFinal) kind = 'reopen';
  else if (toFinal) kind = 'close';
  else kind = rank(to) > rank(from) ? 'forward' : 'back';
  // The ambassadors decide what happens with nationally escalated cases.
  const alsoAllowed: Role[] = from === 'nationalEscalation' && kind !== 'reopen' ? ['ambassador'] : [];
  return {
    from,
    to,
    kind,
    needsReason: kind === 'back' || kind === 'reopen',
    needsProblemOwner: to === 'withProblemOwner',
    needsOutcome: toFinal,
    alsoAllowed,
  };
}

/** The full table, computed once: key `from>to`. */
export const TRANSITIONS: ReadonlyMap<string, TransitionRule> = new Map(
  CASE_STATUSES.flatMap((from) =>
    CASE_STATUSES.flatMap((to): Array<[string, TransitionRule]> => {
      const r = rule(from, to);
      return r ? [[`${from}>${to}`, r]] : [];
    }),
  ),
);

export function findTransition(from: CaseStatus, to: CaseStatus): TransitionRule | undefined {
  return TRANSITIONS.get(`${from}>${to}`);
}

/** Statuses reachable from `from` (for choices in forms and prompts). */
export function nextStatuses(from: CaseStatus): CaseStatus[] {
  return CASE_STATUSES.filter((to) => TRANSITIONS.has(`${from}>${to}`));
}

/** Whether someone with these roles may take the step: the quartermaster always, others where the route allows their role. */
export function mayTakeStep(roles: ReadonlyArray<Role>, rule: TransitionRule): boolean {
  return roles.includes('quartermaster') || roles.some((r) => rule.alsoAllowed.includes(r));
}

/** The statuses someone with these roles may move a case to from `from` (the buttons chat offers). */
export function allowedSteps(roles: ReadonlyArray<Role>, from: CaseStatus): CaseStatus[] {
  return nextStatuses(from).filter((to) => {
    const rule = findTransition(from, to);
    return !!rule && mayTakeStep(roles, rule);
  });
}

export function isOpen(status: CaseStatus): boolean {
  return !FINAL_STATUSES.has(status);
}
