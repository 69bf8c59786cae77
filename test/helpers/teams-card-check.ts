/**
 * Checks a card the way Teams' renderer would: the `adaptivecards` package
 * (3.0.5, its UMD bundle loads in Node) parses it into an AdaptiveCard;
 * every parse event (unknown element, bad property value) and every
 * validation event (duplicate id, required input without label or error
 * message, empty choice set, …) is a problem. Plus the Teams rules the parser
 * does not know: version 1.5, at most five actions per row (the parser's default host config checks this too).
 */
import { createRequire } from 'node:module';
import { expect } from 'vitest';

interface AcEvent {
  message: string;
}
interface AcModule {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: AcEvent[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): AcEvent };
}

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AcModule;

type Json = Record<string, unknown>;

function teamsRules(card: Json): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${String(card.type)}`);
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, Teams cards here are 1.5`);
  const size = JSON.stringify(card).length;
  if (size > 28_000) problems.push(`card is ${size} bytes, Teams takes about 28 KB`);
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      const o = node as Json;
      if (Array.isArray(o.actions) && o.actions.length > 5) problems.push(`${where}: ${o.actions.length} actions in one row, max 5`);
      for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v, `${where}.${k}`);
    }
  };
  walk(card, 'card');
  return problems;
}

/** Every problem the Adaptive Cards parser and Teams' rules find in a card; empty when it is fine. */
export function cardProblems(card: unknown): string[] {
  const ctx = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  problems.push(...teamsRules(card as Json));
  return problems;
}

export function expectValidCard(card: unknown, what = 'card'): void {
  expect(cardProblems(card), `${what}: ${JSON.stringify(card).slice(0, 400)}`).toEqual([]);
}
