// Issue #13 through the study pipeline: a `competing` endpoint (recurrence, death without recurrence
// as the competing event) on examples/deng2025/cohort.csv, its `cif` and `fineGray` analyses in the
// results bundle against R (test/reference/competing/pipeline.R: cmprsk::cuminc/crr and coxph on
// the same rows coded by hand), the Kaplan–Meier warning, the report's blocks, and the spec errors.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { buildReport } from '../../src/report/build/buildReport.js';
import type { CifAnalysisResult } from '../../src/analysis/cifAnalysis.js';
import type { FineGrayAnalysisResult } from '../../src/analysis/fineGrayAnalysis.js';
import type { KmAnalysisResult } from '../../src/analysis/kmAnalysis.js';
import { SiilabError } from '../../src/errors.js';

const ref = JSON.parse(readFileSync('test/reference/competing/pipeline_reference.json', 'utf8'));
const COHORT = resolve('examples', 'deng2025', 'cohort.csv');

const spec = (endpoints: string, analyses: string) => `version: 1
title: competing risks on the deng2025 example cohort
sources: [{ file: ${JSON.stringify(COHORT)} }]
variables:
  patientId: id
  recurrence: recurrence_event
  death: os_event
  tumourThrombus: { column: thrombus, type: category, valueLabels: { 0: absent, 1: present } }
covariates:
  sii: { column: sii }
  recurrenceTime: { column: recurrence_time, unit: months }
  osTime: { column: os_time, unit: months }
endpoints:
${endpoints}
cutoffs:
  sii: { value: 400 }
analyses:
${analyses}
`;

const ENDPOINTS = `  recurrence: { type: survival, events: [recurrence], time: recurrenceTime }
  recurrenceCr: { type: competing, label: Recurrence, events: [recurrence], competing: [death], time: recurrenceTime, competingTime: osTime }`;

