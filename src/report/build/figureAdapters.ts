/**
 * Results bundle → figure inputs (src/report/figures). Shared by the report and the web application.
 */
import type { Plain } from '../../analysis/plain.js';
import type { KmAnalysisResult } from '../../analysis/kmAnalysis.js';
import type { RocStudyResult } from '../../analysis/rocStudyAnalysis.js';
import type { TimeRocAnalysisResult } from '../../analysis/timeRocAnalysis.js';
import type { TimeAucFigureData } from '../figures/timeAucData.js';
import type { CoxAnalysisResult } from '../../analysis/coxAnalysis.js';
import type { BundleFlow } from '../../analysis/bundle.js';
import type { KmFigureData, KmGroupData } from '../figures/kmData.js';
import type { RocFigureData } from '../figures/rocData.js';
import type { ForestFigureData, ForestRow } from '../figures/forestData.js';
import type { FlowFigureData } from '../figures/flowData.js';
import { kmTimeTicks } from '../figures/kmLayout.js';

const n0 = (x: number | null | undefined): number => (typeof x === 'number' ? x : NaN);

export function kmFigureData(a: Plain<KmAnalysisResult>, title: string, timeLabel: string): KmFigureData {
  let maxTime = 0;
  for (const g of a.km.groups) maxTime = Math.max(maxTime, ...g.table.time.map(n0).filter(Number.isFinite));
  const ticks = kmTimeTicks(maxTime);
  const groups: KmGroupData[] = a.km.groups.map((g) => {
    const t = g.table;
    const atRisk = ticks.map((tick) => {
      const k = t.time.findIndex((x) => n0(x) >= tick);
      return { time: tick, n: k < 0 ? 0 : n0(t.nRisk[k]) };
    });
    return {
      label: g.group,
      n: g.n,
      events: g.events,
      points: g.steps.time.map((time, k) => ({ time: n0(time), surv: n0(g.steps.surv[k]), lower: g.steps.lower[k], upper: g.steps.upper[k] })),
      censorTimes: g.censored.time.map(n0),
      median: g.median,
      atRisk,
    };
  });
  return {
    title,
    groups,
    logRank: a.logrank ? { chisq: a.logrank.chisq, df: a.logrank.df, p: a.logrank.p } : null,
    timeLabel,
    survivalLabel: 'Survival probability',
    maxTime,
  };
}

export function rocFigureData(a: Plain<RocStudyResult>, title: string): RocFigureData {
  const curve = (r: Plain<RocStudyResult>['markers'][number], label: string) => ({
    label,
    auc: r.auc,
    lower: r.lower,
    upper: r.upper,
    points: r.curve.sensitivity.map((se, k) => ({ sensitivity: n0(se), specificity: n0(r.curve.specificity[k]) })),
    optimal: Number.isFinite(n0(r.youden.best.threshold))
      ? { threshold: n0(r.youden.best.threshold), sensitivity: r.youden.best.sensitivity, specificity: r.youden.best.specificity }
      : null,
  });
  return {
    title,
    curves: [...a.markers.map((r) => curve(r, r.marker)), ...a.combined.map((c) => curve(c.roc, c.markers.join(' + ')))],
  };
}

export function forestFigureData(a: Plain<CoxAnalysisResult>, title: string): ForestFigureData {
  const uni: ForestRow[] = [];
  for (const u of a.univariable) {
    if (!u.result) {
      uni.push({ label: u.variable, key: u.variable, estimate: null, note: 'not estimable' } as ForestRow);
      continue;
    }
    for (const c of u.result.coefficients) uni.push({ label: c.term, key: c.term, estimate: c.hr, lower: c.lower, upper: c.upper, p: c.p, n: u.result.n });
  }
  const panels = [{ title: 'Univariable', rows: uni }];
  if (a.multivariable) {
    panels.push({
      title: 'Multivariable',
      rows: a.multivariable.result.coefficients.map((c) => ({ label: c.term, key: c.term, estimate: c.hr, lower: c.lower, upper: c.upper, p: c.p, n: a.multivariable!.result.n })),
    });
  }
  return { title, measure: 'HR', panels };
}

export function flowFigureData(f: BundleFlow, title: string): FlowFigureData {
  return {
    title,
    screened: { label: 'Patients in the data', n: f.screened },
    exclusions: f.steps.map((s) => ({ reason: s.label, n: s.n })),
    analysed: { label: 'Analysed', n: f.analysed },
    groups: f.groups,
  };
}

export function timeAucFigureData(a: Plain<TimeRocAnalysisResult>, title: string, timeLabel: string): TimeAucFigureData {
  return {
    title,
    timeLabel,
    confLevel: a.level,
    series: a.markers.map((m) => ({
      label: m.direction === 'lower' ? `${m.marker} (lower = higher risk)` : m.marker,
      curve: m.curve.time.map((t, k) => ({ time: n0(t), auc: n0(m.curve.auc[k]), lower: m.curve.lower[k], upper: m.curve.upper[k] })),
      points: m.at.filter((p) => p.auc !== null).map((p) => ({ time: p.time, auc: n0(p.auc), lower: p.lower, upper: p.upper })),
    })),
  };
}
