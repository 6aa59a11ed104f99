/**
 * R parity on a real cohort that is not committed (shared/data/real/chowell2021_ici_pancancer.csv):
 * aggregate R results are in km_real_reference.json (written by test/reference/survival/km_real.R).
 * Skips when shared/ is absent.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL, hasReal } from '../../helpers/shared.js';
import { readTable } from '../../../src/io/readTable.js';
import { binaryColumn, labelColumn, numericColumn } from '../../../src/io/columns.js';
import { kaplanMeier } from '../../../src/stats/survival/kaplanMeier.js';
import { logRank } from '../../../src/stats/survival/logRank.js';
import { maxstat } from '../../../src/stats/survival/maxstat.js';
import { close, closeArray, loadReference } from './reference.js';

const ref = loadReference('km_real_reference.json');

describe.skipIf(!hasReal)('survival on a real cohort (chowell2021, 1,479 patients) against R', async () => {
  const t = hasReal ? await readTable(join(REAL, ref.file)) : null;
  const col = () => {
    const time = numericColumn(t!, 'OS_Months', '--time');
    const event = binaryColumn(t!, 'OS_Event', '--event', null);
    const sex = labelColumn(t!, 'Sex', '--group');
    const type = labelColumn(t!, 'Cancer_Type', '--group');
    const grouped = labelColumn(t!, 'Cancer_type_grouped_2', '--group');
    const plt = numericColumn(t!, 'Platelets', 'Platelets');
    const nlr = numericColumn(t!, 'NLR', 'NLR');
    const sii = plt.map((p, i) => p * nlr[i]);
    return { time, event, sex, type, grouped, sii };
  };
  const check = (groups: any[], R: any[], where: string) => {
    expect(groups.map((g) => g.group)).toEqual(R.map((g) => g.group));
    groups.forEach((g, k) => {
      const r = R[k];
      expect(g.n).toBe(r.n);
      expect(g.events).toBe(r.events);
      close(g.median, r.median, `${where} median`);
      close(g.medianLower, r.medianLower, `${where} medianLower`);
      close(g.medianUpper, r.medianUpper, `${where} medianUpper`);
      close(g.rmst.estimate, r.rmst, `${where} rmst`);
      close(g.rmst.se, r.rmstSe, `${where} rmstSe`);
      closeArray(g.at.map((a: any) => a.surv), r.atSurv, `${where} surv`);
      closeArray(g.at.map((a: any) => a.lower), r.atLower, `${where} lower`);
      closeArray(g.at.map((a: any) => a.upper), r.atUpper, `${where} upper`);
    });
  };
  it('Kaplan–Meier and log-rank by sex', () => {
    const c = col();
    const km = kaplanMeier(c.time, c.event, { group: c.sex, times: ref.times, rmstTau: ref.tau });
    check(km.groups as any[], ref.bySex.groups, 'bySex');
    const lr = logRank(c.time, c.event, c.sex);
    close(lr.chisq, ref.bySex.chisq, 'chisq');
    closeArray(lr.observed, ref.bySex.observed, 'O');
    closeArray(lr.expected, ref.bySex.expected, 'E');
  });
  it('hepatobiliary subset by sex (n = 52; an upper median limit not reached)', () => {
    const c = col();
    const keep = c.grouped.map((g) => g === 'Hepatobiliary');
    const sub = <T,>(a: ArrayLike<T>) => Array.from(a).filter((_, i) => keep[i]);
    const km = kaplanMeier(sub(c.time), sub(c.event), { group: sub(c.sex), times: ref.times, rmstTau: ref.tau });
    check(km.groups as any[], ref.hepatobiliaryBySex.groups, 'hepatobiliary');
  });
  it('log-rank by cancer type stratified by sex', () => {
    const c = col();
    const lr = logRank(c.time, c.event, c.type, { strata: c.sex });
    close(lr.chisq, ref.cancerTypeStratSex.chisq, 'stratified chisq');
    closeArray(lr.observed, ref.cancerTypeStratSex.observed, 'O');
    closeArray(lr.expected, ref.cancerTypeStratSex.expected, 'E');
  });
  it('maximally selected log-rank cutoff of SII (all, and hepatobiliary)', () => {
    const c = col();
    const m = maxstat(c.time, c.event, c.sii);
    close(m.statistic, ref.maxstatSII.statistic, 'M');
    close(m.cutoff, ref.maxstatSII.cutoff, 'cutoff');
    close(m.pLau94Raw, ref.maxstatSII.p, 'p (3e-23)');
    const keep = c.grouped.map((g) => g === 'Hepatobiliary');
    const sub = (a: ArrayLike<number>) => Array.from(a).filter((_, i) => keep[i]);
    const h = maxstat(sub(c.time), sub(c.event), sub(c.sii));
    expect(h.n).toBe(ref.maxstatSIIHepatobiliary.n);
    close(h.statistic, ref.maxstatSIIHepatobiliary.statistic, 'M hb');
    close(h.cutoff, ref.maxstatSIIHepatobiliary.cutoff, 'cutoff hb');
    close(h.p, ref.maxstatSIIHepatobiliary.p, 'p hb');
    expect(h.pNaive).toBeLessThan(h.p);
  });
});
