/**
 * The evidence registry's record of one seed study: who, where, which patients and treatment, the
 * endpoint, how the markers were defined, the cutoffs and how they were chosen, what was found in
 * each category, the reported statistics with their intervals, and whether the paper's model can
 * give an absolute probability. Every number carries the place in the paper it was read from
 * (`location`), and a test checks that it is printed there (test/evidence/registry.test.ts).
 */

/** Where a number is printed: a section of the paper ("Table 5", "Abstract", "Results", "Methods")
 *  or the separate abstract file, and optionally the table row (a text on the same line). */
export interface PaperLocation {
  readonly section: string;
  readonly file?: 'paper' | 'abstract';
  readonly row?: string;
}

export type Marker = 'SII' | 'NLR' | 'PLR' | 'AFP' | 'SII+AFP';
export type Direction = '>' | '>=';

/** A statistic as reported: the number, its interval, and where it is printed. */
export interface Reported {
  /** AUC, sensitivity, specificity, HR, OR, 'relative risk', Youden, beta, SE, Wald, n … */
  readonly quantity: string;
  /** What it is about, e.g. "SII ≥ 375.56 (multivariable Cox)". */
  readonly about: string;
  /** The number (absent for a bare P value such as a log-rank test). */
  readonly value?: number;
  readonly lower?: number;
  readonly upper?: number;
  /** Standard deviation (for a printed mean ± SD). */
  readonly sd?: number;
  /** Standard error, as printed. */
  readonly se?: number;
  /** P value as printed (text: "<0.001", "0.000"). */
  readonly p?: string;
  /** Notes (inconsistencies, how the paper labels it). */
  readonly note?: string;
  readonly location: PaperLocation;
}

export interface Cutoff {
  readonly marker: Marker;
  readonly value: number;
  /** Patients above (`>`) or at-or-above (`>=`) the cutoff are `high`. */
  readonly direction: Direction;
  readonly unit: string;
  /** How the authors chose it. */
  readonly chosenBy: string;
  readonly location: PaperLocation;
  /** What the study found for patients in each category, in plain words. */
  readonly findings: { readonly high: string; readonly low: string };
  /** Caveats that belong to this cutoff (not to the patient). */
  readonly caveats?: readonly string[];
  /** The cutoff is the study's main SII result. */
  readonly primary?: boolean;
}

/** hong2021 Fig. 2: four groups by SII and AFP. */
export interface CombinedGroups {
  readonly marker: 'SII+AFP';
  readonly sii: { readonly value: number; readonly direction: Direction; readonly location: PaperLocation };
  readonly afp: { readonly value: number; readonly direction: Direction; readonly unit: string; readonly location: PaperLocation };
  /** Findings for 'SII high, AFP high' etc. (keys: high-high, high-low, low-high, low-low; SII first). */
  readonly findings: Readonly<Record<'high-high' | 'high-low' | 'low-high' | 'low-low', string>>;
  readonly location: PaperLocation;
  readonly caveats?: readonly string[];
}

export interface PublishedModelTerm {
  readonly term: string;
  /** Coefficient (log odds ratio or log hazard ratio) as printed; null when only the ratio is printed. */
  readonly coef: number | null;
  readonly location: PaperLocation;
}

/** The paper's multivariable model, and whether it could yield an absolute probability. */
export interface PublishedModel {
  readonly kind: 'logistic' | 'cox';
  readonly location: PaperLocation;
  readonly terms: readonly PublishedModelTerm[];
  /** The logistic intercept ("Constant"), when printed. */
  readonly intercept: number | null;
  readonly interceptLocation?: PaperLocation;
  /** Whether the paper gives the intercept (logistic) or baseline survival (Cox). */
  readonly interceptOrBaselineGiven: boolean;
  /** Whether every coefficient of the model is printed (not only ratios or selected terms). */
  readonly allCoefficientsGiven: boolean;
  /** The model's terms are 0/1 indicators (so every possible linear predictor can be enumerated). */
  readonly binaryTerms: boolean;
  readonly note: string;
}

export interface StudyRecord {
  readonly id: string;
  readonly citation: string;
  readonly title: string;
  readonly doi: string | null;
  readonly source: { readonly paper: string; readonly abstract: string | null };
  readonly country: string | null;
  readonly setting: string;
  readonly design: string;
  readonly period: string | null;
  readonly n: number;
  readonly events: number | null;
  readonly counts: readonly Reported[];
  readonly treatment: { readonly description: string; readonly tags: readonly string[] };
  readonly population: string;
  readonly endpoint: {
    readonly name: string;
    readonly type: 'binary' | 'time-to-event';
    readonly horizon: string;
    readonly analysis: string;
  };
  /** What a patient must be like for the findings to apply (checked against the caller's patient). */
  readonly applicability: {
    /** The kind of outcome the findings are about. */
    readonly endpointKind: 'recurrence' | 'survival';
    /** Child–Pugh classes the study included. */
    readonly childPughClasses: readonly ('A' | 'B' | 'C')[];
    /** Largest tumour included (cm), or null when not restricted. */
    readonly maxTumourSizeCm: number | null;
    readonly location: PaperLocation;
  };
  readonly markers: readonly { readonly marker: string; readonly definition: string; readonly timing: string }[];
  readonly cutoffs: readonly Cutoff[];
  readonly combined?: CombinedGroups;
  readonly reported: readonly Reported[];
  readonly model: PublishedModel | null;
  /** Caveats that apply to every use of this study's results. */
  readonly caveats: readonly string[];
}
