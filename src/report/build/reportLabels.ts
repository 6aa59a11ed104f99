/**
 * Names as a reader sees them: each endpoint and variable by its `label:` in the study file, else a
 * readable default ("os" → "overall survival", "timeToRecurrence" → "time to recurrence"), never
 * the spec's identifier capitalised ("Os"). `labelledBundle` returns a copy of the bundle whose
 * endpoint and grouping names are these labels, for rendering only (tables, figures, text).
 */
import type { ResultsBundle } from '../../analysis/bundle.js';
import type { StudySpec } from '../../study/types.js';

const ENDPOINT_DEFAULTS: Readonly<Record<string, string>> = {
  os: 'overall survival',
  pfs: 'progression-free survival',
  rfs: 'recurrence-free survival',
  dfs: 'disease-free survival',
  efs: 'event-free survival',
  css: 'cancer-specific survival',
  ttp: 'time to progression',
  ttr: 'time to recurrence',
};

/** "timeToRecurrence" → "time to recurrence", "time_to_death" → "time to death"; other names unchanged. */
function words(name: string): string {
  if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(name)) return name.replace(/([A-Z])/g, ' $1').toLowerCase();
  if (/^[a-z]+(?:_[a-z]+)+$/.test(name)) return name.replace(/_/g, ' ');
  return name;
}

export function endpointLabel(spec: StudySpec | null | undefined, name: string): string {
  const e = spec?.endpoints?.[name];
  if (e?.label) return e.label;
  return ENDPOINT_DEFAULTS[name.toLowerCase()] ?? words(name);
}

export function variableLabel(spec: StudySpec | null | undefined, name: string): string {
  if (!spec) return name;
  const m = (spec.variables as Record<string, unknown> | undefined)?.[name] ?? spec.covariates?.[name];
  if (m && typeof m === 'object' && 'label' in m && typeof (m as { label?: unknown }).label === 'string') return (m as { label: string }).label;
  const d = (spec.derived ?? []).find((x) => x.name === name);
  return d?.label ?? name;
}

/**
 * What a ROC curve of an endpoint discriminates: a binary endpoint by its label; a survival endpoint
 * by its event ("death", not "overall survival": higher SII indicates death, not survival).
 */
export function rocOutcomeLabel(spec: StudySpec | null | undefined, name: string): string {
  const e = spec?.endpoints?.[name];
  if (e?.type !== 'survival' || !e.events?.length) return endpointLabel(spec, name);
  return e.events.map((x) => variableLabel(spec, x)).join(' or ');
}

/** A copy of the bundle with endpoints and grouping variables named by their labels (for rendering). */
export function labelledBundle(b: ResultsBundle): ResultsBundle {
  const spec = (b.spec ?? null) as StudySpec | null;
  const ep = (n: string) => endpointLabel(spec, n);
  const v = (n: string) => variableLabel(spec, n);
  const analyses = b.analyses.map((a) => {
    const out: Record<string, unknown> = { ...a };
    if ('endpoint' in a && typeof a.endpoint === 'string') out.endpoint = a.kind === 'roc' ? rocOutcomeLabel(spec, a.endpoint) : ep(a.endpoint);
    if ('by' in a && Array.isArray(a.by)) out.by = a.by.map(v);
    if ('groupBy' in a && typeof a.groupBy === 'string') out.groupBy = v(a.groupBy);
    return out;
  }) as unknown as ResultsBundle['analyses'];
  const cutoffs = b.cutoffs.map((c) => ({
    ...c,
    variable: v(c.variable),
    endpoint: c.endpoint ? ep(c.endpoint) : c.endpoint,
    maxstat: c.maxstat ? { ...c.maxstat, endpoint: ep(c.maxstat.endpoint) } : c.maxstat,
  })) as unknown as ResultsBundle['cutoffs'];
  return { ...b, analyses, cutoffs };
}
