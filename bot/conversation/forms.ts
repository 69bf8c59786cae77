/**
 * The five forms: how each is built (from the person and reference data,
 * read through use-cases), how its values become use-case input, which
 * use-case it runs, and the confirmation after. The generic flow (open,
 * check, submit) is in `form-flow.ts`.
 */
import type { z } from 'zod';
import {
  addProgress,
  CASE_THEMES,
  findTransition,
  formatDate,
  getCase,
  HELP_KINDS,
  helpLabel,
  listBottlenecks,
  listMonitorRounds,
  listRegions,
  listTaskGroups,
  moveCase,
  MoveCaseInput,
  msg,
  ProgressInput,
  REGIONAL_STEPS,
  reportCase,
  ReportCaseInput,
  reportSignal,
  ReportSignalInput,
  CaseStatus,
  stepLabel,
  submitMonitorFigures,
  SubmitFiguresInput,
  themeLabel,
  type Context,
  type Person,
  type Region,
  type StuckCase,
} from '../../core/index.js';
import { convMsg } from '../../core/messages-bot.js';
import { caseFacts, moveTargets, showCaseButton } from './cases.js';
import { choice, choiceField, dateField, enumChoices, numberField, reader, textField, withInitial, yesNoChoices, type Reading } from './fields.js';
import { button, canReport, facts, hasAnyRole, isQuartermaster, me, message, regionNames } from './kit.js';
import { clip, LIMITS } from './limits.js';
import type { Choice, Field, FormId, FormValues, FormView, MessageView, View } from './view.js';

export type FormState = Record<string, string>;
type Input = Record<string, unknown>;

export interface FormSpec {
  /** The use-case's input schema (for the quick check). */
  schema: z.ZodType;
  /** Free-text input keys the privacy guard checks. */
  freeText: readonly string[];
  /** The form, or a message when the person may not use it. Reads through use-cases only. */
  build(ctx: Context, values: FormValues, state: FormState): Promise<View>;
  /** How each use-case input key is read from the submitted values (or the form's state). */
  inputs: Readonly<Record<string, Reading>>;
  /** Run the use-case; resolves to the maker of the confirmation. */
  call(ctx: Context, input: Input): Promise<() => Promise<MessageView>>;
}

function form(formId: FormId, title: string, fields: Field[], values: FormValues, state: FormState, intro?: string): FormView {
  const view: FormView = {
    kind: 'form',
    formId,
    title: clip(title, LIMITS.formTitle),
    fields: withInitial(fields, values),
    submitLabel: convMsg.btnSubmit(),
    cancelLabel: convMsg.btnCancel(),
    state,
  };
  if (intro) view.intro = clip(intro, LIMITS.intro);
  return view;
}

const regionChoices = (regions: Region[]) => regions.map((r) => choice(r.code, `${r.name} (${r.code})`));

/** The region field for the quartermaster (who reports for any region); regional people report for their own. */
function regionField(person: Person, regions: Region[]): Field[] {
  return isQuartermaster(person) ? [choiceField('regionCode', convMsg.fieldRegion(), regionChoices(regions), { required: true })] : [];
}

const ownRegionName = (person: Person, regions: Region[]) =>
  isQuartermaster(person) ? undefined : regions.find((r) => r.code === person.regionCode)?.name;

type ReportingSetup = { kind: 'setup'; person: Person; regions: Region[]; bottleneckChoices: Choice[] };

/** Who reports, for which regions, about which bottlenecks; a refusal for those who do not report. */
async function reportingSetup(ctx: Context): Promise<ReportingSetup | MessageView> {
  const person = await me(ctx);
  if (!canReport(person)) return message('warning', [convMsg.reportNotForRole()], { title: convMsg.notAllowedTitle() });
  const [regions, bottlenecks] = await Promise.all([listRegions(ctx), listBottlenecks(ctx)]);
  const bottleneckChoices = bottlenecks.map((b) => choice(b.id, `${b.id} — ${b.title}`));
  return { kind: 'setup', person, regions, bottleneckChoices };
}

