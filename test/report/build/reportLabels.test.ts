/** Headings, titles and text name endpoints and groupings by their spec labels (else a readable default), never "Os". */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeStudy } from '../../../src/analysis/analyzeStudy.js';
import { buildReport } from '../../../src/report/build/buildReport.js';
import { endpointLabel, rocOutcomeLabel } from '../../../src/report/build/reportLabels.js';
import type { ReportDocument } from '../../../src/report/document/reportDocument.js';

function allText(doc: ReportDocument): string {
  const parts: string[] = [];
  for (const s of doc.sections) {
    parts.push(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') parts.push(b.text);
      if (b.kind === 'table') parts.push(b.table.title, ...b.table.columns.map((c) => c.label), ...b.table.rows.flatMap((r) => r.cells), ...b.table.footnotes);
      if (b.kind === 'figure') parts.push(b.figure.caption, b.figure.svg);
    }
  }
  return parts.join('\n');
}

async function report(endpointExtra: string, maleExtra: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-labels-'));
  writeFileSync(
    join(dir, 'study.yaml'),
    `version: 1\nsources: [{ file: ${resolve('test/reference/survival/cox_lung.csv')} }]\nvariables:\n  followUpTime: { column: time, unit: days }\n  death: { column: status, positive: 2 }\ncovariates:\n  male: { column: sex${maleExtra} }\nendpoints:\n  os: { type: survival, events: [death], time: followUpTime${endpointExtra} }\nanalyses:\n  km: [{ endpoint: os, by: [male] }]\n`,
  );
  const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
  return allText(buildReport(bundle));
}

describe('report labels', () => {
  it('uses the endpoint and variable labels of the spec in headings, table titles, captions and text', async () => {
    const text = await report(', label: Overall survival from diagnosis', ', label: Sex');
    expect(text).toMatch(/Table \d+\. Overall survival from diagnosis by Sex/);
    expect(text).toMatch(/Kaplan–Meier: Overall survival from diagnosis by Sex/);
    expect(text).not.toMatch(/\bOs\b|\bos\b/);
  });

  it('without labels, reads "overall survival", never the identifier capitalised', async () => {
    const text = await report('', '');
    expect(text).toMatch(/Table \d+\. Overall survival by male/);
    expect(text).not.toMatch(/\bOs\b/);
  });

  it('a ROC curve of a survival endpoint discriminates its event, not "overall survival"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-labels-'));
    writeFileSync(join(dir, 'study.yaml'),
      `version: 1\nsources: [{ file: ${resolve('test/reference/survival/cox_lung.csv')} }]\nvariables:\n  followUpTime: { column: time, unit: days }\n  death: { column: status, positive: 2 }\n  age: age\nendpoints:\n  os: { type: survival, label: Overall survival, events: [death], time: followUpTime }\nanalyses:\n  roc: [{ endpoint: os, markers: [age] }]\n`);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    const text = allText(buildReport(bundle));
    expect(text).toMatch(/higher age indicating death/);
    expect(text).toMatch(/higher → death/);
    expect(text).not.toMatch(/indicating Overall survival|→ Overall survival/);
    expect(rocOutcomeLabel({ version: 1, sources: [], variables: {}, endpoints: { rec: { type: 'binary', events: ['recurrence'], label: 'Recurrence' } } }, 'rec')).toBe('Recurrence');
  });

  it('turns identifiers into words only for endpoints', () => {
    expect(endpointLabel(null, 'timeToRecurrence')).toBe('time to recurrence');
    expect(endpointLabel(null, 'PFS')).toBe('progression-free survival');
    expect(endpointLabel({ version: 1, sources: [], variables: {}, endpoints: { os: { type: 'survival', events: ['death'], label: 'OS' } } }, 'os')).toBe('OS');
  });
});
