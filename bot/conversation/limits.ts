/**
 * The common limits every view of the conversation layer keeps, so each
 * renderer can rely on them (Slack Block Kit is the tightest: modal title
 * 24 characters, option and button text 75, 100 options, section text 3000,
 * 50 blocks per message, 100 per modal and home tab). `viewLimitProblems`
 * lists what a view breaks; the renderers' tests use `assertViewLimits` too.
 */
import type { Button, Field, FormView, MessageView, View } from './view.js';

export const LIMITS = {
  formTitle: 24,
  formFields: 20,
  fieldLabel: 75,
  hint: 300,
  placeholder: 150,
  textMaxLength: 4000,
  choices: 100,
  choiceLabel: 75,
  choiceValue: 150,
  buttonLabel: 75,
  actionValue: 200,
  /** Serialised `state` of a form (Slack private_metadata is 3000). */
  formState: 2000,
  intro: 2800,
  messageTitle: 150,
  paragraph: 2800,
  paragraphs: 12,
  facts: 20,
  factLabel: 75,
  factValue: 1000,
  items: 20,
  itemTitle: 150,
  itemFacts: 10,
  itemButtons: 5,
  buttons: 10,
} as const;

/** Cut a text to `max` characters, ending in … when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

const len = (s: string) => Array.from(s).length;

function checkText(problems: string[], where: string, value: string | undefined, max: number, required = false): void {
  if (value === undefined) {
    if (required) problems.push(`${where}: missing`);
    return;
  }
  if (required && value.trim() === '') problems.push(`${where}: empty`);
  if (len(value) > max) problems.push(`${where}: ${len(value)} chars, max ${max}`);
}

function checkButtons(problems: string[], where: string, buttons: Button[] | undefined, max: number): void {
  if (!buttons) return;
  if (buttons.length > max) problems.push(`${where}: ${buttons.length} buttons, max ${max}`);
  buttons.forEach((b, i) => {
    checkText(problems, `${where}[${i}].label`, b.label, LIMITS.buttonLabel, true);
    checkText(problems, `${where}[${i}].action.value`, b.action.value, LIMITS.actionValue);
  });
}

function checkField(problems: string[], f: Field): void {
  const where = `field ${f.id}`;
  checkText(problems, `${where}.label`, f.label, LIMITS.fieldLabel, true);
  checkText(problems, `${where}.hint`, f.hint, LIMITS.hint);
  switch (f.kind) {
    case 'text':
      checkText(problems, `${where}.placeholder`, f.placeholder, LIMITS.placeholder);
      if (f.maxLength < 1 || f.maxLength > LIMITS.textMaxLength) problems.push(`${where}.maxLength: ${f.maxLength}`);
      if (f.initial !== undefined && len(f.initial) > f.maxLength) problems.push(`${where}.initial: longer than maxLength`);
      break;
    case 'choice': {
      if (f.choices.length === 0) problems.push(`${where}: no choices`);
      if (f.choices.length > LIMITS.choices) problems.push(`${where}: ${f.choices.length} choices, max ${LIMITS.choices}`);
      const values = new Set<string>();
      f.choices.forEach((c, i) => {
        checkText(problems, `${where}.choices[${i}].label`, c.label, LIMITS.choiceLabel, true);
        checkText(problems, `${where}.choices[${i}].value`, c.value, LIMITS.choiceValue, true);
        if (values.has(c.value)) problems.push(`${where}: choice ${c.value} twice`);
        values.add(c.value);
      });
      const initial = f.initial === undefined ? [] : Array.isArray(f.initial) ? f.initial : [f.initial];
      for (const v of initial) if (!values.has(v)) problems.push(`${where}.initial: ${v} is not a choice`);
      break;
    }
    case 'number':
      if (f.min > f.max) problems.push(`${where}: min > max`);
      if (f.initial !== undefined && (f.initial < f.min || f.initial > f.max)) problems.push(`${where}.initial out of range`);
      break;
    case 'date':
      if (f.initial !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(f.initial)) problems.push(`${where}.initial: not yyyy-mm-dd`);
      break;
  }
}

function formProblems(form: FormView): string[] {
  const problems: string[] = [];
  checkText(problems, 'title', form.title, LIMITS.formTitle, true);
  checkText(problems, 'intro', form.intro, LIMITS.intro);
  checkText(problems, 'submitLabel', form.submitLabel, LIMITS.buttonLabel, true);
  checkText(problems, 'cancelLabel', form.cancelLabel, LIMITS.buttonLabel, true);
  if (form.fields.length === 0) problems.push('form without fields');
  if (form.fields.length > LIMITS.formFields) problems.push(`${form.fields.length} fields, max ${LIMITS.formFields}`);
  const ids = new Set<string>();
  for (const f of form.fields) {
    if (ids.has(f.id)) problems.push(`field ${f.id} twice`);
    ids.add(f.id);
    checkField(problems, f);
  }
  for (const id of Object.keys(form.errors ?? {})) if (!ids.has(id)) problems.push(`error on unknown field ${id}`);
  if (JSON.stringify(form.state).length > LIMITS.formState) problems.push('state too large');
  return problems;
}

function messageProblems(m: MessageView): string[] {
  const problems: string[] = [];
  checkText(problems, 'title', m.title, LIMITS.messageTitle);
  if (m.text.length > LIMITS.paragraphs) problems.push(`${m.text.length} paragraphs, max ${LIMITS.paragraphs}`);
  m.text.forEach((p, i) => checkText(problems, `text[${i}]`, p, LIMITS.paragraph));
  if (!m.title && m.text.length === 0) problems.push('message without title and text');
  if ((m.facts?.length ?? 0) > LIMITS.facts) problems.push(`${m.facts?.length} facts, max ${LIMITS.facts}`);
  m.facts?.forEach((f, i) => {
    checkText(problems, `facts[${i}].label`, f.label, LIMITS.factLabel, true);
    checkText(problems, `facts[${i}].value`, f.value, LIMITS.factValue, true);
  });
  if ((m.items?.length ?? 0) > LIMITS.items) problems.push(`${m.items?.length} items, max ${LIMITS.items}`);
  m.items?.forEach((item, i) => {
    checkText(problems, `items[${i}].title`, item.title, LIMITS.itemTitle, true);
    if (item.facts.length > LIMITS.itemFacts) problems.push(`items[${i}]: ${item.facts.length} facts, max ${LIMITS.itemFacts}`);
    item.facts.forEach((f, j) => {
      checkText(problems, `items[${i}].facts[${j}].label`, f.label, LIMITS.factLabel, true);
      checkText(problems, `items[${i}].facts[${j}].value`, f.value, LIMITS.factValue, true);
    });
    checkButtons(problems, `items[${i}].buttons`, item.buttons, LIMITS.itemButtons);
  });
  checkButtons(problems, 'buttons', m.buttons, LIMITS.buttons);
  return problems;
}

/** Everything a view breaks of the common limits; empty when it keeps them all. */
export function viewLimitProblems(view: View): string[] {
  return view.kind === 'form' ? formProblems(view) : messageProblems(view);
}

/** Throw when a view breaks a common limit, listing every problem. */
export function assertViewLimits(view: View): void {
  const problems = viewLimitProblems(view);
  if (problems.length > 0) throw new Error(`View breaks the limits:\n- ${problems.join('\n- ')}`);
}
