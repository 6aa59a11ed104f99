/**
 * The UCI hepatocellular carcinoma cohort (Santos et al. 2015; ../shared/data/real): a real export
 * whose platelet and leukocyte columns mix 10^9/L and cells/µL, albumin labelled mg/dL but in g/dL,
 * bilirubin in mg/dL. Skips when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL, hasReal } from '../helpers/shared.js';
import { guessUnit } from '../../src/units/guessUnit.js';
import { normalise } from '../../src/units/normalise.js';
import { plausibilityProblem } from '../../src/units/plausibility.js';
import { albi, albiGrade, childPugh } from '../../src/indices/index.js';
import { tableIndices } from '../../src/indices/tableIndices.js';
import type { Table } from '../../src/io/table.js';

describe.skipIf(!hasReal)('UCI HCC cohort (real export with mixed units)', () => {
  const rows = hasReal ? readFileSync(join(REAL, 'uci_hcc_survival.txt'), 'utf8').trim().split('\n').map((l) => l.trim().split(',')) : [];
  const col = (k: number) => rows.map((r) => (r[k - 1] === '?' ? NaN : Number(r[k - 1])));
  // 1-based attribute numbers from uci_hcc_survival_description.txt
  const ENC = 28, ASC = 29, INR = 30, WBC = 34, PLT = 35, ALB = 36, BILI = 37;

  it('guessUnit: albumin (labelled mg/dL) is g/dL, bilirubin mg/dL, platelets mostly cells/µL', () => {
    expect(rows).toHaveLength(165);
    expect(guessUnit('albumin', col(ALB))).toMatchObject({ unit: 'g/dL', median: 3.4 });
    expect(guessUnit('bilirubin', col(BILI))).toMatchObject({ unit: 'mg/dL', median: 1.4 });
    expect(guessUnit('platelets', col(PLT))).toMatchObject({ unit: '/uL', median: 93000 });
    expect(guessUnit('wbc', col(WBC)).unit).toBe('10^9/L');
  });
  it('plausibility separates the platelet values by unit, matching a direct count', () => {
    const v = col(PLT).filter((x) => Number.isFinite(x));
    const flagged = v.filter((x) => plausibilityProblem('platelets', x, '10^9/L') !== null);
    expect(flagged.length).toBe(v.filter((x) => x > 3000).length);
    expect(plausibilityProblem('platelets', 459000, '10^9/L', '--count-unit')).toContain('pass --count-unit /uL, or give 459 10^9/L');
  });
  it('tableIndices warns that the platelet column mixes units', () => {
    const table: Table = { file: 'uci_hcc_survival.txt', sheet: null, columns: rows[0].map((_, k) => `c${k + 1}`), rows };
    // No differential in this cohort: map leukocytes as neutrophils only to exercise the unit checks.
    const r = tableIndices(table, { neutrophils: `c${WBC}`, lymphocytes: `c${WBC}`, platelets: `c${PLT}` }, '10^9/L');
    const w = r.warnings.find((x) => x.startsWith("column 'c35' seems to mix units"));
    expect(w).toBeDefined();
    expect(w).toContain('115 of 162 values fit only cells/µL');
  });
  it('ALBI and Child–Pugh for every complete patient, after normalising the units', () => {
    let n = 0;
    const classes = { A: 0, B: 0, C: 0 };
    for (const r of rows) {
      const [alb, bili, inr, enc, asc] = [ALB, BILI, INR, ENC, ASC].map((k) => (r[k - 1] === '?' ? NaN : Number(r[k - 1])));
      if (![alb, bili, inr, enc, asc].every(Number.isFinite)) continue;
      const a = normalise('albumin', alb, 'g/dL').value;
      const b = normalise('bilirubin', bili, 'mg/dL').value;
      const s = albi(b, a);
      expect(s).toBeCloseTo(0.66 * Math.log10(bili * 17.1) - 0.085 * alb * 10, 10);
      expect([1, 2, 3]).toContain(albiGrade(s));
      const cp = childPugh({ bilirubin: b, albumin: a, inr, ascites: (['none', 'mild', 'moderate-severe'] as const)[asc - 1],
        encephalopathy: (['none', 'grade1-2', 'grade3-4'] as const)[enc - 1] });
      expect(cp.score).toBeGreaterThanOrEqual(5);
      expect(cp.score).toBeLessThanOrEqual(15);
      classes[cp.class]++;
      n++;
    }
    expect(n).toBeGreaterThan(140);
    expect(classes.A + classes.B + classes.C).toBe(n);
    expect(classes.A).toBeGreaterThan(0);
  });
});