async function run(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-cr-'));
  const f = join(dir, 'study.yaml');
  writeFileSync(f, text);
  return analyzeStudy(f);
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
let compared = 0;
function close(a: number | null | undefined, b: number, tol: number, what: string) {
  expect(a, what).not.toBeNull();
  expect(rel(a as number, b), `${what}: siilab ${a}, R ${b}`).toBeLessThanOrEqual(tol);
  compared++;
}

describe('competing endpoint: spec → bundle → report', () => {
  it('cif and fineGray equal cmprsk (cuminc, crr) and coxph on the same rows', async () => {
    const { bundle } = await run(
      spec(ENDPOINTS, `  km: [{ endpoint: recurrence, by: [sii] }]
  cif: [{ endpoint: recurrenceCr, by: [sii], times: [12, 24, 36] }]
  fineGray: [{ endpoint: recurrenceCr, covariates: [tumourThrombus, sii] }]`),
    );
    const cif = bundle.analyses.find((a) => (a as { kind: string }).kind === 'cif') as unknown as CifAnalysisResult;
    expect(cif.cif.n).toBe(ref.n);
    expect(cif.causes.map((c) => c.label)).toEqual(['Recurrence', 'Death without recurrence']);
    expect(cif.groups).toEqual(['sii < 400', 'sii ≥ 400']);
    for (const r of ref.cif) {
      const [g, cause] = r.name.split(' ');
      const curve = cif.cif.curves.find((c) => c.group === (g === 'high' ? 'sii ≥ 400' : 'sii < 400') && c.cause === Number(cause))!;
      expect(curve, r.name).toBeDefined();
      [12, 24, 36].forEach((t, k) => {
        if (r.est[k] === 'NA') {
          // beyond the group's follow-up: R gives NA; siilab keeps the last value and the report prints —
          expect(t).toBeGreaterThan(cif.cif.maxTime[cif.groups.indexOf(curve.group)]);
          return;
        }
        const at = curve.at.find((x) => x.time === t)!;
        close(at.cif, r.est[k], 1e-6, `CIF ${r.name} at ${t}`);
        close(at.variance, r.var[k], 1e-6, `variance ${r.name} at ${t}`);
      });
    }
    for (const g of ref.gray) {
      const mine = cif.cif.gray.find((x) => x.cause === g.cause)!;
      close(mine.chisq, g.stat, 1e-6, `Gray's χ² cause ${g.cause}`);
      close(mine.p, g.pv, 1e-6, `Gray's P cause ${g.cause}`);
      expect(mine.df).toBe(g.df);
    }

    const fg = bundle.analyses.find((a) => (a as { kind: string }).kind === 'fineGray') as unknown as FineGrayAnalysisResult;
    expect(fg.fineGray!.n).toBe(ref.n);
    expect([fg.fineGray!.events, fg.fineGray!.competing]).toEqual([ref.events, ref.competing]);
    fg.fineGray!.coefficients.forEach((c, k) => {
      close(c.coef, ref.fineGray.coef[k], 1e-5, `crr coef ${c.term}`);
      close(c.se, ref.fineGray.se[k], 1e-5, `crr SE ${c.term}`);
      close(c.p, ref.fineGray.p[k], 1e-4, `crr P ${c.term}`);
    });
    close(fg.fineGray!.loglik.model, ref.fineGray.loglik, 1e-6, 'crr loglik');
    expect(fg.fineGray!.coefficients.map((c) => c.term)).toEqual(['tumour thrombus: present vs absent', 'sii ≥ 400']);
    for (const cs of ref.causeSpecific) {
      const mine = fg.causeSpecific.find((x) => x.cause === cs.cause)!.result!;
      mine.coefficients.forEach((c, k) => {
        close(c.coef, cs.coef[k], 1e-6, `cause-specific ${cs.cause} coef ${c.term}`);
        close(c.se, cs.se[k], 1e-6, `cause-specific ${cs.cause} SE ${c.term}`);
        close(c.p, cs.p[k], 1e-4, `cause-specific ${cs.cause} P ${c.term}`);
      });
    }
    expect(compared).toBe(39); // CIF and variance where R has them, Gray χ² and P per cause, crr coef/SE/P and loglik, cause-specific coef/SE/P

    // Kaplan–Meier of recurrence censors the 29 deaths without recurrence: said in its warnings and the bundle's
    const km = bundle.analyses.find((a) => (a as { kind: string }).kind === 'km') as unknown as KmAnalysisResult;
    expect(km.deathsWithoutEvent).toBe(ref.competing);
    expect(km.warnings.join(' ')).toMatch(new RegExp(`${ref.competing}`));
    expect(bundle.warnings.some((w) => /Kaplan|censor/i.test(w) && w.includes(String(ref.competing)))).toBe(true);

    // the report: CIF table and a figure per cause, the Fine–Gray table beside the cause-specific models, forest, methods
    const doc = buildReport(bundle);
    const blocks = doc.sections.flatMap((s) => s.blocks);
    const tables = blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    const figures = blocks.flatMap((b) => (b.kind === 'figure' ? [b.figure] : []));
    const cifTable = tables.find((t) => t.id === 'table-cif-1')!;
    expect(cifTable.columns.map((c) => c.label)).toEqual(['Cause / group', 'n', 'Events', '1-year cumulative incidence, % (95% CI)', '2-year cumulative incidence, % (95% CI)', '3-year cumulative incidence, % (95% CI)']);
    const lowRec = cifTable.rows.find((r) => r.cells[0] === 'sii < 400')!;
    expect(lowRec.cells[3]).toMatch(new RegExp(`^${(100 * ref.cif.find((r: any) => r.name === 'low 1').est[0]).toFixed(1)} \\(`));
    expect(cifTable.rows.filter((r) => r.section).map((r) => r.cells[0])).toEqual([
      expect.stringMatching(/^Recurrence \(Gray's test χ² = [\d.]+, P/),
      expect.stringMatching(/^Death without recurrence \(Gray's test/),
    ]);
    expect(cifTable.rows.some((r) => r.cells.slice(3).includes('—'))).toBe(true); // 36 months beyond a group's follow-up
    expect(figures.map((f) => f.id)).toEqual(expect.arrayContaining(['figure-cif-1-cause-1', 'figure-cif-1-cause-2', 'figure-fine-gray-1']));
    const cifFig = figures.find((f) => f.id === 'figure-cif-1-cause-1')!;
    expect(cifFig.svg).toContain('Number at risk');
    expect(cifFig.svg).toContain("Gray's test");
    const fgTable = tables.find((t) => t.id === 'table-fine-gray-1')!;
    expect(fgTable.headerGroups!.map((h) => h.label)).toEqual(['', 'Fine–Gray: recurrence', 'Cause-specific Cox: recurrence', 'Cause-specific Cox: death without recurrence']);
    expect(fgTable.footnotes.join(' ')).toMatch(/predict who will have recurrence/);
    expect(fgTable.footnotes.join(' ')).toMatch(/acts on recurrence itself/);
    const methods = doc.sections.find((s) => s.id === 'methods')!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ');
    expect(methods).toMatch(/Aalen–Johansen/);
    expect(methods).toMatch(/Gray, 1988/);
    expect(methods).toMatch(/Fine & Gray, 1999/);
    expect(methods).toMatch(/cause-specific Cox/);
    expect(methods).toMatch(/those deaths were censored/);
    const summary = doc.sections.find((s) => s.id === 'summary')!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ');
    expect(summary).toMatch(/cumulative incidence of recurrence at 24 months was [\d.]+% with sii < 400/);
    expect(summary).toMatch(/Fine–Gray model/);
  });

  it('refuses, naming the spec field: cif on a survival endpoint, a competing endpoint of unknown variables, a cause without events', async () => {
    const fail = async (text: string) => {
      try {
        await run(text);
      } catch (e) {
        expect(e).toBeInstanceOf(SiilabError);
        return e as SiilabError;
      }
      throw new Error('expected a refusal');
    };
    const e1 = await fail(spec(ENDPOINTS, '  cif: [{ endpoint: recurrence }]'));
    expect(e1.message).toMatch(/analyses\.cif/);
    expect(e1.message).toMatch(/competing/);
    const e2 = await fail(spec(`${ENDPOINTS}\n  bad: { type: competing, events: [recurrence], competing: [deceased], time: recurrenceTime }`, '  cif: [{ endpoint: bad }]'));
    expect(e2.message).toMatch(/endpoints\.bad/);
    expect(e2.message).toMatch(/deceased/);
    const e3 = await fail(spec(`${ENDPOINTS}\n  never: { type: competing, events: [recurrence], competing: [death], time: recurrenceTime, horizon: { value: 0.001, unit: months } }`, '  fineGray: [{ endpoint: never, covariates: [sii] }]'));
    expect(e3.kind).toBe('analysis');
    expect(e3.message).toMatch(/^analyses\.fineGray \(fine-gray-1\): endpoint 'never' has no event of interest and no competing event among its 186 patient/);
    expect(e3.message).not.toMatch(/NaN|Infinity|--status|\.js/);
  });
});
