/**
 * The one-click fix when every patient of a long file is excluded for lacking a draw on or before
 * the time origin: each per-patient `aggregate: baseline` becomes `aggregate: first` (renamed
 * `…_baseline` → `…_first`, and references to it renamed too). Returns null when the spec has no
 * baseline aggregate to switch.
 *
 * @example switchToFirstDraw('derived:\n  - { name: SII_baseline, aggregate: baseline, of: SII }\n') // '…name: SII_first, aggregate: first…'
 */
import { parseDocument, isMap, isSeq, isScalar, visit } from 'yaml';

/** Whether a pipeline error is "everybody excluded for want of a draw before the origin". */
export const allExcludedForBaseline = (error: string | null): boolean =>
  !!error && /all \d+ patients were excluded/.test(error) && /no blood draw on or before the time origin/.test(error);

export function switchToFirstDraw(yaml: string): string | null {
  const doc = parseDocument(yaml);
  const derived = doc.get('derived', true);
  if (!isSeq(derived)) return null;
  const renames = new Map<string, string>();
  for (const item of derived.items) {
    if (!isMap(item) || item.get('aggregate') !== 'baseline') continue;
    item.set('aggregate', 'first');
    const name = String(item.get('name'));
    const next = name.endsWith('_baseline') ? `${name.slice(0, -'_baseline'.length)}_first` : name;
    if (next !== name) {
      item.set('name', next);
      renames.set(name, next);
    }
  }
  if (renames.size === 0 && !derived.items.some((i) => isMap(i) && i.get('aggregate') === 'first')) return null;
  // References elsewhere (cut-offs keys, analyses lists) follow the new names.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && renames.has(String(pair.key.value))) pair.key.value = renames.get(String(pair.key.value));
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && renames.has(node.value)) node.value = renames.get(node.value);
    },
  });
  return doc.toString({ lineWidth: 120 });
}
