import { test, expect } from 'vitest';
import { matchColumnName as m, normaliseName } from '../../src/cohort/matchColumnName.js';
test('column names match canonical variables by synonyms, not by shared words', () => {
  const cases: [string, any, number][] = [['NEUT#','neutrophils',1],['neutrophils count','neutrophils',1],['neutrophils(%)','neutrophils',0],['neutrophils(%)','neutrophilPercent',1],['(%)lymphocyte','lymphocytePercent',1],['PLT distribution width','platelets',0],['Platelet count','platelets',1],['Mean platelet volume','platelets',0],['Direct bilirubin','bilirubin',0],['Total bilirubin','bilirubin',1],['OS_Months','followUpTime',1],['血小板计数(×10^9/L)','platelets',1],['中性粒细胞绝对值(NEUT#)','neutrophils',0.8],['AFP (ng/ml)','afp',1],['Platelet count (10^9/L)','platelets',1],['PATIENT_ID','patientId',1],['RE_DATE','drawDate',1],['lymphocyte count','lymphocytes',1],['baseline AFP','afp',0.8]];
  for (const [c, v, e] of cases) expect([c, m(c, v)]).toEqual([c, e]);
  expect(normaliseName("neutrophils(%)")).toBe("neutrophils %");
});
