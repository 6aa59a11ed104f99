/** auc-ci-se, auc-p, sens-spec, youden on hand-made ROC rows (reference values from R 4.2.2). */
import { describe, expect, it } from 'vitest';
import { aucCiSe, maxAucSe } from '../../../src/audit/checks/aucCiSe.js';
import { aucNullPRange, aucP } from '../../../src/audit/checks/aucP.js';
import { fractionsMatching, sensSpec } from '../../../src/audit/checks/sensSpec.js';
import { youden } from '../../../src/audit/checks/youden.js';
import type { RocRow } from '../../../src/audit/types.js';
import { doc, loc, run, sev } from '../helpers.js';

const roc = (r: Partial<RocRow>): RocRow => ({ location: loc, marker: 'M', positive: 'a', negative: 'b', auc: '0.800', ...r });

describe('auc-ci-se', () => {
  // Hanley–McNeil SE of 0.8 with 50 + 50 is 0.0445: CI 0.713–0.887
  const d = (r: Partial<RocRow>) => doc({ roc: [roc(r)] }, 50, 50);
  it('passes an interval that 50 cases and 50 controls allow', () => {
    expect(run(aucCiSe, d({ ci: ['0.713', '0.887'] })).findings).toEqual([]);
    expect(run(aucCiSe, d({ ci: ['0.712', '0.888'], se: '0.045' })).findings).toEqual([]);
  });
  it('too narrow → warning; wider than any data set allows → error; AUC outside its CI → error', () => {
    expect(sev(run(aucCiSe, d({ ci: ['0.750', '0.850'] })).findings)).toEqual(['warning']);
    expect(maxAucSe({ lo: 0.8, hi: 0.8 }, 50, 50)).toBeCloseTo(Math.sqrt(0.16 / 50), 15);
    expect(sev(run(aucCiSe, d({ ci: ['0.600', '1.000'] })).findings)).toEqual(['error']);
    const outside = run(aucCiSe, d({ auc: '0.900', ci: ['0.713', '0.887'] })).findings;
    expect(outside[0].severity).toBe('error');
    expect(outside[0].message).toContain('outside its own confidence interval');
  });
  it('a CI that is not AUC ± 1.96·SE → warning', () => {
    expect(sev(run(aucCiSe, d({ ci: ['0.713', '0.887'], se: '0.030' })).findings)).toContain('warning');
  });
});

describe('auc-p', () => {
  // AUC 0.6, 50 + 50: z = 0.1/√(101/30000) = 1.7234549689, P = 0.0848062818 (R)
  it('null-SE P matches R', () => {
    const r = aucNullPRange({ lo: 0.6, hi: 0.6 }, 50, 50);
    expect(r.lo).toBeCloseTo(0.0848062818, 9);
  });
  const d = (r: Partial<RocRow>) => doc({ roc: [roc(r)] }, 50, 50);
  it('passes, notes a Wald P, warns on "0.001" for a far smaller P, errs otherwise', () => {
    expect(run(aucP, d({ auc: '0.600', p: '0.085' })).findings).toEqual([]);
    // Wald with SE 0.040: P = 0.0124193307 (R)
    expect(sev(run(aucP, d({ auc: '0.600', se: '0.040', p: '0.012' })).findings)).toEqual(['info']);
    expect(sev(run(aucP, d({ auc: '0.900', p: '0.001' })).findings)).toEqual(['warning']);
    expect(sev(run(aucP, d({ auc: '0.600', p: '0.300' })).findings)).toEqual(['error']);
  });
});

describe('sens-spec', () => {
  const d = (s: string, c: string) => doc({ roc: [roc({ sensitivity: s, specificity: c, scale: 'percent' })] }, 110, 76);
  it('fractions of the right groups pass (63/110 = 57.27%, 69/76 = 90.79%)', () => {
    expect(run(sensSpec, d('57.27', '90.79')).findings).toEqual([]);
    expect(fractionsMatching({ lo: 0.90785, hi: 0.90795 }, 76)).toEqual([69]);
  });
  it('fractions of the exchanged groups → warning', () => {
    const r = run(sensSpec, d('90.79', '57.27'));
    expect(sev(r.findings)).toEqual(['warning']);
    expect(r.findings[0].recomputed).toContain('69/76');
  });
  it('a value no whole number of patients gives → error', () => {
    expect(sev(run(sensSpec, d('50.50', '90.79')).findings)).toEqual(['error']);
  });
  it('fractions (0.768 = 86/112)', () => {
    expect(run(sensSpec, doc({ roc: [roc({ sensitivity: '0.768', specificity: '0.675' })] }, 112, 160)).findings).toEqual([]);
  });
});

describe('youden', () => {
  const d = (j: string) => doc({ roc: [roc({ sensitivity: '0.768', specificity: '0.675', youden: j })] });
  it('J = sens + spec − 1 within rounding (0.442–0.444)', () => {
    expect(run(youden, d('0.443')).findings).toEqual([]);
    expect(run(youden, d('0.444')).findings).toEqual([]);
    expect(sev(run(youden, d('0.445')).findings)).toEqual(['warning']);
    expect(sev(run(youden, d('0.450')).findings)).toEqual(['error']);
    expect(run(youden, doc({ roc: [roc({ sensitivity: '90.79', specificity: '57.27', youden: '0.481' })] })).findings).toEqual([]);
  });
});
