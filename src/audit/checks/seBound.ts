/**
 * Check `se-bound`: the standard error of a 0/1 covariate's coefficient against the smallest SE that
 * the model's numbers of patients and events allow.
 *
 * Cox regression: the observed information of β_k is Σ over events of the (weighted) variance of
 * x_k in the risk set (Cox DR. Regression models and life-tables. JRSS B 1972;34:187–220; also with
 * Breslow's or Efron's handling of ties), and the variance of a 0/1 variable is at most 1/4. With
 * D events, I_kk ≤ D/4, and Var(β̂_k) = (I⁻¹)_kk ≥ 1/I_kk, so SE ≥ 2/√D — in any model, adjusted or not.
 * Logistic regression with an intercept: the information left for β_k after the intercept is
 * W₁W₀/(W₁ + W₀) with W₁ = Σ_{x=1} p(1 − p) ≤ n₁/4 and W₀ ≤ n₀/4, so SE ≥ 2·√(1/n₁ + 1/n₀), and
 * ≥ 4/√N whatever the split when n₁ is not known.
 *
 * These bounds are exact, so a printed SE (upper end of its rounding) below the bound is an error:
 * no data set of that size gives so precise an estimate — the covariate was probably not coded 0/1,
 * or the SE (and with it the CI and P) is wrong. Terms are evaluated when marked `binary: true` or
 * when their covariate is a 0/1 distribution.
 */
import { auditMessages } from '../../messages/index.js';
import { num } from '../format.js';
import { type Check, Tally, where } from '../findings.js';
import { parsePrinted } from '../printed.js';

/** Smallest SE of a 0/1 covariate's Cox coefficient with D events: 2/√D. @example coxSeBound(100) // 0.2 */
export function coxSeBound(events: number): number {
  return 2 / Math.sqrt(events);
}

/** Smallest SE of a 0/1 covariate's logistic coefficient (model with intercept): 2√(1/n₁ + 1/n₀). */
export function logisticSeBound(n1: number, n0: number): number {
  return 2 * Math.sqrt(1 / n1 + 1 / n0);
}

export const seBound: Check = {
  id: 'se-bound',
  title: 'A 0/1 covariate’s SE against the smallest its patients and events allow',
  tolerance: 'exact bound (Cox SE ≥ 2/√events; logistic SE ≥ 2√(1/n₁ + 1/n₀)); the printed SE’s upper rounding end must reach it.',
  run(paper) {
    const t = new Tally(this.id);
    for (const model of paper.doc.models ?? []) {
      if (model.kind !== 'cox' && model.kind !== 'logistic') continue;
      const ev = model.eventGroup ? paper.groups.get(model.eventGroup) : undefined;
      const ne = model.nonEventGroup ? paper.groups.get(model.nonEventGroup) : undefined;
      for (const term of model.terms) {
        const se = term.se === undefined ? null : parsePrinted(term.se);
        const c = term.covariate;
        const binary = term.binary === true || c?.kind === 'binary-counts' || c?.kind === 'binary-proportions' || c?.kind === 'threshold' || c?.kind === 'roc-cutoff';
        if (!se || !binary) continue;
        let bound: number, basis: string;
        if (model.kind === 'cox') {
          const d = model.events ?? ev?.n;
          if (!d) continue;
          bound = coxSeBound(d);
          basis = `${d} events: SE ≥ 2/√${d}`;
        } else {
          if (!ev || !ne) continue;
          const N = ev.n + ne.n;
          if (c?.kind === 'binary-counts' && c.counts[ev.id] !== undefined && c.counts[ne.id] !== undefined) {
            const n1 = c.counts[ev.id] + c.counts[ne.id];
            const n0 = N - n1;
            if (n1 <= 0 || n0 <= 0) continue;
            bound = logisticSeBound(n1, n0);
            basis = `${n1} patients coded 1 and ${n0} coded 0: SE ≥ 2·√(1/${n1} + 1/${n0})`;
          } else {
            bound = 4 / Math.sqrt(N);
            basis = `${N} patients: SE ≥ 4/√${N}`;
          }
        }
        const loc = where(term.location);
        if (se.hi < bound * (1 - 1e-9))
          t.item([{ location: loc, severity: 'error', message: auditMessages.seBelowBound(term.label, se.text, num(bound, 3)), reported: `SE = ${se.text}`, recomputed: `${basis} = ${num(bound, 4)}` }]);
        else t.item();
      }
    }
    return t.outcome();
  },
};
