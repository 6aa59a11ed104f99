/** A plain-text table for terminal output: right-aligns numbers, left-aligns text. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const isNum = headers.map((_, j) => rows.every((r) => /^[-+<>]?[\d.,eE+-]*$|^NA$|^—$/.test(r[j] ?? '')));
  const fmt = (cells: readonly string[], header: boolean) =>
    cells.map((c, j) => (isNum[j] && !header ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd();
  return [fmt(headers, true), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => fmt(r, false))].join('\n') + '\n';
}
