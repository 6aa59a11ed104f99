/**
 * Finding a place in a paper's text: a section ("Abstract", "Methods", "Results", "Discussion"),
 * a table or figure by its caption ("Table 5", "Fig. 2"), the lines of a table row, and whether a
 * number is printed in a text (allowing the trailing zeros the paper printed: 0.91 is "0.910").
 * Pure string functions; the registry test uses them to check every number against the seeds.
 *
 * @example
 * paperSection('Title\nAbstract\nWe saw 186.\nKeywords x\nIntroduction\n', 'Abstract') // 'Title\nAbstract\nWe saw 186.\n'
 * numberPrinted('AUC 0.910 (0.868–0.952)', 0.91) // true
 * numberPrinted('AUC 0.9101', 0.91)              // false
 */

const HEADINGS = ['introduction', 'background', 'methods', 'materials and methods', 'results', 'discussion', 'conclusion', 'conclusions',
  'limitations', 'references', 'acknowledgements', 'acknowledgments', 'declarations'];

/** A caption: at a line start (or after "**"), "Table 2" / "Fig. 1" then a capitalised word (or a panel letter and one):
 *  "Table 2 Univariate …", "**Table 4** Risk …", "Fig. 1 a Overall …" — not "Table 2 summarizes …" or "Table 3. We found …". */
const CAPTION = /(?:^|\*\*)[ \t]*(Table|Figure|Fig\.)[ \t]+(\d+)(?:\*\*)?[ \t]+(?:[a-z][ \t]+)?[A-Z]/gm;

/** Text of `section` in `text`, or null when it cannot be found. Tables and figures end at the next caption (or after 4000 characters). */
export function paperSection(text: string, section: string): string | null {
  const cap = /^(Table|Figure|Fig\.)\s+(\d+)$/.exec(section.trim());
  if (cap) {
    const kind = cap[1] === 'Table' ? 'Table' : 'Figure';
    let start = -1;
    let end = text.length;
    for (const m of text.matchAll(CAPTION)) {
      const k = m[1] === 'Table' ? 'Table' : 'Figure';
      if (start < 0) {
        if (k === kind && m[2] === cap[2]) start = m.index!;
      } else if (!(k === kind && m[2] === cap[2])) {
        end = m.index!;
        break;
      }
    }
    if (start < 0) return null;
    return text.slice(start, Math.min(end, start + 4000));
  }
  const lines = text.split('\n');
  const want = section.trim().toLowerCase();
  const isHeading = (l: string) => HEADINGS.includes(l.trim().toLowerCase()) || /^keywords\b/i.test(l.trim());
  if (want === 'abstract') {
    const stop = lines.findIndex((l) => isHeading(l));
    return lines.slice(0, stop < 0 ? lines.length : stop).join('\n') + '\n';
  }
  const matches = (l: string) => {
    const t = l.trim().toLowerCase();
    return t === want || (want === 'methods' && t === 'materials and methods');
  };
  const from = lines.findIndex(matches);
  if (from < 0) return null;
  let to = lines.length;
  for (let i = from + 1; i < lines.length; i++) if (isHeading(lines[i]) && !matches(lines[i])) { to = i; break; }
  return lines.slice(from, to).join('\n') + '\n';
}

/** The lines of `sectionText` that contain `row` (a table row's label). */
export function rowLines(sectionText: string, row: string): string[] {
  return sectionText.split('\n').filter((l) => l.includes(row));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `value` is printed in `text` as a whole number token (trailing zeros allowed, − or - for negatives). */
export function numberPrinted(text: string, value: number): boolean {
  const s = String(Math.abs(value));
  const body = s.includes('.') ? `${escape(s)}0*` : `${escape(s)}(?:\\.0+)?`;
  const sign = value < 0 ? '[-−]' : '';
  const re = new RegExp(`(?<![\\d.])${sign}${body}(?![\\d]|\\.\\d)`);
  return re.test(text);
}

/** True when a printed text such as "<0.001" appears in `text`, ignoring spaces. */
export function textPrinted(text: string, printed: string): boolean {
  return text.replace(/\s+/g, '').includes(printed.replace(/\s+/g, ''));
}
