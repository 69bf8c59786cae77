/**
 * Prompts (inquirer). Only ever loaded through `CliApp.need` / `confirm`,
 * after the prompt gate has checked that both ends are terminals.
 */
import { styleText } from 'node:util';
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { cliMsg } from '../core/messages-cli.js';

/** Inquirer's key hints ("↑↓ navigate • ⏎ submit"), in Dutch. */
const keysHelpTip = (keys: Array<[key: string, action: string]>) =>
  keys
    .map(([key, action]) => `${styleText('bold', cliMsg.keyNames[key] ?? key)} ${styleText('dim', cliMsg.keyActions[action] ?? action)}`)
    .join(styleText('dim', ' • '));

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/** Free text; `validate` returns a Dutch problem or true. */
export function askText(message: string, options: { default?: string; validate?: (v: string) => string | true; required?: boolean } = {}): Promise<string> {
  return input({
    message,
    ...(options.default !== undefined ? { default: options.default } : {}),
    validate: (v: string) => {
      if ((options.required ?? true) && v.trim() === '') return cliMsg.fieldRequired();
      return options.validate ? options.validate(v) : true;
    },
  });
}

export function askSelect<T>(message: string, choices: Array<Choice<T>>, defaultValue?: T): Promise<T> {
  return select<T>({
    message,
    choices,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    pageSize: 12,
    theme: { style: { keysHelpTip } },
  });
}

export function askCheckbox<T>(message: string, choices: Array<Choice<T>>, options: { required?: boolean } = {}): Promise<T[]> {
  return checkbox<T>({
    message,
    choices,
    pageSize: 14,
    theme: { style: { keysHelpTip }, i18n: { disabledError: cliMsg.optionDisabled() } },
    ...(options.required ? { validate: (chosen: readonly unknown[]) => (chosen.length > 0 ? true : cliMsg.chooseAtLeastOne()) } : {}),
  });
}

export function askConfirm(message: string, defaultValue = false): Promise<boolean> {
  return confirm({
    message,
    default: defaultValue,
    theme: { keywords: { yes: cliMsg.yes(), no: cliMsg.no(), error: () => cliMsg.answerYesNo() } },
  });
}

/** A date as jjjj-mm-dd; empty allowed when not required. */
export function askDate(message: string, options: { required?: boolean } = {}): Promise<string> {
  return askText(cliMsg.datePrompt(message), {
    required: options.required ?? true,
    validate: (v) => {
      if (v.trim() === '' && !options.required) return true;
      const d = new Date(`${v.trim()}T12:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v.trim()
        ? true
        : cliMsg.dateFormatHint();
    },
  });
}
