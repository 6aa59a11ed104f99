/**
 * Simulates a cohort from a profile: group sizes and category counts exactly as published,
 * continuous variables with the published group means and SDs (moment-matched), blood counts whose
 * SII = P·N/L reproduces the SII variable, survival or recurrence times with the published event
 * rates/medians and the paper's hazard ratios (exponential proportional hazards; baseline hazard
 * solved so the cohort's median or event proportion matches), and repeated blood draws on a
 * schedule. Deterministic for a seed. Pure: returns rows; writing files is the caller's job.
 */
import type { CohortProfile, PerGroup, ProfileEndpoint } from './profile.js';
import { createRng, type Rng } from './rng.js';
import { momentMatched } from './momentMatched.js';

export type SimCell = string | number | null;

export interface SimTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SimCell[])[];
}

export interface SimulatedCohort {
  readonly profileId: string;
  readonly seed: number;
  readonly n: number;
  readonly wide: SimTable;
  /** One row per blood draw (only when the profile has a `repeated` schedule). */
  readonly long: SimTable | null;
  /** Baseline hazard per endpoint (per month) found by calibration, and realised event counts. */
  readonly endpoints: readonly { readonly name: string; readonly baselineHazard: number; readonly events: number }[];
}

const at = (v: PerGroup, g: number): number => (typeof v === 'number' ? v : v[g] ?? v[v.length - 1]);
const round = (x: number, d: number): number => Number(x.toFixed(d));

export function simulateCohort(profile: CohortProfile, opts: { seed?: number; n?: number } = {}): SimulatedCohort {
  const seed = opts.seed ?? profile.seed;
  const rng = createRng(seed);
  const published = profile.groups.reduce((s, g) => s + g.n, 0);
  const scale = opts.n ? opts.n / published : 1;
  const sizes = scaledSizes(profile.groups.map((g) => g.n), scale);
  const n = sizes.reduce((a, b) => a + b, 0);
  const group = new Int32Array(n);
  {
    let k = 0;
    sizes.forEach((m, g) => {
      for (let i = 0; i < m; i++) group[k++] = g;
    });
  }
  const values = new Map<string, Float64Array | string[]>();
  for (const v of profile.variables) {
    if (v.type === 'categorical') {
      const out: string[] = new Array(n);
      let k = 0;
      sizes.forEach((m, g) => {
        const counts = scaledSizes(v.counts[g].map(Number), m / v.counts[g].reduce((a, b) => a + b, 0));
        const labels: string[] = [];
        counts.forEach((c, l) => {
          for (let i = 0; i < c; i++) labels.push(v.levels[l]);
        });
        rng.shuffle(labels);
        for (const l of labels) out[k++] = l;
      });
      values.set(v.name, out);
    } else {
      const out = new Float64Array(n);
      let k = 0;
      sizes.forEach((m, g) => {
        const lo = v.min === undefined ? -Infinity : at(v.min, g);
        const hi = v.max === undefined ? Infinity : at(v.max, g);
        const x = momentMatched(rng, m, at(v.mean, g), at(v.sd, g), v.type, lo);
        for (let i = 0; i < m; i++) out[k++] = Math.min(hi, Math.max(lo, x[i]));
      });
      values.set(v.name, out);
    }
  }
  values.set(profile.groupBy, Array.from(group, (g) => profile.groups[g].label));
  const blood = profile.blood ? drawBlood(profile, rng, sizes, values) : null;
  const endpointCols: { name: string; time: Float64Array; event: Uint8Array; h0: number }[] = [];
  for (const ep of profile.endpoints ?? []) endpointCols.push({ name: ep.name, ...drawEndpoint(ep, profile, rng, group, values) });
  for (const ep of profile.endpoints ?? []) {
    if (!ep.before) continue;
    const a = endpointCols.find((e) => e.name === ep.name)!;
    const b = endpointCols.find((e) => e.name === ep.before);
    if (!b) continue;
    // Recurrence cannot follow death: an event drawn after the patient's death is moved before it;
    // a censored follow-up cannot outlast the death either.
    for (let i = 0; i < n; i++) if (b.event[i] && a.time[i] > b.time[i]) a.time[i] = a.event[i] ? b.time[i] * (0.3 + 0.6 * rng.uniform()) : b.time[i];
  }

  // Row order is shuffled so the file is not sorted by group.
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const columns = ['id', profile.groupBy];
  for (const v of profile.variables) columns.push(v.name);
  if (blood) columns.push('neutrophils', 'lymphocytes', 'platelets', ...(blood.monocytes ? ['monocytes', 'wbc'] : []));
  const start = profile.treatmentStart ? Date.parse(profile.treatmentStart + 'T00:00:00Z') : null;
  // Accrual keeps the published calendar span when n is rescaled (patients per day grow instead).
  const accrualMs = ((profile.accrualDays ?? 3) * 86400000 * published) / n;
  if (start !== null) columns.push('treatment_date');
  for (const e of endpointCols) columns.push(`${e.name}_time`, `${e.name}_event`);
  const rows: SimCell[][] = [];
  const ids: string[] = new Array(n);
  order.forEach((i, r) => {
    const id = `P${String(r + 1).padStart(4, '0')}`;
    ids[i] = id;
    const row: SimCell[] = [id, profile.groups[group[i]].label];
    for (const v of profile.variables) {
      const col = values.get(v.name)!;
      row.push(typeof col[i] === 'string' ? (col[i] as string) : round(col[i] as number, v.type === 'categorical' ? 0 : v.decimals ?? 2));
    }
    if (blood) {
      row.push(round(blood.neutrophils[i], 3), round(blood.lymphocytes[i], 3), round(blood.platelets[i], 1));
      if (blood.monocytes) row.push(round(blood.monocytes[i], 3), round(blood.wbc![i], 2));
    }
    if (start !== null) row.push(isoDate(start + Math.floor(r * accrualMs / 86400000) * 86400000));
    for (const e of endpointCols) row.push(round(e.time[i], 2), e.event[i]);
    rows.push(row);
  });
  const long = profile.repeated && blood ? drawRepeated(profile, rng, order, ids, values, blood, lastFollowUp(endpointCols), start, accrualMs) : null;
  return {
    profileId: profile.id,
    seed,
    n,
    wide: { columns, rows },
    long,
    endpoints: endpointCols.map((e) => ({ name: e.name, baselineHazard: e.h0, events: e.event.reduce((a, b) => a + b, 0) })),
  };
}

