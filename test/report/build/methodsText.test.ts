/**
 * The methods paragraph names only what ran: for each example study, for R's lung data and for a
 * spec that runs only Kaplan–Meier, every method the paragraph names has its result in the report.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeStudy } from '../../../src/analysis/analyzeStudy.js';
import { buildReport } from '../../../src/report/build/buildReport.js';
import { methodsText } from '../../../src/report/build/methodsText.js';
import type { ReportDocument } from '../../../src/report/document/reportDocument.js';

/** A method named in the paragraph → where its result must appear in the report (any table title, column, row or footnote). */
const METHODS: readonly { name: RegExp; result: RegExp }[] = [
  { name: /Student's t test/, result: /Student's two-sample t test/ },
  { name: /one-way ANOVA/, result: /one-way ANOVA/ },
  { name: /Welch/, result: /Welch/ },
  { name: /Levene/, result: /Levene/ },
  { name: /Mann–Whitney test|Mann–Whitney U/, result: /Mann–Whitney/ },
  { name: /Fisher's exact/, result: /Fisher's exact P/ },
  { name: /Pearson's χ²/, result: /χ²/ },
  { name: /receiver operating characteristic/, result: /AUC \(95% CI\)/ },
  { name: /combined predicted probability/, result: /Combined \(/ },
  { name: /paired DeLong/, result: /Paired DeLong test|\(paired DeLong\)/ },
  { name: /Cox proportional hazards/, result: /HR \(95% CI\)/ },
  { name: /multivariable model/, result: /Multivariable/ },
  { name: /Grambsch–Therneau/, result: /Grambsch–Therneau test/ },
  { name: /time-varying covariates/, result: /Time-varying Cox model/ },
  { name: /logistic regression, one factor/, result: /OR \(95% CI\)/ },
  { name: /Hosmer–Lemeshow/, result: /Hosmer–Lemeshow goodness of fit: χ²/ },
  { name: /Nagelkerke/, result: /Nagelkerke R² =/ },
  { name: /Kaplan–Meier method/, result: /Median, / },
  { name: /log-rank test(?! for trend)/, result: /Log-rank test: χ²/ },
  { name: /log-rank test for trend/, result: /Log-rank test for trend/ },
  { name: /Lausen–Schumacher/, result: /Corrected P|corrected\)/ },
  { name: /Clopper–Pearson/, result: /ORR, % \(95% CI\)/ },
  { name: /cumulative\/dynamic area under the ROC curve/, result: /AUC at .* \(95% CI\)/ },
  { name: /paired difference of their influence functions/, result: /P, .* vs / },
  { name: /Uno's C truncated/, result: /Uno's C \(SE\)/ },
];

function reportText(doc: ReportDocument, skip: string): string {
  const parts: string[] = [];
  for (const s of doc.sections) {
    if (s.id === skip) continue;
    for (const b of s.blocks) {
      if (b.kind === 'table') parts.push(b.table.title, ...b.table.columns.map((c) => c.label), ...(b.table.headerGroups ?? []).map((g) => g.label), ...b.table.rows.flatMap((r) => r.cells), ...b.table.footnotes);
      if (b.kind === 'figure') parts.push(b.figure.caption);
    }
  }
  return parts.join('\n');
}

async function checkStudy(file: string): Promise<string> {
  const { bundle } = await analyzeStudy(file);
  const doc = buildReport(bundle);
  const methods = methodsText(bundle).join(' ');
  const body = reportText(doc, 'methods');
  for (const m of METHODS) if (m.name.test(methods)) expect({ method: String(m.name), inReport: m.result.test(body) }).toEqual({ method: String(m.name), inReport: true });
  return methods;
}

describe('methods paragraph', () => {
  for (const ex of ['deng2025', 'yu2023', 'hong2021'])
    it(`names only methods whose results are in the ${ex} example's report`, async () => {
      const methods = await checkStudy(resolve('examples', ex, 'study.yaml'));
      expect(methods).toMatch(/SII = platelets × neutrophils \/ lymphocytes/);
    });

  it('for a spec that runs only Kaplan–Meier, names Kaplan–Meier and nothing else, with the time origin and censoring', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-methods-'));
    writeFileSync(
      join(dir, 'study.yaml'),
      `version: 1\nsources: [{ file: ${resolve('test/reference/survival/cox_lung.csv')} }]\nvariables:\n  followUpTime: { column: time, unit: days }\n  death: { column: status, positive: 2 }\ncovariates:\n  male: sex\nendpoints:\n  os: { type: survival, label: Overall survival, events: [death], time: followUpTime }\nanalyses:\n  km: [{ endpoint: os, by: [male] }]\n`,
    );
    const methods = await checkStudy(join(dir, 'study.yaml'));
    expect(methods).toMatch(/Kaplan–Meier/);
    expect(methods).toMatch(/Overall survival: time as recorded in the column 'time' \(days\) to death; patients without the event were censored at the end of follow-up/);
    for (const absent of [/Cox/, /logistic/, /\bROC\b|receiver/, /Fisher/, /Welch/, /Levene/, /Hosmer/, /Nagelkerke/, /combined/, /t test/, /χ²/]) expect(methods).not.toMatch(absent);
  });

  it('says how SII was derived when the file has NLR and platelets only', async () => {
    const { derivationSentences } = await import('../../../src/report/build/methodsText.js');
    const s = derivationSentences({ version: 1, sources: [{ file: 'x.csv' }], variables: { nlr: 'NLR', platelets: 'PLT' }, derived: [{ name: 'SII', index: 'SII' }] });
    expect(s.join(' ')).toBe('Derived variables: SII = platelets × NLR (the recorded neutrophil-to-lymphocyte ratio), computed from each blood count.');
  });
});
