/**
 * A checker for Slack Block Kit payloads: the limits Slack enforces (and
 * answers `invalid_blocks` for) on messages, modals and the App Home, as
 * listed in the Block Kit reference. `blockKitProblems` lists what a payload
 * breaks; `assertBlockKit` fails a test with that list.
 */
import { expect } from 'vitest';

export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
const len = (s: unknown) => (typeof s === 'string' ? Array.from(s).length : 0);

function textObject(problems: string[], where: string, t: any, max: number, kinds: Array<'plain_text' | 'mrkdwn'> = ['plain_text', 'mrkdwn']): void {
  if (!t || typeof t !== 'object') {
    problems.push(`${where}: missing text object`);
    return;
  }
  if (!kinds.includes(t.type)) problems.push(`${where}: text type ${t.type}, expected ${kinds.join('|')}`);
  if (typeof t.text !== 'string' || t.text.length === 0) problems.push(`${where}: empty text`);
  else if (len(t.text) > max) problems.push(`${where}: ${len(t.text)} chars, max ${max}`);
}

function options(problems: string[], where: string, opts: any[] | undefined): Set<string> {
  const values = new Set<string>();
  if (!Array.isArray(opts) || opts.length === 0) {
    problems.push(`${where}: no options`);
    return values;
  }
  if (opts.length > 100) problems.push(`${where}: ${opts.length} options, max 100`);
  opts.forEach((o, i) => {
    textObject(problems, `${where}.options[${i}].text`, o.text, 75, ['plain_text']);
    if (typeof o.value !== 'string' || o.value.length === 0) problems.push(`${where}.options[${i}]: empty value`);
    else if (len(o.value) > 150) problems.push(`${where}.options[${i}].value: ${len(o.value)} chars, max 150`);
    if (values.has(o.value)) problems.push(`${where}.options[${i}]: duplicate value ${o.value}`);
    values.add(o.value);
  });
  return values;
}

function actionId(problems: string[], where: string, el: any, seen: Set<string>): void {
  if (typeof el.action_id !== 'string' || el.action_id.length === 0) problems.push(`${where}: missing action_id`);
  else if (len(el.action_id) > 255) problems.push(`${where}.action_id: too long`);
  else if (seen.has(el.action_id)) problems.push(`${where}: action_id ${el.action_id} repeats in its block`);
  else seen.add(el.action_id);
}

function button(problems: string[], where: string, el: any): void {
  textObject(problems, `${where}.text`, el.text, 75, ['plain_text']);
  if (el.value !== undefined && len(el.value) > 2000) problems.push(`${where}.value: ${len(el.value)} chars, max 2000`);
  if (el.url !== undefined && len(el.url) > 3000) problems.push(`${where}.url: too long`);
  if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') problems.push(`${where}.style: ${el.style}`);
}

function inputElement(problems: string[], where: string, el: any): void {
  if (el.placeholder !== undefined) textObject(problems, `${where}.placeholder`, el.placeholder, 150, ['plain_text']);
  switch (el.type) {
    case 'plain_text_input': {
      const max = el.max_length ?? 3000;
      if (typeof max !== 'number' || max < 1 || max > 3000) problems.push(`${where}.max_length: ${max}, max 3000`);
      if (el.min_length !== undefined && (el.min_length < 0 || el.min_length > max)) problems.push(`${where}.min_length: ${el.min_length}`);
      if (el.initial_value !== undefined && len(el.initial_value) > max) problems.push(`${where}.initial_value: longer than max_length`);
      break;
    }
    case 'static_select': {
      const values = options(problems, where, el.options);
      if (el.initial_option && !values.has(el.initial_option.value)) problems.push(`${where}.initial_option: not among the options`);
      break;
    }
    case 'multi_static_select': {
      const values = options(problems, where, el.options);
      for (const o of el.initial_options ?? []) if (!values.has(o.value)) problems.push(`${where}.initial_options: ${o.value} not among the options`);
      if (el.initial_options !== undefined && el.initial_options.length === 0) problems.push(`${where}.initial_options: empty array`);
      break;
    }
    case 'datepicker':
      if (el.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(el.initial_date)) problems.push(`${where}.initial_date: ${el.initial_date}`);
      break;
    case 'number_input': {
      if (typeof el.is_decimal_allowed !== 'boolean') problems.push(`${where}: is_decimal_allowed is required`);
      const num = (k: string) => (el[k] === undefined ? undefined : Number(el[k]));
      for (const k of ['min_value', 'max_value', 'initial_value']) {
        if (el[k] !== undefined && (typeof el[k] !== 'string' || Number.isNaN(num(k)))) problems.push(`${where}.${k}: not a number string`);
      }
      const [min, max, initial] = [num('min_value'), num('max_value'), num('initial_value')];
      if (min !== undefined && max !== undefined && min > max) problems.push(`${where}: min_value > max_value`);
      if (initial !== undefined && ((min !== undefined && initial < min) || (max !== undefined && initial > max))) problems.push(`${where}.initial_value: out of range`);
      break;
    }
    default:
      problems.push(`${where}: element type ${el.type} not checked by this helper`);
  }
}

