/** All command groups of `lla`. Definitions only: no core code is loaded here. */
import type { Command } from 'commander';
import type { Runner } from '../main.js';
import { register as registerBot } from './bot.js';
import { register as registerCases } from './cases.js';
import { register as registerChat } from './chat.js';
import { register as registerEvents } from './events.js';
import { register as registerInit } from './init.js';
import { register as registerPeople } from './people.js';
import { register as registerPlanning } from './planning.js';
import { register as registerTaskGroups } from './task-groups.js';

export function registerAll(program: Command, run: Runner): void {
  registerInit(program, run);
  registerPeople(program, run); // persoon, regio, audit, backup, herstel
  registerTaskGroups(program, run); // taakgroep, knelpunt, signaal
  registerCases(program, run); // casus
  registerEvents(program, run); // vakdag, monitor, rapport
  registerChat(program, run); // chat
  registerPlanning(program, run); // planning
  registerBot(program, run); // bot
}
