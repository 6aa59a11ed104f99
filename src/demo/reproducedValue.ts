/**
 * Finds a reproduced number in a results bundle by a short path, so a profile can say where each
 * published number's counterpart is:
 *   baseline:<variable>:statistic|p            compare:<marker>:statistic|p
 *   compare:<marker>:mean|sd:<group>           roc:<marker>:auc|cutoff|sensitivity|specificity (roc:combined:auc)
 *   cox:multi|uni:<term prefix>:hr|p           logistic:<term prefix>:or|p
 *   km:<endpoint>:<group|all>:median           km:<endpoint>:<by>:logrankP
 *   response:orr|dcr                           flow:analysed
 * Returns null when the bundle has no such number.
 */
import type { ResultsBundle } from '../analysis/bundle.js';

export function reproducedValue(b: ResultsBundle, key: string): number | null {
  const [kind, ...rest] = key.split(':');
  const A = b.analyses;
  if (kind === 'flow') return rest[0] === 'analysed' ? b.flow.analysed : b.flow.screened;
  if (kind === 'baseline' || kind === 'compare') {
    const a = A.find((x) => x.kind === 'baseline' && x.markers === (kind === 'compare') && x.variables.some((v) => v.name === rest[0]));
    if (!a || a.kind !== 'baseline') return null;
    const v = a.variables.find((x) => x.name === rest[0])!;
    // The seeds' tables give Student's t (or ANOVA) for every numeric variable: compare with that,
    // even where the report summarises a skewed variable as median (IQR) with Mann–Whitney.
    const c = v.comparison;
    if (rest[1] === 'statistic') return c ? (c.test === 't' ? Math.abs(c.statistic) : c.statistic) : v.statistic;
    if (rest[1] === 'p') return c ? c.p : v.p;
    const s = v.summaries.find((x) => x.group.endsWith(` ${rest[2]}`) || x.group === rest[2]);
    return s ? (rest[1] === 'mean' ? s.mean : s.sd) : null;
  }
  if (kind === 'roc') {
    for (const a of A) {
      if (a.kind !== 'roc') continue;
      const r = rest[0] === 'combined' ? a.combined[0]?.roc : a.markers.find((m) => m.marker === rest[0]);
      if (!r) continue;
      if (rest[1] === 'auc') return r.auc;
      if (rest[1] === 'cutoff') return r.youden.best.threshold;
      if (rest[1] === 'sensitivity') return 100 * r.youden.best.sensitivity;
      if (rest[1] === 'specificity') return 100 * r.youden.best.specificity;
    }
    return null;
  }
  if (kind === 'cox') {
    for (const a of A) {
      if (a.kind !== 'cox') continue;
      const coefs = rest[0] === 'multi' ? a.multivariable?.result.coefficients ?? [] : a.univariable.flatMap((u) => u.result?.coefficients ?? []);
      const c = coefs.find((x) => x.term.startsWith(rest[1]));
      if (c) return rest[2] === 'p' ? c.p : c.hr;
    }
    return null;
  }
  if (kind === 'logistic') {
    for (const a of A) {
      if (a.kind !== 'logistic') continue;
      const t = a.multivariable?.model.terms.find((x) => x.term.startsWith(rest[0]));
      if (t) return rest[1] === 'p' ? t.p : t.or;
    }
    return null;
  }
  if (kind === 'km') {
    for (const a of A) {
      if (a.kind !== 'km' || a.endpoint !== rest[0]) continue;
      if (rest[2] === 'logrankP') {
        if (a.by.join(',') === rest[1] && a.logrank) return a.logrank.p;
        continue;
      }
      const g = a.km.groups.find((x) => x.group === rest[1]);
      if (g) return g.median;
    }
    return null;
  }
  if (kind === 'response') {
    const a = A.find((x) => x.kind === 'response');
    if (!a || a.kind !== 'response') return null;
    return 100 * (rest[0] === 'orr' ? a.rows[0].objective.estimate : a.rows[0].control.estimate);
  }
  return null;
}