function block(problems: string[], where: string, b: any, surface: Surface): void {
  switch (b.type) {
    case 'header':
      textObject(problems, `${where}.text`, b.text, 150, ['plain_text']);
      break;
    case 'section':
      if (b.text === undefined && b.fields === undefined) problems.push(`${where}: section without text or fields`);
      if (b.text !== undefined) textObject(problems, `${where}.text`, b.text, 3000);
      if (b.fields !== undefined) {
        if (!Array.isArray(b.fields) || b.fields.length === 0) problems.push(`${where}.fields: empty`);
        else if (b.fields.length > 10) problems.push(`${where}.fields: ${b.fields.length}, max 10`);
        (b.fields ?? []).forEach((f: any, i: number) => textObject(problems, `${where}.fields[${i}]`, f, 2000));
      }
      break;
    case 'context':
      if (!Array.isArray(b.elements) || b.elements.length === 0) problems.push(`${where}.elements: empty`);
      else if (b.elements.length > 10) problems.push(`${where}.elements: ${b.elements.length}, max 10`);
      (b.elements ?? []).forEach((e: any, i: number) => textObject(problems, `${where}.elements[${i}]`, e, 3000));
      break;
    case 'actions': {
      if (!Array.isArray(b.elements) || b.elements.length === 0) problems.push(`${where}.elements: empty`);
      else if (b.elements.length > 25) problems.push(`${where}.elements: ${b.elements.length}, max 25`);
      const seen = new Set<string>();
      (b.elements ?? []).forEach((e: any, i: number) => {
        actionId(problems, `${where}.elements[${i}]`, e, seen);
        if (e.type === 'button') button(problems, `${where}.elements[${i}]`, e);
        else problems.push(`${where}.elements[${i}]: element type ${e.type} not checked by this helper`);
      });
      break;
    }
    case 'input':
      if (surface === 'message') problems.push(`${where}: input blocks belong in modals or the home tab`);
      textObject(problems, `${where}.label`, b.label, 2000, ['plain_text']);
      if (b.hint !== undefined) textObject(problems, `${where}.hint`, b.hint, 2000, ['plain_text']);
      if (!b.element) problems.push(`${where}: input without element`);
      else {
        actionId(problems, `${where}.element`, b.element, new Set());
        inputElement(problems, `${where}.element`, b.element);
      }
      break;
    case 'divider':
      break;
    default:
      problems.push(`${where}: block type ${b.type} not checked by this helper`);
  }
}

/** What a payload (`{blocks}` of a message, or a modal / home view) breaks. */
export function blockKitProblems(payload: any, surface: Surface): string[] {
  const problems: string[] = [];
  const blocks: any[] = payload?.blocks;
  if (!Array.isArray(blocks)) return ['no blocks array'];
  if (blocks.length > MAX_BLOCKS[surface]) problems.push(`${blocks.length} blocks, max ${MAX_BLOCKS[surface]} in a ${surface}`);
  if (surface !== 'message' && payload.type !== surface) problems.push(`view type ${payload.type}, expected ${surface}`);
  if (surface === 'modal') {
    textObject(problems, 'title', payload.title, 24, ['plain_text']);
    if (payload.close !== undefined) textObject(problems, 'close', payload.close, 24, ['plain_text']);
    if (payload.submit !== undefined) textObject(problems, 'submit', payload.submit, 24, ['plain_text']);
    if (blocks.some((b) => b.type === 'input') && payload.submit === undefined) problems.push('modal with inputs needs a submit button');
  }
  if (surface !== 'message') {
    if (payload.private_metadata !== undefined && len(payload.private_metadata) > 3000) problems.push('private_metadata: over 3000 chars');
    if (payload.callback_id !== undefined && len(payload.callback_id) > 255) problems.push('callback_id: over 255 chars');
  }
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const where = `blocks[${i}](${b?.type})`;
    if (b.block_id !== undefined) {
      if (len(b.block_id) > 255) problems.push(`${where}.block_id: too long`);
      if (blockIds.has(b.block_id)) problems.push(`${where}: block_id ${b.block_id} repeats`);
      blockIds.add(b.block_id);
    }
    block(problems, where, b, surface);
  });
  return problems;
}

export function assertBlockKit(payload: any, surface: Surface): void {
  expect(blockKitProblems(payload, surface)).toEqual([]);
}
