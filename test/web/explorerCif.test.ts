/**
 * Issue 13 item 5: the cutoff explorer on a competing-risks endpoint shows the cumulative incidence
 * of each cause with Gray's test, and at the analysis's cut-off it gives the report's `cif` analysis
 * (group sizes, events per cause, Gray's χ² and P) — the pipeline on examples/deng2025/cohort.csv
 * against the explorer on the raw CSV columns.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { explore, prepareExplorer } from '../../web/src/lib/explorerCompute.js';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import type { CifAnalysisResult } from '../../src/analysis/cifAnalysis.js';
import { competingCauseNames } from '../../src/analysis/competingCauseNames.js';

const COHORT = resolve('examples', 'deng2025', 'cohort.csv');
const SPEC = `version: 1
title: explorer vs report, competing risks
sources: [{ file: ${JSON.stringify(COHORT)} }]
variables: { patientId: id, recurrence: recurrence_event, death: os_event }
covariates:
  sii: { column: sii }
  recurrenceTime: { column: recurrence_time, unit: months }
  osTime: { column: os_time, unit: months }
endpoints:
  recurrenceCr: { type: competing, events: [recurrence], competing: [death], time: recurrenceTime, competingTime: osTime }
cutoffs: { sii: { value: 400 } }
analyses:
  cif: [{ endpoint: recurrenceCr, by: [sii], times: [12] }]
`;

function raw() {
  const lines = readFileSync(COHORT, 'utf8').trim().split(/\r?\n/);
  const h = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const col = (name: string) => rows.map((r) => Number(r[h.indexOf(name)]));
  const rec = col('recurrence_event'), dead = col('os_event'), rt = col('recurrence_time'), ot = col('os_time');
  const status = rec.map((r, i) => (r === 1 ? 1 : dead[i] === 1 ? 2 : 0));
  return { time: status.map((s, i) => (s === 2 ? ot[i] : rt[i])), status, sii: col('sii') };
}

describe('explorer on a competing-risks endpoint', () => {
  it("gives the report's cif analysis at the same cut-off, with a CIF figure per cause", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-excif-'));
    writeFileSync(join(dir, 'study.yaml'), SPEC);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    const a = bundle.analyses.find((x) => (x as { kind: string }).kind === 'cif') as unknown as CifAnalysisResult;
    const d = raw();
    const p = prepareExplorer({
      time: d.time, event: d.status.map((s) => (s === 1 ? 1 : 0)), marker: d.sii, outcome: null, markerName: 'sii', endpoint: 'recurrenceCr', outcomeName: null, unit: 'months',
      competing: { status: d.status, causes: competingCauseNames(['recurrence'], ['death']) },
    });
    const r = explore(p, 400);
    expect(r.cif).not.toBeNull();
    expect(r.svg).toBe(''); // the Kaplan–Meier figure is not drawn for a competing endpoint
    const cif = r.cif!;
    expect(cif.groups.map((g) => g.label)).toEqual(a.groups);
    a.groups.forEach((g, k) => {
      const curves = a.cif.curves.filter((c) => c.group === g);
      expect(cif.groups[k].n).toBe(curves[0].n);
      expect(cif.groups[k].events).toEqual(curves.map((c) => c.events));
    });
    expect([r.nLow, r.nHigh]).toEqual(cif.groups.map((g) => g.n));
    for (const g of a.cif.gray) {
      const mine = cif.gray.find((x) => x.cause === g.cause)!;
      expect(Math.abs(mine.chisq - g.chisq) / g.chisq).toBeLessThan(1e-12);
      expect(Math.abs(mine.p - g.p) / g.p).toBeLessThan(1e-12);
    }
    expect(cif.gray.map((g) => g.label)).toEqual(['Recurrence', 'Death without recurrence']);
    expect(cif.figures).toHaveLength(2);
    for (const f of cif.figures) {
      expect(f.svg).toContain('Number at risk');
      expect(f.svg).toContain("Gray's test");
    }
    // the report's risk ticks: the same numbers at risk as the analysis's `at` rows
    const atRisk = a.cif.curves.find((c) => c.group === a.groups[0] && c.cause === 1)!.at.filter((x) => a.riskTimes.includes(x.time)).map((x) => x.nRisk);
    for (const n of atRisk) expect(cif.figures[0].svg).toContain(`>${n}<`);
  });

  it('a survival endpoint has no CIF view', () => {
    const d = raw();
    const p = prepareExplorer({ time: d.time, event: d.status.map((s) => (s === 1 ? 1 : 0)), marker: d.sii, outcome: null, markerName: 'sii', endpoint: 'recurrence', outcomeName: null, unit: 'months' });
    const r = explore(p, 400);
    expect(r.cif).toBeNull();
    expect(r.svg).toContain('<svg');
  });
});
