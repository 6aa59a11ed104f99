/**
 * The Tongji export (../shared/data/real, a long XLSX: 375 patients, 6,120 draws) and the study the
 * tests read it with: SII per draw, the first draw's SII per patient, death from admission to
 * discharge; `rest` (YAML lines) adds cut-offs and analyses.
 */
import { join } from 'node:path';
import { REAL } from './shared.js';

export const TONGJI = join(REAL, 'tongji_covid19_375_timeseries.xlsx');

export const tongjiStudy = (rest = '') => `version: 1
sources: [{ file: ${JSON.stringify(TONGJI)}, format: long }]
variables:
  patientId: PATIENT_ID
  drawDate: RE_DATE
  treatmentDate: Admission time
  lastFollowUpDate: Discharge time
  neutrophils: { column: neutrophils count, unit: 10^9/L }
  lymphocytes: { column: lymphocyte count, unit: 10^9/L }
  platelets: { column: Platelet count, unit: 10^9/L }
  death: outcome
derived:
  - { name: SII, index: SII }
  - { name: SII_first, aggregate: first, of: SII }
endpoints:
  death: { type: survival, events: [death], unit: days }
${rest}`;
