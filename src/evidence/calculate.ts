/**
 * The bedside calculator: for one patient, the indices; for every study in the registry, the
 * patient's category by that study's cut-off (and hong2021's SII × AFP four groups), what the
 * study found for that category in plain words, and the caveats that limit how far it applies;
 * and an absolute probability only from a model that can give one (a fitted model file, or a
 * published model that prints every coefficient and passes the consistency check).
 *
 * Pure apart from the refusals it throws (data errors naming value, unit and fix).
 *
 * @example
 * const r = calculate({ raw: { neutrophils: 4.2, lymphocytes: 1.5, platelets: 180 }, treatment: 'TACE' });
 * r.indices.sii // 504
 * r.evidence.find((e) => e.study === 'yu2023')?.category // 'high'  (504 > 405.08)
 */
import { calcMessages as M } from '../messages/calc.js';
import { indicesMessages as IM } from '../messages/indices.js';
import { computeIndices, type IndexSet } from '../indices/computeIndices.js';
import { childPugh, type Ascites, type ChildPughResult, type Encephalopathy } from '../indices/childPugh.js';
import { normaliseInputs, type InputUnits, type PatientValue, type RawLabInputs } from '../units/normaliseInputs.js';
import type { LabVariable } from '../units/labVariables.js';
import type { Quantity } from '../units/units.js';
import { predict, type ModelFile, type Prediction } from '../model/modelFile.js';
import { inTermUnits } from '../model/termUnits.js';
import { registry } from './registry.js';
import { publishedModelCheck, type PublishedModelStatus } from './publishedModelCheck.js';
import { treatmentTags } from './treatmentTags.js';
import type { Cutoff, Direction, Marker, StudyRecord } from './types.js';
import { bodyOfEvidence, type BodyOfEvidence } from './bodyOfEvidence.js';

export interface CalcInput {
  readonly raw: RawLabInputs;
  readonly units?: InputUnits;
  /** CLI option that sets each quantity's unit (named in refusals), e.g. { count: '--count-unit' }. */
  readonly unitOptions?: Partial<Record<Quantity, string>>;
  readonly treatment?: string | null;
  /** The outcome the caller asks about; studies of another kind get a caveat. */
  readonly endpoint?: 'recurrence' | 'survival' | null;
  /** The patient's Child–Pugh class (else the computed one, when all five items are given). */
  readonly childPughClass?: 'A' | 'B' | 'C' | null;
  /** The patient's largest tumour diameter, cm. */
  readonly tumourSizeCm?: number | null;
  /** Child–Pugh items besides bilirubin and albumin (all three needed for a score). */
  readonly ascites?: Ascites | null;
  readonly encephalopathy?: Encephalopathy | null;
  readonly model?: { readonly file: string; readonly model: ModelFile } | null;
  /** Studies to use (default: the whole registry). */
  readonly studies?: readonly StudyRecord[];
}

export type Category = 'high' | 'low' | 'high-high' | 'high-low' | 'low-high' | 'low-low';

export interface EvidenceEntry {
  readonly study: string;
  readonly citation: string;
  readonly marker: Marker;
  /** The cut-off (for SII+AFP: SII's and AFP's). */
  readonly cutoff: number | { readonly sii: number; readonly afp: number };
  readonly direction: Direction | { readonly sii: Direction; readonly afp: Direction };
  readonly unit: string;
  readonly chosenBy: string | null;
  /** The patient's value of the marker (for SII+AFP: both). */
  readonly value: number | { readonly sii: number | null; readonly afp: number | null } | null;
  /** 'high'/'low' by this study's cut-off and direction; SII+AFP: 'high-high' … (SII first); null when the marker is missing. */
  readonly category: Category | null;
  readonly finding: string | null;
  readonly population: string;
  readonly treatment: string;
  readonly endpoint: string;
  readonly caveats: readonly string[];
  /**
   * The caveats where this patient differs from the study's patients (treatment, outcome asked
   * about, Child–Pugh class, tumour size; for what the caller told): also in `caveats`, listed
   * apart so that a page can show them beside the category rather than among the study's caveats.
   */
  readonly applicability: readonly string[];
}