/** Integer sizes proportional to `counts × scale` that sum to round(total × scale) (largest remainder). */
function scaledSizes(counts: readonly number[], scale: number): number[] {
  if (scale === 1) return [...counts];
  const target = Math.round(counts.reduce((a, b) => a + b, 0) * scale);
  const raw = counts.map((c) => c * scale);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; out.reduce((a, b) => a + b, 0) < target; k++) out[order[k % order.length][1]]++;
  return out;
}

interface Blood {
  neutrophils: Float64Array;
  lymphocytes: Float64Array;
  platelets: Float64Array;
  monocytes: Float64Array | null;
  wbc: Float64Array | null;
}

function drawBlood(profile: CohortProfile, rng: Rng, sizes: number[], values: Map<string, Float64Array | string[]>): Blood {
  const b = profile.blood!;
  const sii = values.get(b.sii) as Float64Array;
  const n = sii.length;
  const per = (spec: { mean: PerGroup; sd: PerGroup }) => {
    const out = new Float64Array(n);
    let k = 0;
    sizes.forEach((m, g) => {
      const x = momentMatched(rng, m, at(spec.mean, g), at(spec.sd, g), 'lognormal', 0);
      for (let i = 0; i < m; i++) out[k++] = x[i];
    });
    return out;
  };
  const lymphocytes = per(b.lymphocytes);
  const platelets = 'variable' in b.platelets ? (values.get(b.platelets.variable) as Float64Array) : per(b.platelets);
  // Round L and P as written, then solve N so that the written counts reproduce the SII.
  const neutrophils = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lymphocytes[i] = Math.max(0.2, round(lymphocytes[i], 3));
    platelets[i] = round(platelets[i], 1);
    neutrophils[i] = (sii[i] * lymphocytes[i]) / platelets[i];
  }
  let monocytes: Float64Array | null = null;
  let wbc: Float64Array | null = null;
  if (b.monocytes) {
    monocytes = per(b.monocytes);
    wbc = new Float64Array(n);
    for (let i = 0; i < n; i++) wbc[i] = neutrophils[i] + lymphocytes[i] + monocytes[i] + 0.15;
  }
  return { neutrophils, lymphocytes, platelets, monocytes, wbc };
}

function linearPredictor(ep: ProfileEndpoint, values: Map<string, Float64Array | string[]>, i: number): number {
  let lp = 0;
  for (const e of ep.effects ?? []) {
    const col = values.get(e.variable);
    if (!col) continue;
    const v = col[i];
    if (typeof v === 'string') lp += v === e.level ? Math.log(e.hazardRatio) : 0;
    else if (e.cutoff !== undefined) lp += v >= e.cutoff ? Math.log(e.hazardRatio) : 0;
    else lp += v * Math.log(e.hazardRatio);
  }
  return lp;
}

