// R parity on a real cohort (Chowell et al. 2021, ../shared/data/real; not in the repository):
// OS and PFS models with categorical covariates, strata and Breslow ties. Skips when absent.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL, hasReal } from '../../../helpers/shared.js';
import { runCli } from '../../../helpers/runCli.js';
import { REF_DIR, caseArgs, expectClose, type RefCase, type RefResult } from './reference.js';

const refFile = join(REF_DIR, 'cox_reference_real.json');
const ref = existsSync(refFile) ? (JSON.parse(readFileSync(refFile, 'utf8')) as { file: string; cases: RefCase[]; results: RefResult[] }) : null;
const asArray = <T>(v: T | T[] | null | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

describe.skipIf(!hasReal || !ref)('siilab cox on a real cohort (skipped: ../shared/data/real absent)', () => {
  ref?.cases.forEach((c, k) => {
    const R = ref.results[k];
    it(c.id, async () => {
      c.covariates = asArray(c.covariates);
      c.categorical = asArray(c.categorical);
      const argv = caseArgs(c);
      argv[1] = join(REAL, ref.file);
      const res = await runCli(argv);
      expect(res.stderr).toBe('');
      const j = res.json();
      expect([j.n, j.nDropped, j.events, j.iterations]).toEqual([R.n, R.nDropped, R.events, R.iter]);
      expect(j.coefficients.map((x: any) => x.term)).toEqual(R.terms);
      j.coefficients.forEach((x: any, i: number) => {
        for (const f of ['coef', 'hr', 'se', 'z', 'p', 'lower', 'upper'] as const) expectClose(`${x.term} ${f}`, x[f], (R as any)[f][i]);
      });
      expectClose('loglik', j.loglik.model, R.loglik[1]);
      for (const [name, r] of [['likelihoodRatio', R.lr], ['wald', R.wald], ['score', R.score]] as const) {
        expectClose(name, j.tests[name].statistic, r[0]);
        expectClose(`${name} p`, j.tests[name].p, r[2]);
      }
      expectClose('c', j.concordance.c, R.concordance);
      expectClose('c se', j.concordance.se, R.concordanceSe);
      j.proportionalHazards.terms.forEach((t: any, i: number) => expectClose(`zph ${t.term}`, t.chisq, R.zph.chisq[i]));
      expectClose('zph global', j.proportionalHazards.global.chisq, R.zph.global[0]);
      expectClose('zph global p', j.proportionalHazards.global.p, R.zph.global[2]);
    });
  });
});
