/** Plain-language results sentences with the key numbers, from the bundle. */
import type { ResultsBundle } from '../../analysis/bundle.js';
import { estimateCi, fixed, pPhrase } from '../format/numbers.js';
import { cutoffText } from '../../analysis/cutoffs.js';

export function resultsText(b: ResultsBundle): string[] {
  const out: string[] = [];
  out.push(
    `Of ${b.flow.screened} patients in the data, ${b.flow.analysed} were analysed` +
      (b.flow.steps.length ? ` (${b.flow.steps.map((s) => `${s.n} excluded: ${s.label}`).join('; ')}).` : '.'),
  );
  for (const a of b.analyses) {
    if (a.kind === 'roc') {
      for (const r of a.markers) {
        const meaning = `${r.direction === 'higher' ? 'higher' : 'lower'} ${r.marker} indicating ${a.endpoint}`;
        out.push(
          r.p !== null && r.p < 0.05
            ? `${r.marker} discriminated ${a.endpoint} with an AUC of ${estimateCi(r.auc, r.lower, r.upper)} (${pPhrase(r.p)}; ${meaning}); at the Youden cut-off ${Number.isFinite(r.youden.best.threshold) ? cutoffText(r.youden.best.threshold) : '—'} sensitivity was ${fixed(100 * r.youden.best.sensitivity, 2)}% and specificity ${fixed(100 * r.youden.best.specificity, 2)}%.`
            : `${r.marker} did not discriminate ${a.endpoint} significantly: AUC ${estimateCi(r.auc, r.lower, r.upper)} (${pPhrase(r.p)}; ${meaning}).`,
        );
      }
      for (const c of a.combined)
        out.push(`Combining ${c.markers.join(' and ')} gave an AUC of ${estimateCi(c.roc.auc, c.roc.lower, c.roc.upper)} (apparent, not validated).`);
    } else if (a.kind === 'cox' && a.multivariable) {
      const sig = a.multivariable.result.coefficients.filter((c) => c.p < 0.05);
      out.push(
        sig.length
          ? `In the multivariable Cox model for ${a.endpoint}, ${sig.map((c) => `${c.term} (HR ${estimateCi(c.hr, c.lower, c.upper, 2)}, ${pPhrase(c.p)})`).join('; ')} remained associated with the hazard.`
          : `No factor remained significant in the multivariable Cox model for ${a.endpoint}.`,
      );
    } else if (a.kind === 'km' && a.logrank) {
      const meds = a.km.groups.map((g) => `${g.group}: median ${g.median === null ? 'not reached' : fixed(g.median, 1) + ' ' + a.unit}`);
      out.push(`Kaplan–Meier ${a.endpoint} by ${a.by.join(' and ')}: ${meds.join('; ')} (log-rank ${pPhrase(a.logrank.p)}).`);
    } else if (a.kind === 'timeRoc') {
      const tt = (t: number) => `${fixed(t, Number.isInteger(t) ? 0 : 2)} ${a.unit}`;
      for (const m of a.markers) {
        const at = m.at.filter((p) => p.auc !== null).map((p) => `${estimateCi(p.auc, p.lower, p.upper)} at ${tt(p.time)}`);
        if (at.length) out.push(`The time-dependent AUC of ${m.marker}${m.direction === 'lower' ? ' (lower values indicating higher risk)' : ''} for ${a.endpoint} was ${at.join(', ')}.`);
      }
      for (const c of a.comparisons) {
        const sig = c.at.filter((x) => x.p !== null && x.p < 0.05);
        out.push(sig.length
          ? `${c.a} and ${c.b} differed in AUC(t) at ${sig.map((x) => `${tt(x.time)} (difference ${fixed(x.diff, 3)}, ${pPhrase(x.p)})`).join(', ')}.`
          : `${c.a} and ${c.b} did not differ significantly in AUC(t) at any horizon.`);
      }
    } else if (a.kind === 'cif') {
      const r = a.cif;
      const t = a.times.length ? a.times[Math.min(a.times.length - 1, Math.floor((a.times.length - 1) / 2))] : null;
      for (const cause of a.causes) {
        const gray = r.gray.find((g) => g.cause === cause.code);
        const at = t === null ? [] : r.groups.flatMap((g, k) => {
          const c = r.curves.find((x) => x.group === g && x.cause === cause.code)?.at.find((x) => x.time === t);
          return c && t <= r.maxTime[k] ? [`${fixed(100 * c.cif, 1)}%${g === 'all' ? '' : ` with ${g}`}`] : [];
        });
        if (at.length || gray)
          out.push(`The cumulative incidence of ${cause.label.charAt(0).toLowerCase() + cause.label.slice(1)}${at.length ? ` at ${fixed(t!, Number.isInteger(t) ? 0 : 2)} ${a.unit} was ${at.join(', ')}` : ''}${gray ? `${at.length ? ' (' : ' differed by group with '}Gray's test ${pPhrase(gray.p)}${at.length ? ')' : ''}` : ''}.`);
      }
    } else if (a.kind === 'fineGray' && a.fineGray) {
      const sig = a.fineGray.coefficients.filter((c) => c.p < 0.05);
      out.push(
        sig.length
          ? `In the Fine–Gray model for ${a.endpoint}, ${sig.map((c) => `${c.term} was associated with a ${c.shr > 1 ? 'higher' : 'lower'} cumulative incidence (sHR ${estimateCi(c.shr, c.lower, c.upper, 2)}, ${pPhrase(c.p)})`).join('; ')}.`
          : `No factor was significantly associated with the cumulative incidence in the Fine–Gray model for ${a.endpoint}.`,
      );
    } else if (a.kind === 'response') {
      const r = a.rows[0];
      out.push(`The objective response rate was ${fixed(100 * r.objective.estimate, 2)}% and the disease control rate ${fixed(100 * r.control.estimate, 2)}% of ${r.evaluable} evaluable patients.`);
    }
  }
  for (const c of b.cutoffs)
    if (c.maxstat && c.dataDriven)
      out.push(`The ${c.variable} cut-off ${cutoffText(c.value)} was chosen from these data; accounting for that choice (maximally selected log-rank), its association with ${c.maxstat.endpoint} has P ${pPhrase(c.maxstat.p).slice(2)} rather than the naive ${pPhrase(c.maxstat.naiveLogRankP).slice(2)}.`);
  return out;
}
