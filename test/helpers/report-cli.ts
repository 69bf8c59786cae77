/**
 * For the `lla rapport` end-to-end tests: one case (with two signals) by the
 * project lead of HGL and one loose signal by the project lead of UTR, today,
 * through the core, in a store made by `seededDataDir()`.
 */
export async function seedReportCaseAndSignal(dir: string): Promise<void> {
  const { FileStore } = await import('../../data/file-store.js');
  const { systemClock } = await import('../../core/dates.js');
  const { reportCase } = await import('../../core/usecases/cases.js');
  const { reportSignal } = await import('../../core/usecases/signals.js');
  const store = new FileStore({ dir });
  const piet = { actor: { personId: 'P-0003' }, channel: 'cli' as const, clock: systemClock, store };
  await reportCase(piet, {
    theme: 'housing',
    bottleneckIds: ['KP-02', 'KP-09'],
    sketch: 'Cliënt komt binnenkort vrij uit detentie; geen Wlz-indicatie en geen woonplek beschikbaar.',
    stepsTried: ['caseTable', 'regionalEscalation'],
    helpAsked: ['nationalEscalation'],
  });
  await reportSignal({ ...piet, actor: { personId: 'P-0005' } }, { bottleneckId: 'KP-09' });
}
