/**
 * Every user-facing warning and error, gathered by area. Code elsewhere never writes
 * a message string itself; it calls one of these.
 */
export { ioMessages } from './io.js';
export { cliMessages } from './cli.js';
export { indicesMessages } from './indices.js';
export { calcMessages } from './calc.js';
export { simulateMessages } from './simulate.js';
export { analysisMessages } from './analysis.js';
export { rocMessages, rocNotes } from './roc.js';
export { studyMessages, studyDataMessages, specWhere } from './study.js';
export { cohortMessages } from './cohort.js';
export { survivalMessages } from './survival.js';
export { coxMessages } from './cox.js';
export { logitMessages } from './logit.js';
export { auditMessages } from './audit.js';
export { compareMessages } from './compare.js';
export { serverMessages } from './server.js';
export { splineMessages, predictMessages, nomogramMessages, nomogramPatientMessages } from './prognostic.js';
export { validationMessages } from './validation.js';
export { metaMessages } from './meta.js';
export { timeRocMessages } from './timeroc.js';
export { competingMessages } from './competing.js';
export { analysisFormMessages } from './analysisForm.js';
export { sqlPathMessages } from './sqlPath.js';