export interface ModelSection {
  /** The absolute probability shown (logistic model file), or null. */
  readonly probability: number | null;
  readonly source: 'file' | 'published' | null;
  readonly fromFile: (Prediction & {
    readonly file: string;
    readonly siilabVersion: string;
    readonly createdFrom: ModelFile['createdFrom'];
    readonly outcome: ModelFile['outcome'];
    readonly timeUnit: string | null;
    /** Validation status shown beside every probability (a model fitted on one's own cohort is "not externally validated" unless its file says otherwise). */
    readonly validation: string;
    /** Who the model was fitted on, when the file says. */
    readonly population: string | null;
  }) | null;
  readonly published: readonly PublishedModelStatus[];
  /** Why no probability from the published models (or null when one is shown). */
  readonly note: string | null;
}

export interface CalcResult {
  readonly indices: IndexSet & { readonly childPugh: ChildPughResult | null };
  readonly inputs: Partial<Record<LabVariable, PatientValue>>;
  readonly treatment: { readonly given: string | null; readonly tags: readonly string[] };
  readonly evidence: readonly EvidenceEntry[];
  readonly model: ModelSection;
  /** The seed studies' SII hazard ratios pooled, and published meta-analyses (beside each study's finding). */
  readonly bodyOfEvidence: BodyOfEvidence;
  readonly warnings: readonly string[];
}

const isHigh = (v: number, cut: number, d: Direction): boolean => (d === '>' ? v > cut : v >= cut);
const fmt = (x: number): string => String(Number(x.toPrecision(4)));

interface Patient {
  readonly treatment: string | null;
  readonly tags: readonly string[];
  readonly endpoint: 'recurrence' | 'survival' | null;
  readonly childPughClass: 'A' | 'B' | 'C' | null;
  readonly tumourSizeCm: number | null;
}

const ENDPOINT_WORDS = { recurrence: 'recurrence or metastasis', survival: 'overall survival' } as const;

/** Caveats where the patient differs from the study's patients (only for what the caller told us). */
function applicability(s: StudyRecord, p: Patient): string[] {
  const out: string[] = [];
  if (p.treatment === null) out.push(M.treatmentNotGiven(s.treatment.description));
  else if (!s.treatment.tags.some((t) => p.tags.includes(t))) out.push(M.treatmentDiffers(s.id, s.treatment.description, p.treatment));
  const a = s.applicability;
  if (p.endpoint !== null && p.endpoint !== a.endpointKind) out.push(M.endpointDiffers(s.id, s.endpoint.name, ENDPOINT_WORDS[p.endpoint]));
  if (p.childPughClass !== null && !a.childPughClasses.includes(p.childPughClass)) out.push(M.childPughOutside(s.id, a.childPughClasses, p.childPughClass));
  if (p.tumourSizeCm !== null && a.maxTumourSizeCm !== null && p.tumourSizeCm > a.maxTumourSizeCm) out.push(M.tumourTooLarge(s.id, a.maxTumourSizeCm, p.tumourSizeCm));
  return out;
}

function nearCutoff(marker: string, v: number, cut: number): string[] {
  return Math.abs(v - cut) <= 0.1 * Math.abs(cut) ? [M.nearCutoff(marker, fmt(v), cut)] : [];
}