function drawEndpoint(ep: ProfileEndpoint, profile: CohortProfile, rng: Rng, group: Int32Array, values: Map<string, Float64Array | string[]>) {
  const n = group.length;
  const risk = new Float64Array(n);
  for (let i = 0; i < n; i++) risk[i] = Math.exp(linearPredictor(ep, values, i));
  const follow = new Float64Array(n);
  const minF = ep.minFollowUp ?? ep.horizon;
  for (let i = 0; i < n; i++) follow[i] = minF + (ep.horizon - minF) * rng.uniform();
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  if (ep.eventGroups) {
    // Event for exactly the listed groups, at a time before their end of follow-up, drawn from the
    // exponential truncated to (0, follow-up]; the others are censored at their follow-up.
    const h0 = Math.LN2 / (ep.median ?? ep.horizon / 2);
    for (let i = 0; i < n; i++) {
      const inGroup = ep.eventGroups.includes(profile.groups[group[i]].label);
      if (!inGroup) {
        time[i] = follow[i];
        continue;
      }
      const lam = h0 * risk[i];
      const u = rng.uniform();
      time[i] = Math.max(0.05, -Math.log(1 - u * (1 - Math.exp(-lam * follow[i]))) / lam);
      event[i] = 1;
    }
    return { time, event, h0 };
  }
  const target = (h: number): number => {
    let s = 0;
    if (ep.median !== undefined) {
      for (let i = 0; i < n; i++) s += Math.exp(-h * risk[i] * ep.median);
      return s / n - 0.5; // decreasing in h; root where cohort survival at the median is 0.5
    }
    for (let i = 0; i < n; i++) s += Math.exp(-h * risk[i] * follow[i]);
    return s / n - (1 - (ep.eventProportion ?? 0.5));
  };
  let lo = 1e-8;
  let hi = 10;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(lo * hi);
    if (target(mid) > 0) lo = mid;
    else hi = mid;
  }
  const h0 = Math.sqrt(lo * hi);
  for (let i = 0; i < n; i++) {
    const t = -Math.log(rng.uniform()) / (h0 * risk[i]);
    if (t <= follow[i]) {
      time[i] = Math.max(0.05, t);
      event[i] = 1;
    } else time[i] = follow[i];
  }
  return { time, event, h0 };
}

function drawRepeated(
  profile: CohortProfile,
  rng: Rng,
  order: number[],
  ids: string[],
  values: Map<string, Float64Array | string[]>,
  blood: Blood,
  followUp: Float64Array | null,
  start: number | null,
  accrualMs: number,
): SimTable {
  const rep = profile.repeated!;
  const sigma = Math.sqrt(Math.log(1 + rep.cv * rep.cv));
  const afp = values.get('afp') as Float64Array | undefined;
  const columns = ['id', 'draw_date', 'months', 'neutrophils', 'lymphocytes', 'platelets', ...(afp ? ['afp'] : [])];
  const rows: SimCell[][] = [];
  order.forEach((i, r) => {
    const months = rep.schedule.filter((m) => followUp === null || m <= Math.max(followUp[i], rep.schedule[0]));
    const k = months.length;
    // Multiplicative log-normal noise with mean 1, renormalised so the patient's draws average
    // exactly to the patient's SII (and AFP): the per-patient mean is what deng2025 analysed.
    const noise = (): Float64Array => {
      const z = new Float64Array(k);
      let s = 0;
      for (let j = 0; j < k; j++) s += z[j] = Math.exp(sigma * rng.normal() - (sigma * sigma) / 2);
      for (let j = 0; j < k; j++) z[j] *= k / s;
      return z;
    };
    const siiNoise = noise();
    const afpNoise = afp ? noise() : null;
    const baseDate = start !== null ? start + Math.floor(r * accrualMs / 86400000) * 86400000 : null;
    for (let j = 0; j < k; j++) {
      const l = round(blood.lymphocytes[i], 3);
      const p = round(blood.platelets[i], 1);
      const target = blood.neutrophils[i] * siiNoise[j];
      rows.push([
        ids[i],
        baseDate === null ? null : isoDate(baseDate + Math.round(months[j] * 30.4375) * 86400000),
        months[j],
        round(target, 3),
        l,
        p,
        ...(afp && afpNoise ? [round(afp[i] * afpNoise[j], 2)] : []),
      ]);
    }
  });
  return { columns, rows };
}

/** A patient's follow-up for blood draws: the longest time over the endpoints (death or last contact). */
function lastFollowUp(cols: readonly { time: Float64Array }[]): Float64Array | null {
  if (!cols.length) return null;
  const out = new Float64Array(cols[0].time.length);
  for (const c of cols) for (let i = 0; i < out.length; i++) out[i] = Math.max(out[i], c.time[i]);
  return out;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
