/**
 * Check `effect-measure`: the name a paper gives exp(β) against the model that produced it.
 * Logistic regression gives odds ratios; Cox regression hazard ratios; Poisson / log-binomial
 * regression risk (rate) ratios. "Exp(B)" (SPSS's column name) fits any.
 *
 * Calling a logistic odds ratio a "relative risk" or "risk ratio" → warning: when the outcome is
 * common (the check prints the event rate when the paper gives it) the odds ratio is further from 1
 * than the risk ratio and reads as a larger effect. "OR" from a Cox model → warning. A Cox hazard
 * ratio called "relative risk" → info (an old, loose usage). A ratio from a linear model → warning.
 * Tolerance: not numeric.
 */
import { auditMessages } from '../../messages/index.js';
import { num } from '../format.js';
import { type Check, Tally, where } from '../findings.js';

export type MeasureKind = 'odds' | 'hazard' | 'risk' | 'generic' | 'unknown';

/** What a printed label names. @example measureKind('Relative risk (95% CI)') // 'risk' */
export function measureKind(label: string): MeasureKind {
  const s = label.toLowerCase().replace(/\(.*?\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (/exp\s*\(?\s*b/.test(label.toLowerCase())) return 'generic';
  if (/^or\b|odds/.test(s)) return 'odds';
  if (/^hr\b|hazard/.test(s)) return 'hazard';
  if (/^rr\b|relative risk|risk ratio|rate ratio/.test(s)) return 'risk';
  return 'unknown';
}

export const effectMeasure: Check = {
  id: 'effect-measure',
  title: 'The effect measure named correctly for the model that produced it',
  tolerance: 'not numeric.',
  run(paper) {
    const t = new Tally(this.id);
    for (const model of paper.doc.models ?? []) {
      if (!model.measureLabel || model.kind === 'unstated') continue;
      const k = measureKind(model.measureLabel);
      const loc = where(model.location);
      const reported = `"${model.measureLabel}" from a ${model.kind} model${model.kindEvidence ? ` (${model.kindEvidence})` : ''}`;
      const ev = model.eventGroup ? paper.groups.get(model.eventGroup) : undefined;
      const ne = model.nonEventGroup ? paper.groups.get(model.nonEventGroup) : undefined;
      const rate = ev && ne ? ev.n / (ev.n + ne.n) : null;
      if (k === 'generic' || k === 'unknown') {
        t.item();
        continue;
      }
      if (model.kind === 'logistic') {
        if (k === 'odds') t.item();
        else t.item([{ location: loc, severity: 'warning', message: auditMessages.logisticNotOdds(model.measureLabel, rate === null ? null : num(100 * rate, 3)), reported, recomputed: 'logistic regression: exp(β) is an odds ratio' }]);
      } else if (model.kind === 'cox') {
        if (k === 'hazard') t.item();
        else if (k === 'risk') t.item([{ location: loc, severity: 'info', message: auditMessages.coxCalledRisk(model.measureLabel), reported, recomputed: 'Cox regression: exp(β) is a hazard ratio' }]);
        else t.item([{ location: loc, severity: 'warning', message: auditMessages.coxNotHazard(model.measureLabel), reported, recomputed: 'Cox regression: exp(β) is a hazard ratio' }]);
      } else if (model.kind === 'poisson') {
        if (k === 'risk') t.item();
        else t.item([{ location: loc, severity: 'warning', message: auditMessages.poissonNotRisk(model.measureLabel), reported, recomputed: 'Poisson / log-binomial regression: exp(β) is a risk or rate ratio' }]);
      } else {
        t.item([{ location: loc, severity: 'warning', message: auditMessages.linearRatio(model.measureLabel), reported, recomputed: 'linear regression: β is a difference, not a ratio' }]);
      }
    }
    return t.outcome();
  },
};
