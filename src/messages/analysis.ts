/** User-facing messages of the study analyses (src/analysis). */
const q = (s: string) => `'${s}'`;
export const analysisMessages = {
  unknownVariable: (where: string, name: string, known: string[]) =>
    `${where}: no variable ${q(name)}. Variables are: ${known.slice(0, 40).map(q).join(', ')}.`,
  unknownEndpoint: (where: string, name: string, known: string[]) =>
    `${where}: no endpoint ${q(name)}. Endpoints are: ${known.map(q).join(', ') || '(none declared)'}.`,
  needsSurvival: (where: string, name: string) => `${where}: endpoint ${q(name)} is not a time-to-event endpoint.`,
  needsNumeric: (where: string, name: string) => `${where}: ${q(name)} must be numeric for this cut-off or analysis.`,
  tooFewComplete: (where: string, n: number) => `${where}: only ${n} patients have every value needed; at least 3 are required.`,
  smallGroup: (variable: string, side: string, n: number, total: number, minShare: number) =>
    `The split ${side} leaves ${n} of ${total} patients (${(100 * n / total).toFixed(1)} %) in one group, fewer than ${Math.round(100 * minShare)} %: estimates for that group are unstable and the split may be driven by a few patients.`,
  cutoffOptimised: (variable: string, method: string, endpoint: string) =>
    `The cut-off of ${variable} was chosen from these data (${method}${endpoint ? ` for ${endpoint}` : ''}); P values of comparisons at this cut-off are optimistic. The maximally selected log-rank P (Lausen–Schumacher) is reported beside them.`,
  futureInformation: (variable: string) =>
    `${variable} averages measurements taken after the time origin: using it to predict an event uses information from the future (immortal-time and reverse-causation bias).`,
  multivariableEmpty: (endpoint: string, threshold: number) =>
    `No candidate reached univariable P < ${threshold} for ${endpoint}; no multivariable model was fitted.`,
  analysisSkipped: (what: string, why: string) => `${what} was not run: ${why}`,
  scaleOfCategorical: (where: string, name: string) =>
    `${where}: '${name}' is categorical; 'continuous', 'transform' and 'per' apply to numeric variables only.`,
  timeVaryingPerUnknown: (where: string, name: string) => `${where}: '${name}' is not one of this analysis's timeVarying markers.`,
  badPer: (where: string, name: string, per: number) => `${where}: 'per' for '${name}' must be a positive number (got ${per}).`,
  transformDomain: (where: string, name: string, transform: string, count: number) =>
    `${where}: ${transform} of '${name}' needs ${transform === 'sqrt' ? 'values ≥ 0' : 'positive values'}, but ${count} patient${count === 1 ? ' has' : 's have'} ${transform === 'sqrt' ? 'a negative value' : 'a value ≤ 0'}; use another transform or exclude them under 'population'.`,
  cannotStandardise: (where: string, name: string) => `${where}: '${name}' cannot be standardised: it has fewer than two distinct values.`,
  univariableOnly: (endpoint: string) =>
    `Univariable models only for ${endpoint}: no multivariable model was requested (add multivariable: { rule: declared, variables: [...] } or { rule: p-threshold, threshold: 0.05 }).`,
} as const;
