/**
 * Figure inputs from a real cohort (Chowell 2021 immunotherapy pan-cancer, /work/shared/data/real)
 * computed by the project's own survival and ROC engines, the way the study pipeline will.
 * Callers check that the file exists (test/helpers/shared.ts) before calling.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KmFigureData } from '../../../src/report/figures/kmData.js';
import { kmTimeTicks } from '../../../src/report/figures/kmLayout.js';
import type { RocFigureData } from '../../../src/report/figures/rocData.js';
import { rocAnalysis } from '../../../src/stats/roc/rocAnalysis.js';
import { kaplanMeier } from '../../../src/stats/survival/kaplanMeier.js';
import { logRank } from '../../../src/stats/survival/logRank.js';
import { numberAtRisk } from '../../../src/stats/survival/numberAtRisk.js';

const FILE = 'chowell2021_ici_pancancer.csv';

function readCohort(realDir: string): { col: (name: string) => string[] } {
  const lines = readFileSync(join(realDir, FILE), 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  return { col: (name: string) => rows.map((r) => r[head.indexOf(name)] ?? '') };
}

const nullIfNaN = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Overall survival by NLR (≥ 4) alone, or by NLR × platelets (≥ 300): 2 or 4 groups. */
export function chowellKm(realDir: string, four: boolean): KmFigureData {
  const c = readCohort(realDir);
  const [t, e, nlr, plt] = [c.col('OS_Months'), c.col('OS_Event'), c.col('NLR'), c.col('Platelets')];
  const keep = t.map((_, i) => [t[i], e[i], nlr[i], plt[i]].every((v) => v !== '' && v !== 'NA'));
  const idx = keep.flatMap((k, i) => (k ? [i] : []));
  const time = idx.map((i) => Number(t[i]));
  const event = idx.map((i) => Number(e[i]));
  const group = idx.map((i) => {
    const a = Number(nlr[i]) >= 4 ? 'NLR ≥ 4' : 'NLR < 4';
    return four ? `${a}, ${Number(plt[i]) >= 300 ? 'PLT ≥ 300' : 'PLT < 300'}` : a;
  });
  const km = kaplanMeier(time, event, { group });
  const lr = logRank(time, event, group);
  const maxTime = Math.max(...time);
  const nar = numberAtRisk(km, kmTimeTicks(maxTime));
  return {
    title: four ? 'Overall survival by NLR and platelets (Chowell 2021)' : 'Overall survival by NLR (Chowell 2021)',
    timeLabel: 'Time (months)',
    survivalLabel: 'Overall survival',
    maxTime,
    groups: km.groups.map((g, i) => ({
      label: g.group,
      n: g.n,
      events: g.events,
      points: Array.from(g.steps.time, (time, k) => ({ time, surv: g.steps.surv[k], lower: nullIfNaN(g.steps.lower[k]), upper: nullIfNaN(g.steps.upper[k]) })),
      censorTimes: Array.from(g.censored.time),
      median: g.median,
      atRisk: nar[i].times.map((time, k) => ({ time, n: nar[i].nRisk[k] })),
    })),
    logRank: { chisq: lr.chisq, df: lr.df, p: lr.p },
  };
}

/** ROC of NLR, platelets and albumin for response. */
export function chowellRoc(realDir: string): RocFigureData {
  const c = readCohort(realDir);
  const names = ['NLR', 'Platelets', 'Albumin'];
  const cols = names.map((n) => c.col(n));
  const resp = c.col('Response');
  const idx = resp.flatMap((r, i) => ([r, ...cols.map((x) => x[i])].every((v) => v !== '' && v !== 'NA') ? [i] : []));
  const y = Float64Array.from(idx.map((i) => Number(resp[i])));
  return {
    title: 'ROC curves for response to immunotherapy (Chowell 2021)',
    curves: names.map((m, j) => {
      const a = rocAnalysis(Float64Array.from(idx.map((i) => Number(cols[j][i]))), y, { marker: m });
      return {
        label: m,
        auc: a.auc,
        lower: a.lower,
        upper: a.upper,
        points: Array.from(a.curve.sensitivity, (se, k) => ({ sensitivity: se, specificity: a.curve.specificity[k] })),
        optimal: { threshold: a.youden.best.threshold, sensitivity: a.youden.best.sensitivity, specificity: a.youden.best.specificity },
      };
    }),
  };
}
