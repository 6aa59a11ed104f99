/**
 * The audit on the three built-in seed papers: every check runs on at least one of them, and what
 * it finds in each paper (errors, warnings) is pinned so that a change in a check or in an encoding
 * is noticed.
 */
import { describe, expect, it } from 'vitest';
import { auditPaper, auditPapers } from '../../src/audit/auditPaper.js';
import { CHECKS } from '../../src/audit/checks/index.js';
import { BUILTIN_PAPERS, builtinPaper } from '../../src/audit/loadPaper.js';

const results = Object.fromEntries(BUILTIN_PAPERS.map((id) => [id, auditPaper(builtinPaper(id))]));
const keyOf = (f: { severity: string; check: string; location: string }) => `${f.severity} ${f.check} @ ${f.location}`;
const issues = (id: string) => results[id].findings.filter((f) => f.severity !== 'info').map(keyOf);

describe('audit of the seed papers', () => {
  it('every check evaluates at least one printed item across the three papers', () => {
    for (const c of CHECKS) {
      const n = BUILTIN_PAPERS.reduce((a, id) => a + results[id].checks.find((s) => s.check === c.id)!.evaluated, 0);
      expect(n, c.id).toBeGreaterThan(0);
    }
  });

  it('deng2025: SEs too small for 0/1 covariates with 110 events, swapped sensitivity/specificity, contradictory SII cutoffs, OR from a Cox model, AUC P "0.001", last-digit slips', () => {
    expect(issues('deng2025').sort()).toEqual(
      [
        'error cutoff-consistency @ Table 5 › SII; Table 3 › X5 SII index',
        'error se-bound @ Table 4 › Vascular tumor thrombus',
        'error se-bound @ Table 4 › Vascular invasion',
        'error se-bound @ Table 4 › Tumor capsule',
        'warning chi-square @ Table 1 › Gender (%)',
        'warning chi-square @ Table 1 › Hepatitis B',
        'warning p-from-statistic @ Table 1 › Child-Pugh grade',
        'warning auc-p @ Table 5 › SII',
        'warning auc-p @ Table 5 › AFP',
        'warning auc-p @ Table 5 › Combined',
        'warning sens-spec @ Table 5 › SII',
        'warning sens-spec @ Table 5 › AFP',
        'warning sens-spec @ Table 5 › Combined',
        'warning cutoff-consistency @ Table 5 › AFP; Table 3 › X6 AFP levels',
        'warning effect-measure @ Table 4',
        'warning effect-direction @ Table 4 › Tumor capsule',
      ].sort(),
    );
    const swapped = results.deng2025.findings.find((f) => f.check === 'sens-spec')!;
    expect(swapped.recomputed).toContain('69/76');
    expect(swapped.recomputed).toContain('63/110');
  });

  it('yu2023: the logistic intercept cannot give the event rate; odds ratios called relative risk; P = 0.000', () => {
    const cal = results.yu2023.findings.find((f) => f.check === 'calibration')!;
    expect(cal.severity).toBe('error');
    expect(cal.message).toContain('41.2%');
    expect(issues('yu2023').filter((k) => k.startsWith('warning effect-measure'))).toHaveLength(2);
    expect(issues('yu2023').filter((k) => k.startsWith('warning p-zero'))).toHaveLength(6);
    expect(issues('yu2023')).toHaveLength(9);
  });

  it('hong2021: PLR count typo, a percentage typo, Table 1 and Table 3 disagree on Child-Pugh', () => {
    expect(issues('hong2021').sort()).toEqual(
      [
        'error percent-of-count @ Table 3 › PLR',
        'error percent-of-count @ Table 3 › Extrahepatic metastases',
        'error count-sum @ Table 3 › PLR',
        'error group-totals @ Table 1 › Child-Pugh score; Table 3 › Child Pugh score',
        'error group-totals @ Table 1 › Child-Pugh score; Table 3 › Child Pugh score',
        'error chi-square @ Table 3 › PLR',
        'warning p-zero @ Table 3 › NLR',
        'warning p-zero @ Table 3 › PLR',
      ].sort(),
    );
  });

  it('auditPapers lists every finding with its paper, errors first within a paper', () => {
    const r = auditPapers(BUILTIN_PAPERS.map(builtinPaper));
    expect(r.papers.map((p) => p.id)).toEqual([...BUILTIN_PAPERS]);
    expect(r.findings.length).toBe(BUILTIN_PAPERS.reduce((a, id) => a + results[id].findings.length, 0));
    for (const p of r.papers) {
      const order = p.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
    expect(r.findings[0]).toHaveProperty('paper', 'deng2025');
  });
});
