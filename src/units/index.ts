/** Units, normalisation and plausibility of laboratory values; this file only re-exports. */
export { UNITS, parseUnit, unitLabel, unitChoices, type Quantity } from './units.js';
export { LAB_VARIABLES, labVariable, type LabVariable } from './labVariables.js';
export { plausibilityProblem } from './plausibility.js';
export { normalise, type NormalisedValue } from './normalise.js';
export { normaliseInputs, type RawLabInputs, type InputUnits, type PatientInputs, type PatientValue } from './normaliseInputs.js';
export { guessUnit, type UnitGuess } from './guessUnit.js';
export { countFromPercent } from './countsFromPercent.js';
export { differentialProblem } from './checkDifferential.js';
export { classifyValues, type ValueClass, type ValueClasses, type UnitSystem } from './classifyValues.js';
