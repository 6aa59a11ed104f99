/**
 * The results bundle: every number of a study run with its analysis, n and provenance, as plain
 * JSON. The same inputs give a byte-identical bundle (no clock time, keys in a fixed order, numbers
 * as computed). The report renders from it; the web application stores it.
 */
import type { Plain } from './plain.js';
import type { AnalysisResult } from './runAnalyses.js';
import type { CutoffResult } from './cutoffs.js';
import type { ModelFile } from '../model/modelFile.js';
import type { DataNote } from '../cohort/dataNote.js';

export interface BundleInput {
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  /** The SQL run on a database source (the connection string is never recorded). */
  readonly query?: string;
}

export interface BundleFlow {
  readonly screened: number;
  readonly steps: readonly {
    readonly reason: string;
    readonly label: string;
    readonly n: number;
    /** The same patients by the variable that excluded them (largest first). */
    readonly byVariable?: readonly { readonly variable: string | null; readonly n: number }[];
  }[];
  readonly analysed: number;
  readonly excluded: readonly {
    readonly id: string;
    readonly reason: string;
    readonly label: string;
    readonly detail: string;
    readonly rows: readonly { readonly file: string; readonly row: number }[];
    /** The variable and value that excluded the patient (null: none / missing). */
    readonly variable?: string | null;
    readonly value?: string | number | null;
  }[];
  /** Facts about the values read (mixed units converted, missing codes, implausible, zero, unusual), with every row. */
  readonly dataNotes?: readonly DataNote[];
  /** Optional split of the analysed patients for the diagram (e.g. by outcome). */
  readonly groups?: readonly { readonly label: string; readonly n: number }[];
}

export interface ResultsBundle {
  readonly format: 'siilab-results';
  readonly formatVersion: 1;
  readonly siilabVersion: string;
  readonly title: string;
  /** The study spec as run (after defaults). */
  readonly spec: unknown;
  readonly specFile: string | null;
  readonly inputs: readonly BundleInput[];
  /** Simulated data: the profile and seed (the report labels it clearly). */
  readonly simulated: { readonly profile: string; readonly seed: number; readonly citation: string } | null;
  readonly seed: number | null;
  readonly flow: BundleFlow;
  readonly cutoffs: readonly Plain<CutoffResult>[];
  readonly analyses: readonly Plain<AnalysisResult>[];
  readonly warnings: readonly string[];
  /** The fitted multivariable model as a `siilab calc --model` file (also written as model.json), or null. */
  readonly model: ModelFile | null;
  /** Why there is no model file (null when there is one). */
  readonly modelNote: string | null;
  /** Methods facts the methods paragraph states (ties, CI types, software). */
  readonly methods: {
    readonly ties: 'efron' | 'breslow';
    readonly kmConfType: string;
    readonly chiSquare: 'pearson' | 'yates';
    readonly rocTest: string;
    readonly software: string;
  };
}
