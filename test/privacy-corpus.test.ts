import { afterAll, describe, expect, it } from 'vitest';
import { scanForIdentifiers, type PrivacyFindingKind } from '../core/privacy.js';
import { CORPUS_NOW, shouldPass, shouldRefuse } from './fixtures/privacy-corpus.js';

/** The distinct kinds found in a text, sorted, for set comparison. */
function kindsOf(text: string): PrivacyFindingKind[] {
  return [...new Set(scanForIdentifiers(text, CORPUS_NOW).map((f) => f.kind))].sort();
}

const tally = { clean: 0, refused: 0, exact: 0 };

describe('privacy corpus', () => {
  it('has a corpus of meaningful size', () => {
    expect(shouldPass.length).toBeGreaterThanOrEqual(80);
    expect(shouldRefuse.length).toBeGreaterThanOrEqual(80);
  });

  describe('texts without identifying data pass', () => {
    it.each(shouldPass.map((text, i) => [i, text] as const))('pass #%i: %s', (_i, text) => {
      const findings = scanForIdentifiers(text, CORPUS_NOW);
      if (findings.length === 0) tally.clean += 1;
      expect(findings).toEqual([]);
    });
  });

  describe('texts with identifying data are refused with exactly the expected kinds', () => {
    it.each(shouldRefuse.map((c, i) => [i, c.text, c.kinds] as const))('refuse #%i: %s', (_i, text, kinds) => {
      const found = kindsOf(text);
      if (found.length > 0) tally.refused += 1;
      const expected = [...new Set(kinds)].sort();
      if (JSON.stringify(found) === JSON.stringify(expected)) tally.exact += 1;
      expect(found).toEqual(expected);
    });
  });

  afterAll(() => {
    console.log(
      `privacy corpus: ${tally.clean}/${shouldPass.length} passed clean, ` +
        `${tally.refused}/${shouldRefuse.length} refused (kinds exact ${tally.exact}/${shouldRefuse.length})`,
    );
  });
});
