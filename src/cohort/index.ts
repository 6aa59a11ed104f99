/** The cohort data layer's public API (this file only re-exports). */
export { loadStudy, loadParsedStudy, type StudyLoad } from './loadStudy.js';
export type { Dataset, DatasetColumn, EndpointData, SurvivalEndpointData, BinaryEndpointData, Measurements, TimeVaryingRows } from './dataset.js';
export type { ParticipantFlow, FlowStep, ExcludedPatient, ExclusionReason, SourceRow } from './participantFlow.js';
export { EXCLUSION_ORDER, REASON_LABEL } from './participantFlow.js';
export { countingProcess, type CountingProcessRows } from './countingProcess.js';
export { inspectTable, type InspectResult } from './inspectTable.js';
export { daysToIso } from './parseDate.js';
