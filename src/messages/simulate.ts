/** User-facing messages of the cohort simulator and `siilab simulate` / `siilab power`. */
export const simulateMessages = {
  profileUnreadable: (file: string, why: string) => `${file}: the profile cannot be read (${why}).`,
  profileField: (file: string, field: string, problem: string, line: number | null) =>
    `${file}${line ? `, line ${line}` : ''}: field '${field}' ${problem}`,
  countsDoNotSum: (file: string, variable: string, group: string, sum: number, n: number) =>
    `${file}: variable '${variable}', group '${group}': the counts add up to ${sum}, but the group has n = ${n}.`,
  outExists: (file: string) => `${file} exists already; choose another --out or pass --force.`,
} as const;
