import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kmSvg } from '../../../src/report/figures/kmSvg.js';
import { rocSvg } from '../../../src/report/figures/rocSvg.js';
import { REAL } from '../../helpers/shared.js';
import { chowellKm, chowellRoc } from './realExamples.js';
import { expectAccessible, expectCleanText, textBoxes } from './svgCheck.js';

const has = existsSync(join(REAL, 'chowell2021_ici_pancancer.csv'));

describe.skipIf(!has)('figures of a real cohort through the engines (Chowell 2021)', () => {
  it('KM with 2 and 4 groups: accessible, clean text, risk table from numberAtRisk', () => {
    for (const four of [false, true]) {
      const d = chowellKm(REAL, four);
      expect(d.groups).toHaveLength(four ? 4 : 2);
      for (const width of ['single', 'double'] as const) {
        const svg = kmSvg(d, { width, ci: !four });
        expectAccessible(svg, d.title);
        expectCleanText(svg);
      }
      // The first risk-table column is each group's n.
      const texts = textBoxes(kmSvg(d)).map((t) => t.text);
      for (const g of d.groups) expect(texts).toContain(String(g.n));
    }
  });

  it('ROC with three markers and thousands of points', () => {
    const d = chowellRoc(REAL);
    const svg = rocSvg(d);
    expectAccessible(svg, d.title);
    expectCleanText(svg);
  });
});