const REPORTING_TEXTS = {
  reportCase: { title: convMsg.formReportCaseTitle, intro: convMsg.formReportCaseIntro },
  reportSignal: { title: convMsg.formReportSignalTitle, intro: convMsg.formReportSignalIntro },
} as const;

/** A report form: the region field for the quartermaster (regional people see their region in the intro), then the form's own fields. */
async function reportingForm(
  ctx: Context,
  formId: keyof typeof REPORTING_TEXTS,
  values: FormValues,
  state: FormState,
  own: (setup: ReportingSetup) => Field[],
): Promise<View> {
  const setup = await reportingSetup(ctx);
  if (setup.kind !== 'setup') return setup;
  const texts = REPORTING_TEXTS[formId];
  const fields = [...regionField(setup.person, setup.regions), ...own(setup)];
  return form(formId, texts.title(), fields, values, state, texts.intro(ownRegionName(setup.person, setup.regions)));
}

async function regionName(ctx: Context, code: string): Promise<string> {
  try {
    return (await regionNames(ctx)).get(code) ?? code;
  } catch {
    return code;
  }
}

/** A saved change to a case: what happened, the case's facts, and where to go next. */
async function caseConfirmation(ctx: Context, c: StuckCase, title: string, text: string[]): Promise<MessageView> {
  return message('success', text, {
    title,
    facts: caseFacts(c, await regionName(ctx, c.regionCode)),
    buttons: [showCaseButton(c.code), button(convMsg.btnMyCases(), 'cases.mine')],
  });
}

const reportCaseSpec: FormSpec = {
  schema: ReportCaseInput,
  freeText: ['sketch', 'stepsNote'],
  build: (ctx, values, state) =>
    reportingForm(ctx, 'reportCase', values, state, ({ bottleneckChoices }) => [
      choiceField('theme', convMsg.fieldTheme(), enumChoices(CASE_THEMES, themeLabel), { required: true }),
      choiceField('bottleneckIds', convMsg.fieldBottlenecks(), bottleneckChoices, { multiple: true, hint: convMsg.hintBottlenecks() }),
      textField('sketch', convMsg.fieldSketch(), 4000, {
        required: true,
        multiline: true,
        hint: convMsg.hintSketch(),
        placeholder: convMsg.placeholderSketch(),
      }),
      choiceField('stepsTried', convMsg.fieldStepsTried(), enumChoices(REGIONAL_STEPS, stepLabel), {
        required: true,
        multiple: true,
        hint: convMsg.hintStepsTried(),
      }),
      textField('stepsNote', convMsg.fieldStepsNote(), 2000, { multiline: true, hint: convMsg.hintNoPersonalData() }),
      dateField('homelessOn', convMsg.fieldHomelessOn(), { hint: convMsg.hintHomelessOn() }),
      choiceField('helpAsked', convMsg.fieldHelpAsked(), enumChoices(HELP_KINDS, helpLabel), { required: true, multiple: true }),
    ]),
  inputs: {
    regionCode: 'text',
    theme: 'text',
    bottleneckIds: 'list',
    sketch: 'text',
    stepsTried: 'list',
    stepsNote: 'text',
    homelessOn: 'text',
    helpAsked: 'list',
  },
  async call(ctx, input) {
    const c = await reportCase(ctx, input as ReportCaseInput);
    return () => caseConfirmation(ctx, c, convMsg.caseReportedTitle(c.code), [convMsg.caseReportedCode(c.code), convMsg.caseReportedNext()]);
  },
};

const reportSignalSpec: FormSpec = {
  schema: ReportSignalInput,
  freeText: ['note'],
  build: (ctx, values, state) =>
    reportingForm(ctx, 'reportSignal', values, state, ({ bottleneckChoices }) => [
      choiceField('bottleneckId', convMsg.fieldBottleneck(), bottleneckChoices, { required: true }),
      textField('note', convMsg.fieldSignalNote(), 2000, { multiline: true, hint: convMsg.hintNoPersonalData() }),
    ]),
  inputs: { regionCode: 'text', bottleneckId: 'text', note: 'text' },
  async call(ctx, input) {
    const s = await reportSignal(ctx, input as ReportSignalInput);
    return async () =>
      message('success', [convMsg.signalReported(s.bottleneckId, await regionName(ctx, s.regionCode)), convMsg.signalCounts()], {
        title: convMsg.signalReportedTitle(),
        buttons: [button(convMsg.btnReportSignal(), 'form.open', 'reportSignal')],
      });
  },
};

