/**
 * Child process for the store tests: reports stuck cases through the real
 * use-case and the real file store, one transaction each.
 *
 *   node --import tsx test/helpers/store-writer.ts <dataDir> <tag> <count>
 *
 * After each call that returned successfully it prints `ok <caseCode> <tag>-<i>`
 * on stdout, so the parent knows which changes were acknowledged. `count` 0
 * means: keep going until killed (bounded at 100 000).
 */
import type { Context } from '../../core/context.js';
import { systemClock } from '../../core/dates.js';
import { reportCase } from '../../core/usecases/cases.js';
import { FileStore } from '../../data/file-store.js';

const [dir, tag, countArg] = process.argv.slice(2);
if (!dir || !tag || countArg === undefined) {
  process.stderr.write('usage: store-writer <dataDir> <tag> <count>\n');
  process.exit(2);
}
const count = Number(countArg) || 100_000;

const ctx: Context = {
  actor: { personId: 'P-0001' },
  channel: 'cli',
  clock: systemClock,
  store: new FileStore({ dir, createIfMissing: false }),
};

for (let i = 0; i < count; i++) {
  const marker = `${tag}-${i}`;
  const created = await reportCase(ctx, {
    regionCode: 'HGL',
    theme: 'housing',
    bottleneckIds: ['KP-02'],
    sketch: `Testmelding ${marker}: geen passende woonplek na ontslag uit de kliniek.`,
    stepsTried: ['caseTable'],
    helpAsked: ['advice'],
  });
  process.stdout.write(`ok ${created.code} ${marker}\n`);
}