export function calculate(input: CalcInput): CalcResult {
  const patient = normaliseInputs(input.raw, input.units ?? {}, input.unitOptions ?? {});
  const val = (k: LabVariable): number | null => patient.values[k]?.value ?? null;
  const { indices, warnings: indexWarnings } = computeIndices({
    neutrophils: val('neutrophils'), lymphocytes: val('lymphocytes'), platelets: val('platelets'), monocytes: val('monocytes'),
    wbc: val('wbc'), albumin: val('albumin'), bilirubin: val('bilirubin'),
  });
  const warnings = [...patient.warnings, ...indexWarnings];

  // Child–Pugh when all five items are there; a warning when only some are.
  let cp: ChildPughResult | null = null;
  const cpItems = { bilirubin: val('bilirubin'), albumin: val('albumin'), inr: val('inr'), ascites: input.ascites ?? null, encephalopathy: input.encephalopathy ?? null };
  const cpMissing = Object.entries(cpItems).filter(([, v]) => v === null).map(([k]) => k);
  if (cpMissing.length === 0) cp = childPugh(cpItems as Parameters<typeof childPugh>[0]);
  else if (cpItems.inr !== null || cpItems.ascites !== null || cpItems.encephalopathy !== null) warnings.push(IM.missingFor('Child–Pugh', cpMissing));

  const treatment = input.treatment?.trim() ? input.treatment.trim() : null;
  const tags = treatment ? treatmentTags(treatment) : [];
  const patientFacts: Patient = {
    treatment, tags, endpoint: input.endpoint ?? null,
    childPughClass: input.childPughClass ?? cp?.class ?? null, tumourSizeCm: input.tumourSizeCm ?? null,
  };
  const markerValue = (m: Marker): number | null =>
    m === 'SII' ? indices.sii : m === 'NLR' ? indices.nlr : m === 'PLR' ? indices.plr : m === 'AFP' ? val('afp') : null;
  const markerNeeds: Record<string, string> = {
    SII: 'it needs neutrophils, lymphocytes and platelets', NLR: 'it needs neutrophils and lymphocytes',
    PLR: 'it needs platelets and lymphocytes', AFP: 'AFP was not given (--afp)',
  };

  const studies = input.studies ?? registry();
  const evidence: EvidenceEntry[] = [];
  for (const s of studies) {
    const common = { study: s.id, citation: s.citation, population: s.population, treatment: s.treatment.description, endpoint: `${s.endpoint.name} (${s.endpoint.horizon})` };
    const apply = applicability(s, patientFacts);
    for (const c of s.cutoffs as readonly Cutoff[]) {
      const v = markerValue(c.marker);
      const category = v === null ? null : isHigh(v, c.value, c.direction) ? 'high' : 'low';
      evidence.push({
        ...common, marker: c.marker, cutoff: c.value, direction: c.direction, unit: c.unit, chosenBy: c.chosenBy, value: v, category,
        finding: category === null ? null : c.findings[category],
        applicability: apply,
        caveats: [
          ...(v === null ? [M.markerMissing(c.marker, markerNeeds[c.marker])] : []),
          ...apply, ...(v === null ? [] : nearCutoff(c.marker, v, c.value)), ...(c.caveats ?? []), ...s.caveats,
        ],
      });
    }
    if (s.combined) {
      const g = s.combined;
      const vs = indices.sii;
      const va = val('afp');
      const category = vs === null || va === null ? null
        : (`${isHigh(vs, g.sii.value, g.sii.direction) ? 'high' : 'low'}-${isHigh(va, g.afp.value, g.afp.direction) ? 'high' : 'low'}` as Category);
      evidence.push({
        ...common, marker: 'SII+AFP', cutoff: { sii: g.sii.value, afp: g.afp.value }, direction: { sii: g.sii.direction, afp: g.afp.direction },
        unit: `SII 10^9/L, AFP ${g.afp.unit}`, chosenBy: null, value: { sii: vs, afp: va }, category,
        finding: category === null ? null : g.findings[category as keyof typeof g.findings],
        applicability: apply,
        caveats: [
          ...(vs === null ? [M.markerMissing('SII', markerNeeds.SII)] : []), ...(va === null ? [M.markerMissing('AFP', markerNeeds.AFP)] : []),
          ...apply, ...(vs === null ? [] : nearCutoff('SII', vs, g.sii.value)), ...(va === null ? [] : nearCutoff('AFP', va, g.afp.value)),
          ...(g.caveats ?? []), ...s.caveats,
        ],
      });
    }
  }

  // Models: published ones are checked; a fitted model file gives the probability with provenance.
  const published = studies.map(publishedModelCheck);
  let fromFile: ModelSection['fromFile'] = null;
  if (input.model) {
    const { file, model } = input.model;
    const inputs: Record<string, number | null> = { ...indices, albiGrade: indices.albiGrade };
    for (const [k, v] of Object.entries(patient.values)) inputs[k] = v?.value ?? null;
    const inUnits = inTermUnits(model.terms, inputs);
    warnings.push(...inUnits.notes);
    const p = predict(model, inUnits.values, file);
    fromFile = { ...p, file, siilabVersion: model.siilabVersion, createdFrom: model.createdFrom, outcome: model.outcome, timeUnit: model.timeUnit ?? null, validation: model.validation ?? 'not externally validated', population: model.population ?? null };
  }
  const usable = published.filter((p) => p.usable);
  const note = usable.length ? usable.map((p) => M.modelNeedsPatientTerms(p.study, (studies.find((s) => s.id === p.study)?.model?.terms ?? []).map((t) => t.term))).join(' ')
    : fromFile ? M.fileModelOnly() : M.onlyCategories();
  return {
    indices: { ...indices, childPugh: cp },
    inputs: patient.values,
    treatment: { given: treatment, tags },
    evidence,
    model: { probability: fromFile?.probability ?? null, source: fromFile ? 'file' : null, fromFile, published, note },
    bodyOfEvidence: bodyOfEvidence(studies),
    warnings,
  };
}
