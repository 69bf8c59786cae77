/** Stuck cases in chat: the open cases of my region, one case in detail, and the buttons that move a case. */
import {
  allowedSteps,
  daysInStatus,
  formatDate,
  getCase,
  helpLabel,
  listCases,
  statusLabel,
  statusSince,
  themeLabel,
  type CaseStatus,
  type Person,
  type StuckCase,
} from '../../core/index.js';
import { convMsg } from '../../core/messages-bot.js';
import { button, ctxOf, facts, me, message, regionNames } from './kit.js';
import { clip, LIMITS } from './limits.js';
import type { ConversationDeps, Turn } from './types.js';
import type { Button, Fact, ListItem, MessageView } from './view.js';

/** Cases in a list: most stuck (longest in their status) first. */
export function mostStuckFirst(cases: StuckCase[], now: Date): StuckCase[] {
  return cases
    .map((c) => ({ c, days: daysInStatus(c, now) }))
    .sort((a, b) => b.days - a.days || a.c.code.localeCompare(b.c.code))
    .map((x) => x.c);
}

export const showCaseButton = (code: string, label = convMsg.btnShowCase()) => button(label, 'case.show', code);

export function caseItem(c: StuckCase, regionName: string, now: Date): ListItem {
  return {
    title: clip(convMsg.caseItemTitle(c.code, regionName), LIMITS.itemTitle),
    facts: facts(
      [convMsg.factStatus(), statusLabel[c.status]],
      [convMsg.factDaysInStatus(), convMsg.daysShort(daysInStatus(c, now))],
      [convMsg.factTheme(), themeLabel[c.theme]],
      [convMsg.factHomelessOn(), c.homelessOn && formatDate(c.homelessOn)],
    ),
    buttons: [showCaseButton(c.code, convMsg.btnShow())],
  };
}

/** The structured facts of a case (never its free text). */
export function caseFacts(c: StuckCase, regionName: string): Fact[] {
  return facts(
    [convMsg.factCaseCode(), c.code],
    [convMsg.factRegion(), regionName],
    [convMsg.factTheme(), themeLabel[c.theme]],
    [convMsg.factHelpAsked(), c.helpAsked.map((h) => helpLabel[h]).join(', ')],
    [convMsg.factHomelessOn(), c.homelessOn && formatDate(c.homelessOn)],
    [convMsg.factBottlenecks(), c.bottleneckIds.join(', ')],
  );
}

/** Statuses this person may move the case to: the quartermaster any allowed step, others what the route grants their role. */
export function moveTargets(person: Person, c: StuckCase): CaseStatus[] {
  return allowedSteps(person.roles, c.status);
}

export function moveButtons(targets: CaseStatus[], code: string): Button[] {
  return targets.map((to) => button(convMsg.btnMoveTo(to), 'case.move', `${code}|${to}`));
}

/** The open cases the person may see, most stuck first, capped with "en nog N". */
export async function openCasesView(deps: ConversationDeps, turn: Turn, max: number = LIMITS.items): Promise<MessageView> {
  const ctx = ctxOf(deps, turn);
  const person = await me(ctx);
  const [cases, regions] = await Promise.all([listCases(ctx, { openOnly: true }), regionNames(ctx)]);
  return openCasesMessage(person, cases, regions, deps.clock.now(), max);
}

export function openCasesMessage(person: Person, cases: StuckCase[], regions: Map<string, string>, now: Date, max: number): MessageView {
  const ownRegion = person.regionCode ? regions.get(person.regionCode) : undefined;
  const national = person.roles.some((r) => r === 'quartermaster' || r === 'ambassador');
  const title = national ? convMsg.allCasesTitle() : convMsg.myCasesTitle(ownRegion);
  if (cases.length === 0) return message('info', [convMsg.noOpenCases()], { title });
  const sorted = mostStuckFirst(cases, now);
  const shown = sorted.slice(0, Math.min(max, LIMITS.items));
  const text = sorted.length > shown.length ? [convMsg.andMore(sorted.length - shown.length)] : [];
  return message('info', text, {
    title,
    items: shown.map((c) => caseItem(c, regions.get(c.regionCode) ?? c.regionCode, now)),
  });
}

const HISTORY_STEPS = 8;

/** One case: status, region, theme, days in status, urgency, help asked, history; move buttons for who may move it. */
export async function caseDetailView(deps: ConversationDeps, turn: Turn, code: string, lead: string[] = []): Promise<MessageView> {
  const ctx = ctxOf(deps, turn);
  const person = await me(ctx);
  const c = await getCase(ctx, code);
  const regions = await regionNames(ctx);
  const now = deps.clock.now();
  const steps = c.history.slice(-HISTORY_STEPS).map((h) => convMsg.historyStep(h.at, h.to));
  if (c.history.length > HISTORY_STEPS) steps.unshift(convMsg.historyEarlier(c.history.length - HISTORY_STEPS));
  const targets = moveTargets(person, c);
  const text = [...lead, convMsg.history(steps)];
  if (targets.length > 0) text.push(convMsg.moveHint());
  return message('info', text, {
    title: convMsg.caseTitle(c.code),
    facts: [
      ...facts(
        [convMsg.factStatus(), statusLabel[c.status]],
        [convMsg.factDaysInStatus(), convMsg.daysInStatus(daysInStatus(c, now), statusSince(c))],
        [convMsg.factReportedOn(), formatDate(c.reportedAt)],
        [convMsg.factProblemOwner(), c.problemOwner],
      ),
      ...caseFacts(c, regions.get(c.regionCode) ?? c.regionCode).filter((f) => f.label !== convMsg.factCaseCode()),
    ],
    buttons: [...moveButtons(targets, c.code), button(convMsg.btnMyCases(), 'cases.mine')],
  });
}
