/**
 * A cohort profile: what a paper publishes about its cohort (group sizes, per-group summaries,
 * event rates, effects), from which `simulateCohort` draws patient rows that reproduce it.
 * Profiles are YAML files (examples/<paper>/profile.yaml); see docs in the README.
 */

/** Values given per group, in the order of `groups` (a single value applies to every group). */
export type PerGroup = number | readonly number[];

export interface ProfileGroup {
  /** Value written to the grouping column for this group. */
  readonly label: string;
  readonly n: number;
}

export type ProfileVariable =
  | {
      readonly name: string;
      readonly type: 'normal' | 'lognormal';
      readonly mean: PerGroup;
      readonly sd: PerGroup;
      /** Decimals written to the file (default 2). */
      readonly decimals?: number;
      /** Bounds (per group allowed): values are clamped into them. */
      readonly min?: PerGroup;
      readonly max?: PerGroup;
      readonly unit?: string;
      /** Where the paper prints it, e.g. "Table 2". */
      readonly source?: string;
    }
  | {
      readonly name: string;
      readonly type: 'categorical';
      readonly levels: readonly string[];
      /** counts[g][k]: patients of group g at level k (must sum to the group's n). */
      readonly counts: readonly (readonly number[])[];
      readonly source?: string;
    };

/** How neutrophil, lymphocyte and platelet counts (10^9/L) are drawn so that P·N/L equals the SII variable. */
export interface ProfileBlood {
  /** Name of the SII variable (already drawn) the counts must reproduce. */
  readonly sii: string;
  /** Lymphocytes, 10^9/L: log-normal with this mean and SD (per group allowed). */
  readonly lymphocytes: { readonly mean: PerGroup; readonly sd: PerGroup };
  /** Platelets, 10^9/L: log-normal with this mean and SD, or the name of a drawn variable. */
  readonly platelets: { readonly mean: PerGroup; readonly sd: PerGroup } | { readonly variable: string };
  /** Also write monocytes (10^9/L) and white cells so SIRI/PIV/dNLR can be computed. */
  readonly monocytes?: { readonly mean: PerGroup; readonly sd: PerGroup };
}

export interface ProfileEffect {
  /** A drawn variable; with `cutoff`, the effect applies to value >= cutoff; otherwise per unit. */
  readonly variable: string;
  readonly cutoff?: number;
  /** Level of a categorical variable the effect applies to. */
  readonly level?: string;
  readonly hazardRatio: number;
}

export interface ProfileEndpoint {
  /** Columns `<name>_time` and `<name>_event` are written (months). */
  readonly name: string;
  /** Target: median time (months) in the whole cohort, or proportion with the event by `horizon`. */
  readonly median?: number;
  readonly eventProportion?: number;
  /** Administrative end of follow-up (months). */
  readonly horizon: number;
  /** Follow-up per patient is uniform on [min, horizon] (censoring by study end). */
  readonly minFollowUp?: number;
  /** When set, the event happens (before the horizon) exactly for patients of these groups and never for the others. */
  readonly eventGroups?: readonly string[];
  readonly effects?: readonly ProfileEffect[];
  /** Name of a later-listed endpoint (e.g. os) this event must precede: an event time past that endpoint's death is moved before it. */
  readonly before?: string;
}

export interface ProfileRepeated {
  /** Months after treatment at which blood is drawn (deng2025: 1, 3, 6, 9, 12, then every 6). */
  readonly schedule: readonly number[];
  /** Within-patient coefficient of variation of each draw around the patient's mean. */
  readonly cv: number;
}

/** A number the paper prints, and where the demo finds its reproduction in the results bundle. */
export interface ProfilePublished {
  readonly label: string;
  readonly value: number;
  /** Where the paper prints it, e.g. "Table 5". */
  readonly source: string;
  /** Path into the results (see src/demo/reproducedValue.ts), e.g. "roc:SII_mean:auc". */
  readonly key: string;
}

export interface CohortProfile {
  readonly id: string;
  readonly title: string;
  readonly citation: string;
  readonly seed: number;
  /** Name of the grouping column (e.g. recurrence). */
  readonly groupBy: string;
  readonly groups: readonly ProfileGroup[];
  readonly variables: readonly ProfileVariable[];
  readonly blood?: ProfileBlood;
  readonly endpoints?: readonly ProfileEndpoint[];
  readonly repeated?: ProfileRepeated;
  /** Date of treatment for patient 1; later patients are accrued one per `accrualDays`. */
  readonly treatmentStart?: string;
  /** The paper's printed numbers the demo sets beside the reproduced ones. */
  readonly published?: readonly ProfilePublished[];
  readonly accrualDays?: number;
}
