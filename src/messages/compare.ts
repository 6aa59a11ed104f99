/** User-facing messages of group comparisons (`siilab compare` and the engine in src/stats/compare/). */
const q = (s: string): string => `'${s}'`;
const src = (file: string | null): string => file ?? 'input';

export const compareMessages = {
  oneGroup: (file: string | null, column: string, level: string | null) =>
    `${src(file)}: group column ${q(column)} has ${level === null ? 'no value' : `the single value ${q(level)}`} in the rows used; ` +
    `a comparison needs at least two groups.`,
  tooFewInGroup: (file: string | null, variable: string, group: string, n: number) =>
    `${src(file)}: variable ${q(variable)} has ${n} non-missing value(s) in group ${q(group)}; each group needs at least 2 to compare means and SDs.`,
  noVariance: (file: string | null, variable: string, value: number) =>
    `${src(file)}: variable ${q(variable)} has the same value (${value}) in every row; it has no variance and the tests are undefined. Leave it out of --vars.`,
  oneLevel: (file: string | null, variable: string, level: string) =>
    `${src(file)}: categorical variable ${q(variable)} has the single level ${q(level)}; a chi-square test needs at least two. Leave it out of --vars.`,
  noValues: (file: string | null, variable: string) =>
    `${src(file)}: variable ${q(variable)} has no non-missing value in rows with a group.`,
  notNumeric: (file: string | null, variable: string, row: number, value: string) =>
    `${src(file)}, row ${row}, column ${q(variable)}: --numeric asks for a number but the cell is ${q(value)}.`,
  groupIsVariable: (name: string) => `siilab compare: ${q(name)} is the --group column; it cannot also be in --vars.`,
  duplicateVariable: (name: string) => `siilab compare: --vars names ${q(name)} twice.`,
  bothKinds: (name: string) => `siilab compare: ${q(name)} is in both --categorical and --numeric; choose one.`,
  notInVars: (option: string, name: string) => `siilab compare: --${option} names ${q(name)}, which is not among --vars.`,
  badCounts: (test: string, row: number, col: number, v: number) =>
    `${test}: the count in row ${row}, column ${col} is ${v}; counts must be finite and non-negative${test === "Fisher's exact test" ? ' whole numbers' : ''}.`,
  raggedTable: (test: string) => `${test}: the table's rows have different lengths; give a rectangular table of counts.`,
  // warnings (kept in the result's `warnings`)
  expectedBelow5: (variable: string, cells: number, total: number, minExpected: number) =>
    `${q(variable)}: ${cells} of ${total} cells have an expected count below 5 (minimum ${minExpected.toFixed(2)}); the chi-square approximation may be poor` +
    `; prefer Fisher's exact test.`,
  fisherInfeasible: (variable: string, r: number, c: number) =>
    `${q(variable)}: Fisher's exact test was not computed for the ${r}×${c} table (too many tables to enumerate).`,
  yatesNot2x2: (variable: string) => `${q(variable)}: --yates applies to 2×2 tables only; this table's chi-square is uncorrected.`,
  zeroWithinVariance: (variable: string) =>
    `${q(variable)}: every group is constant (the within-group variance is 0), so the t/F statistics are undefined (null); compare the values directly.`,
  emptyGroup: (variable: string, group: string) =>
    `${q(variable)}: group ${q(group)} has no non-missing value; it is left out of the test.`,
  droppedRows: (n: number, variable: string) => `${n} row(s) with a missing ${q(variable)} left out of its comparison.`,
} as const;
