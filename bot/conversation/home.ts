/** The person's home (greeting, quick buttons, their region's open cases) and the help. */
import { listCases, listMonitorRounds, listTaskGroups, readsEverything, roleLabel, type Person } from '../../core/index.js';
import { convMsg } from '../../core/messages-bot.js';
import { openCasesMessage } from './cases.js';
import { button, canReport, ctxOf, firstName, formButton, hasAnyRole, isQuartermaster, me, message, regionNames } from './kit.js';
import type { ConversationDeps, Turn } from './types.js';
import type { Button, MessageView } from './view.js';

/** Cases on the home view: Slack's home tab holds 100 blocks, and a case takes a few. */
export const HOME_CASES = 10;

function quickButtons(person: Person, firstContact: boolean, openRound: boolean): Button[] {
  const buttons: Button[] = [];
  if (canReport(person)) {
    buttons.push(formButton(convMsg.btnReportCase(), 'reportCase', {}, 'primary'), formButton(convMsg.btnReportSignal(), 'reportSignal'));
  }
  buttons.push(button(convMsg.btnMyCases(), 'cases.mine'), button(convMsg.btnEvents(), 'events.list'));
  if (firstContact) buttons.push(formButton(convMsg.btnProgress(), 'progress'));
  if (openRound) buttons.push(formButton(convMsg.btnMonitor(), 'monitor'));
  buttons.push(button(convMsg.btnHelp(), 'help'));
  return buttons;
}

export async function homeView(deps: ConversationDeps, turn: Turn): Promise<MessageView> {
  const ctx = ctxOf(deps, turn);
  const person = await me(ctx);
  const submitsFigures = hasAnyRole(person, 'projectLead') && !!person.regionCode;
  const [cases, regions, groups, rounds] = await Promise.all([
    listCases(ctx, { openOnly: true }),
    regionNames(ctx),
    listTaskGroups(ctx),
    submitsFigures ? listMonitorRounds(ctx) : Promise.resolve([]),
  ]);
  const firstContact = groups.some((g) => g.firstContactId === person.id) || (isQuartermaster(person) && groups.length > 0);
  const openRound = rounds.some((r) => r.status === 'open');
  const list = openCasesMessage(person, cases, regions, deps.clock.now(), HOME_CASES);
  const region = person.regionCode ? regions.get(person.regionCode) : undefined;
  return message('info', [convMsg.profile(person.roles.map((r) => roleLabel[r]).join(' en '), region), list.title ?? '', ...list.text], {
    title: convMsg.greeting(firstName(person)),
    items: list.items ?? [],
    buttons: quickButtons(person, firstContact, openRound),
  });
}

export async function helpView(deps: ConversationDeps, turn: Turn, unknownCommand: boolean): Promise<MessageView> {
  const person = await me(ctxOf(deps, turn));
  const text = [...(unknownCommand ? [convMsg.helpUnknown()] : []), convMsg.helpIntro()];
  return message('info', text, {
    title: convMsg.helpTitle(),
    facts: convMsg
      .helpCommands()
      // The report is for those who read everything (core's rule); others are not shown a command that refuses them.
      .filter((c) => c.command !== 'rapport' || readsEverything({ kind: 'person', person }))
      .map((c) => ({ label: c.command, value: c.what })),
    buttons: quickButtons(person, false, false),
  });
}
