/**
 * User-facing messages of the inflammation indices, unit normalisation and plausibility checks,
 * and of `siilab indices`. Every refusal names the value, its unit and the likely fix.
 */
const q = (s: string): string => `'${s}'`;
const n = (x: number): string => String(Number(x.toPrecision(6)));

export const indicesMessages = {
  // values
  notFinite: (what: string, value: number) => `${what} = ${String(value)} is not a finite number.`,
  negative: (what: string, value: number, unit: string) =>
    `${what} = ${n(value)}${unit ? ' ' + unit : ''} is negative; a measured value cannot be below zero. Check the sign.`,
  zeroLymphocytes: (value: number, unit: string) =>
    `lymphocytes = ${n(value)}${unit ? ' ' + unit : ''}: the ratios (SII, NLR, PLR, SIRI, PIV) divide by the lymphocyte count, ` +
    `so it must be above zero. A count below the analyser's limit is reported as e.g. 0.01 × 10^9/L; check the value.`,
  zeroNotPossible: (what: string, value: number, unit: string) =>
    `${what} = ${n(value)}${unit ? ' ' + unit : ''}: zero is not a possible result for ${what}; check the value.`,
  outOfRange: (what: string, value: number, unit: string, lo: string, hi: string, hint: string | null) =>
    `${what} = ${n(value)}${unit ? ' ' + unit : ''} is outside the physiological range ${lo}–${hi}${unit ? ' ' + unit : ''}.` +
    (hint ? ` ${hint}` : ' Check the value and its unit.'),
  looksLikeUnit: (value: number, other: string, canonicalValue: number, canonicalUnit: string, fix: string, equivalent: number, declared: string) =>
    `It looks like ${other} (${n(value)} ${other} = ${n(canonicalValue)} ${canonicalUnit}): ${fix}, or give ${n(equivalent)}${declared ? ' ' + declared : ''}.`,
  unitFixOption: (option: string, unit: string) => `pass ${option} ${unit}`,
  unitFixDeclare: (unit: string) => `declare the unit as ${unit}`,
  unknownUnit: (option: string, value: string, choices: string[]) =>
    `${option} ${q(value)} is not a unit siilab knows; use one of ${choices.map(q).join(', ')}.`,
  // percentages
  percentsLookLikeFractions: (neutrophilPct: number, lymphocytePct: number) =>
    `neutrophils ${n(neutrophilPct)} % and lymphocytes ${n(lymphocytePct)} % add up to ${n(neutrophilPct + lymphocytePct)} %: ` +
    `these look like fractions (0.70 = 70 %). Give percentages: ${n(100 * neutrophilPct)} and ${n(100 * lymphocytePct)}.`,
  percentsExceed100: (neutrophilPct: number, lymphocytePct: number) =>
    `neutrophils ${n(neutrophilPct)} % and lymphocytes ${n(lymphocytePct)} % add up to ${n(neutrophilPct + lymphocytePct)} %, more than 100 % of the white cells; check both values.`,
  percentNeedsWbc: (what: string) => `${what} is given as a percentage; the white-cell count (--wbc) is needed to turn it into a count.`,
  countsDisagree: (what: string, absolute: number, fromPercent: number) =>
    `${what}: the absolute count ${n(absolute)} × 10^9/L and white cells × percentage (${n(fromPercent)} × 10^9/L) differ by more than 10 %; the absolute count is used.`,
  // index functions
  wbcNotAboveNeutrophils: (wbc: number, neutrophils: number) =>
    `white cells ${n(wbc)} × 10^9/L must exceed neutrophils ${n(neutrophils)} × 10^9/L for dNLR = neutrophils / (white cells − neutrophils); check both counts.`,
  bilirubinNotPositive: (value: number) => `bilirubin = ${n(value)} µmol/L: ALBI takes log10(bilirubin), so it must be above zero.`,
  badChildPughGrade: (what: string, value: string, choices: readonly string[]) =>
    `${what} ${q(value)} is not one of ${choices.map(q).join(', ')}.`,
  missingFor: (index: string, inputs: string[]) => `${index} not computed: it needs ${inputs.join(' and ')}.`,
  // siilab indices
  rowProblem: (file: string, row: number, problem: string) => `${file}, row ${row}: ${problem}`,
  missingCell: (column: string) => `column ${q(column)} is empty.`,
  mixedUnits: (column: string, k: number, n: number, other: string, declared: string, rows: number[]) =>
    `column ${q(column)} seems to mix units: ${k} of ${n} values fit only ${other} (rows ${rows.join(', ')}${k > rows.length ? ', …' : ''}), ` +
    `the others ${declared}; those rows get a reason instead of indices. Convert them to one unit first.`,
  outExists: (file: string) => `${file} exists already; choose another --out or pass --force.`,
} as const;