/** The confirmation of a move, also used when a case button moves a case directly. */
export function movedView(ctx: Context, c: StuckCase, person: Person): Promise<MessageView> {
  const last = c.history[c.history.length - 1];
  const text = [last?.from ? convMsg.caseMoved(c.code, last.from, c.status) : msg.caseStatusChanged(c.code, c.status)];
  if (c.reporterId !== person.id) text.push(convMsg.caseMovedReporterHears());
  return caseConfirmation(ctx, c, convMsg.caseTitle(c.code), text);
}

const moveCaseSpec: FormSpec = {
  schema: MoveCaseInput,
  freeText: ['reason', 'problemOwner', 'outcome', 'lesson'],
  async build(ctx, values, state) {
    const person = await me(ctx);
    const to = CaseStatus.safeParse(state.to);
    if (!state.caseCode || !to.success) return message('warning', [convMsg.formGone()]);
    const c = await getCase(ctx, state.caseCode);
    const rule = findTransition(c.status, to.data);
    if (!rule) return message('warning', [c.status === to.data ? msg.transitionSame(c.status) : msg.transitionNotAllowed(c.status, to.data)]);
    if (!moveTargets(person, c).includes(to.data)) return message('warning', [msg.forbidden(msg.moveCaseAction())]);
    const fields: Field[] = [
      textField('reason', convMsg.fieldReason(), 2000, { required: rule.needsReason, multiline: true, hint: convMsg.hintReason() }),
    ];
    if (rule.needsProblemOwner) {
      fields.push(textField('problemOwner', convMsg.fieldProblemOwner(), 120, { required: !c.problemOwner, hint: convMsg.hintProblemOwner() }));
    }
    if (rule.needsOutcome) {
      fields.push(
        textField('outcome', convMsg.fieldOutcome(), 4000, { required: true, multiline: true, hint: convMsg.hintNoPersonalData() }),
        textField('lesson', convMsg.fieldLesson(), 4000, { multiline: true, hint: convMsg.hintNoPersonalData() }),
      );
    }
    const initial = c.problemOwner && values.problemOwner === undefined ? { ...values, problemOwner: c.problemOwner } : values;
    return form('moveCase', convMsg.formMoveTitle(), fields, initial, { caseCode: c.code, to: to.data, from: c.status }, convMsg.formMoveIntro(c.code, c.status, to.data));
  },
  inputs: { caseCode: 'state', to: 'state', reason: 'text', problemOwner: 'text', outcome: 'text', lesson: 'text' },
  async call(ctx, input) {
    const c = await moveCase(ctx, input as MoveCaseInput);
    return async () => movedView(ctx, c, await me(ctx));
  },
};

const progressSpec: FormSpec = {
  schema: ProgressInput,
  freeText: ['text'],
  async build(ctx, values, state) {
    const person = await me(ctx);
    const groups = (await listTaskGroups(ctx)).filter((g) => g.firstContactId === person.id || isQuartermaster(person));
    const wanted = state.taskGroupId ?? reader(values).text('taskGroupId');
    if (wanted && !groups.some((g) => g.id === wanted.toUpperCase())) {
      return message('warning', [msg.onlyFirstContactReports()], { title: convMsg.notAllowedTitle() });
    }
    if (groups.length === 0) return message('info', [convMsg.noTaskGroups()]);
    const text = textField('text', convMsg.fieldProgressText(), 4000, { required: true, multiline: true, hint: convMsg.hintProgressText() });
    const single = wanted ? groups.find((g) => g.id === wanted.toUpperCase()) : groups.length === 1 ? groups[0] : undefined;
    if (single) {
      return form('progress', convMsg.formProgressTitle(), [text], values, { taskGroupId: single.id }, convMsg.formProgressIntro(single.name));
    }
    const choices = groups.map((g) => choice(g.id, `${g.name} (${g.id})`));
    return form('progress', convMsg.formProgressTitle(), [choiceField('taskGroupId', convMsg.fieldTaskGroup(), choices, { required: true }), text], values, {}, convMsg.formProgressIntro());
  },
  inputs: { taskGroupId: 'state', text: 'text' },
  async call(ctx, input) {
    const tg = await addProgress(ctx, input as z.input<typeof ProgressInput>);
    return async () =>
      message('success', [convMsg.progressSaved(tg.name)], {
        title: convMsg.progressSavedTitle(),
        facts: facts([convMsg.factTaskGroup(), `${tg.name} (${tg.id})`], [convMsg.factDeadline(), tg.deadline && formatDate(tg.deadline)]),
      });
  },
};

