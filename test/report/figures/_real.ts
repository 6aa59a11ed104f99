// Temporary (not committed): real-data figures from the survival engine.
import { readFileSync, writeFileSync } from 'node:fs';
import { kaplanMeier } from '../../../src/stats/survival/kaplanMeier.js';
import { logRank } from '../../../src/stats/survival/logRank.js';
import { numberAtRisk } from '../../../src/stats/survival/numberAtRisk.js';
import { kmSvg } from '../../../src/report/figures/kmSvg.js';
import { kmTimeTicks } from '../../../src/report/figures/kmLayout.js';
import type { KmFigureData } from '../../../src/report/figures/kmData.js';
import { svgToPng } from '../../../src/report/png.js';
const lines = readFileSync('/work/shared/data/real/chowell2021_ici_pancancer.csv', 'utf8').trim().split('\n');
const head = lines[0].split(',');
const col = (n: string) => head.indexOf(n);
const rows = lines.slice(1).map((l) => l.split(','));
const ok = rows.filter((r) => r[col('OS_Months')] !== '' && r[col('NLR')] !== '' && r[col('Platelets')] !== '');
const time = ok.map((r) => Number(r[col('OS_Months')]));
const event = ok.map((r) => Number(r[col('OS_Event')]));
const nlr = ok.map((r) => (Number(r[col('NLR')]) >= 4 ? 'NLR ≥ 4' : 'NLR < 4'));
const plt = ok.map((r) => (Number(r[col('Platelets')]) >= 300 ? 'PLT ≥ 300' : 'PLT < 300'));
const four = nlr.map((a, i) => `${a}, ${plt[i]}`);
function fig(group: string[], title: string): KmFigureData {
  const km = kaplanMeier(time, event, { group });
  const lr = logRank(time, event, group);
  const maxT = Math.max(...time);
  const ticks = kmTimeTicks(maxT);
  const nar = numberAtRisk(km, ticks);
  return {
    title, timeLabel: 'Time (months)', survivalLabel: 'Overall survival', maxTime: maxT,
    groups: km.groups.map((g, i) => ({
      label: g.group, n: g.n, events: g.events,
      points: Array.from(g.steps.time, (t, k) => ({ time: t, surv: g.steps.surv[k], lower: Number.isFinite(g.steps.lower[k]) ? g.steps.lower[k] : null, upper: Number.isFinite(g.steps.upper[k]) ? g.steps.upper[k] : null })),
      censorTimes: Array.from(g.censored.time), median: g.median,
      atRisk: nar[i].times.map((t, k) => ({ time: t, n: nar[i].nRisk[k] })),
    })),
    logRank: { chisq: lr.chisq, df: lr.df, p: lr.p },
  };
}
const out = (name: string, svg: string) => { writeFileSync(`/tmp/figs/${name}.svg`, svg); writeFileSync(`/tmp/figs/${name}.png`, svgToPng(svg)); };
out('real-km2', kmSvg(fig(nlr, 'OS by NLR (Chowell 2021)'), { ci: true }));
out('real-km4', kmSvg(fig(four, 'OS by NLR and platelets (Chowell 2021)')));
console.log(ok.length);
import { rocAnalysis } from '../../../src/stats/roc/rocAnalysis.js';
import { rocSvg } from '../../../src/report/figures/rocSvg.js';
const okR = rows.filter((r) => ['NLR', 'Platelets', 'Albumin', 'Response'].every((c) => r[col(c)] !== '' && r[col(c)] !== 'NA'));
const resp = Float64Array.from(okR.map((r) => Number(r[col('Response')])));
const curves = ['NLR', 'Platelets', 'Albumin'].map((m) => {
  const x = Float64Array.from(okR.map((r) => Number(r[col(m)])));
  const a = rocAnalysis(x, resp, { marker: m });
  return {
    label: m, auc: a.auc, lower: a.lower, upper: a.upper,
    points: Array.from(a.curve.sensitivity, (se, k) => ({ sensitivity: se, specificity: a.curve.specificity[k] })),
    optimal: { threshold: a.youden.best.threshold, sensitivity: a.youden.best.sensitivity, specificity: a.youden.best.specificity },
  };
});
out('real-roc3', rocSvg({ title: 'Response to ICI (Chowell 2021)', curves }));
console.log(okR.length, curves.map((c) => c.auc));
