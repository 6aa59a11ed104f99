/** User-facing messages of the web Analysis page's form (web/src/lib/spec.ts, analysisForm.ts, defaultHorizons.ts). */
export const analysisFormMessages = {
  chooseEndpoint: (defined: readonly string[]) => `Choose an endpoint (the spec defines ${defined.join(', ') || 'none'}).`,
  chooseMarker: () => 'Choose at least one marker.',
  badHorizons: () => 'Horizons: give one or more times after the time origin, e.g. 12, 36, 60.',
  badHorizon: () => 'Horizon: give one time after the time origin, e.g. 36.',
  badKnots: () => 'Spline knots: a whole number from 3 to 7.',
  badBootstrap: () => 'Bootstrap replicates: a whole number from 1 to 100000 (200 or more for a paper).',
  badSeed: () => 'Seed: a whole number, 0 or more.',
  badGroups: () => 'Calibration groups: a whole number from 2 to 50.',
  noModelPredictors: () => 'Choose the predictors of the prognostic model (nomogram, calibration, validation, decision curve).',
  markersUnused: (markers: readonly string[]) =>
    `The ticked marker${markers.length === 1 ? '' : 's'} ${markers.join(', ')} ${markers.length === 1 ? 'is' : 'are'} used by no ticked analysis: tick an analysis of markers, or ${markers.length === 1 ? 'it is' : 'they are'} not analysed.`,
  factorsUnused: (factors: readonly string[]) =>
    `The ticked factor${factors.length === 1 ? '' : 's'} ${factors.join(', ')} ${factors.length === 1 ? 'is' : 'are'} used only by the baseline table and regression, and neither is ticked: ${factors.length === 1 ? 'it is' : 'they are'} not analysed.`,
  baselineWithoutFactors: () => 'The baseline table needs factors: none is ticked, so no baseline table is written.',
  nothingTicked: () => 'No analysis is ticked: the run only checks the data and draws the participant flow.',
  horizonsYears: (unit: string) => `1, 3 and 5 years (in ${unit})`,
  horizonsReached: (longest: string, unit: string) => `1, 3 and 5 years: the longest follow-up is ${longest} ${unit}`,
  horizonsWithin: (longest: string, unit: string) => `within the follow-up: the longest is ${longest} ${unit}, so 5 years cannot be estimated`,
};
