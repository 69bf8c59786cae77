/** What a typed message or slash-command text asks for. */
import type { FormId } from './view.js';

export type Intent =
  | { kind: 'form'; formId: FormId }
  | { kind: 'cases' }
  | { kind: 'case'; code: string }
  | { kind: 'events' }
  | { kind: 'report' }
  | { kind: 'help'; unknown: boolean };

const WORDS: Record<string, Intent> = {
  meld: { kind: 'form', formId: 'reportCase' },
  melden: { kind: 'form', formId: 'reportCase' },
  'meld casus': { kind: 'form', formId: 'reportCase' },
  'casus melden': { kind: 'form', formId: 'reportCase' },
  signaal: { kind: 'form', formId: 'reportSignal' },
  'meld signaal': { kind: 'form', formId: 'reportSignal' },
  'signaal melden': { kind: 'form', formId: 'reportSignal' },
  'mijn casussen': { kind: 'cases' },
  casussen: { kind: 'cases' },
  'mijn regio': { kind: 'cases' },
  casus: { kind: 'cases' },
  voortgang: { kind: 'form', formId: 'progress' },
  vakdagen: { kind: 'events' },
  rapport: { kind: 'report' },
  signalenrapportage: { kind: 'report' },
  vakdag: { kind: 'events' },
  bijeenkomsten: { kind: 'events' },
  monitor: { kind: 'form', formId: 'monitor' },
  help: { kind: 'help', unknown: false },
  hulp: { kind: 'help', unknown: false },
  hallo: { kind: 'help', unknown: false },
  hoi: { kind: 'help', unknown: false },
  '': { kind: 'help', unknown: false },
};

/** Case-insensitive, tolerant of extra spaces, a leading `/lla` and closing punctuation. */
export function parseIntent(text: string): Intent {
  const words = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/?lla\b\s*/, '')
    .replace(/[.!?]+$/, '')
    .trim();
  const known = Object.hasOwn(WORDS, words) ? WORDS[words] : undefined;
  if (known) return known;
  const code = /^(?:casus )?(vc-\d{4}-\d{1,8})$/.exec(words) ?? /^casus (\S{1,40})$/.exec(words);
  if (code?.[1]) return { kind: 'case', code: code[1].toUpperCase() };
  return { kind: 'help', unknown: true };
}
