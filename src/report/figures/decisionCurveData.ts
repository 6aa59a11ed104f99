/**
 * Input of the decision curve figure: net benefit of each model, of treating all and of treating
 * none over the threshold probabilities (src/stats/decision/decisionCurve.ts).
 */
export interface DecisionCurveFigureData {
  /** Accessible name (<title>). */
  readonly title: string;
  readonly thresholds: readonly number[];
  readonly treatAll: readonly number[];
  readonly models: readonly { readonly label: string; readonly netBenefit: readonly (number | null)[] }[];
  /** e.g. "Net benefit (death by 36 months)". */
  readonly netBenefitLabel?: string;
}

/** The figure data of a decision curve result. */
export function decisionCurveFigureData(
  r: { readonly thresholds: readonly { readonly pt: number; readonly treatAll: number; readonly models: readonly { readonly name: string; readonly netBenefit: number | null }[] }[] },
  title: string,
  netBenefitLabel?: string,
): DecisionCurveFigureData {
  const names = r.thresholds[0]?.models.map((m) => m.name) ?? [];
  return {
    title,
    netBenefitLabel,
    thresholds: r.thresholds.map((t) => t.pt),
    treatAll: r.thresholds.map((t) => t.treatAll),
    models: names.map((label, j) => ({ label, netBenefit: r.thresholds.map((t) => t.models[j].netBenefit) })),
  };
}