const monitorSpec: FormSpec = {
  schema: SubmitFiguresInput,
  freeText: [],
  async build(ctx, values, state) {
    const person = await me(ctx);
    if (!hasAnyRole(person, 'quartermaster', 'projectLead')) {
      return message('warning', [convMsg.monitorNotForRole()], { title: convMsg.notAllowedTitle() });
    }
    const [rounds, regions] = await Promise.all([listMonitorRounds(ctx), listRegions(ctx)]);
    const round = rounds.filter((r) => r.status === 'open').sort((a, b) => b.period.localeCompare(a.period))[0];
    if (!round) return message('info', [convMsg.noOpenRound()]);
    const quartermaster = isQuartermaster(person);
    const region = quartermaster ? undefined : regions.find((r) => r.code === person.regionCode);
    const previous = region && round.submissions.find((s) => s.regionCode === region.code);
    const initial: FormValues = { ...values };
    if (previous && Object.keys(values).length === 0) {
      Object.assign(initial, {
        includedClients: String(previous.includedClients),
        newInclusions: String(previous.newInclusions),
        outflow: String(previous.outflow),
      });
    }
    if (initial.started === undefined && (previous || region)) initial.started = (previous?.started ?? region?.started) ? 'yes' : 'no';
    const fields: Field[] = [
      ...regionField(person, regions),
      numberField('includedClients', convMsg.fieldIncludedClients(), 0, 10_000, { required: true }),
      numberField('newInclusions', convMsg.fieldNewInclusions(), 0, 10_000, { required: true }),
      numberField('outflow', convMsg.fieldOutflow(), 0, 10_000, { required: true }),
      choiceField('started', convMsg.fieldStarted(), yesNoChoices(), { required: true }),
    ];
    let intro = convMsg.formMonitorIntro(round.period, region?.name, round.closesOn);
    if (previous) intro += ` ${convMsg.formMonitorResubmit(previous.submittedAt)}`;
    return form('monitor', convMsg.formMonitorTitle(round.period), fields, initial, { ...state, period: round.period }, intro);
  },
  inputs: { period: 'state', regionCode: 'text', includedClients: 'number', newInclusions: 'number', outflow: 'number', started: 'yesNo' },
  async call(ctx, input) {
    const s = await submitMonitorFigures(ctx, input as SubmitFiguresInput);
    const period = typeof input.period === 'string' ? input.period : '';
    return async () =>
      message('success', [convMsg.monitorSaved(await regionName(ctx, s.regionCode), period)], {
        title: convMsg.monitorSavedTitle(),
        facts: facts(
          [convMsg.fieldIncludedClients(), String(s.includedClients)],
          [convMsg.fieldNewInclusions(), String(s.newInclusions)],
          [convMsg.fieldOutflow(), String(s.outflow)],
          [convMsg.fieldStarted(), s.started ? convMsg.yes() : convMsg.no()],
        ),
      });
  },
};

export const FORMS: Record<FormId, FormSpec> = {
  reportCase: reportCaseSpec,
  reportSignal: reportSignalSpec,
  moveCase: moveCaseSpec,
  progress: progressSpec,
  monitor: monitorSpec,
};
