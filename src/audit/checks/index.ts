/** The audit's checks, in the order they run and are reported. One check per file in this folder. */
import type { Check } from '../findings.js';
import { percentOfCount } from './percentOfCount.js';
import { countSum } from './countSum.js';
import { groupTotals } from './groupTotals.js';
import { tTest } from './tTest.js';
import { chiSquare } from './chiSquare.js';
import { pFromStatistic } from './pFromStatistic.js';
import { wald } from './wald.js';
import { ratioFromBeta } from './ratioFromBeta.js';
import { ratioCi } from './ratioCi.js';
import { pFromCi } from './pFromCi.js';
import { seBound } from './seBound.js';
import { aucCiSe } from './aucCiSe.js';
import { aucP } from './aucP.js';
import { sensSpec } from './sensSpec.js';
import { youden } from './youden.js';
import { calibration } from './calibration.js';
import { cutoffConsistency } from './cutoffConsistency.js';
import { effectMeasure } from './effectMeasure.js';
import { effectDirection } from './effectDirection.js';
import { pZero } from './pZero.js';
import { survivalSummary } from './survivalSummary.js';

export const CHECKS: readonly Check[] = [
  percentOfCount,
  countSum,
  groupTotals,
  tTest,
  chiSquare,
  pFromStatistic,
  wald,
  ratioFromBeta,
  ratioCi,
  pFromCi,
  seBound,
  aucCiSe,
  aucP,
  sensSpec,
  youden,
  calibration,
  cutoffConsistency,
  effectMeasure,
  effectDirection,
  pZero,
  survivalSummary,
];
