/**
 * `siilab pool <site1.json> <site2.json> ... [--json]`: combines the site bundles of a multi-centre
 * study (made at each centre by `siilab analyze study.yaml --share`) without any patient row:
 * the pooled Kaplan–Meier estimates and the site-stratified log-rank test from the per-time counts
 * (as survfit / survdiff(... + strata(site)) on the pooled rows), and the pooled Cox / logistic
 * coefficients by inverse-variance meta-analysis of the site estimates. Says which centres and
 * how many patients each.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { parseCommandArgs } from './args.js';
import { emit } from './output.js';
import { dataError } from '../errors.js';
import { metaMessages as M } from '../messages/meta.js';
import { checkBundles, poolSites, type PooledSites } from '../multicentre/poolSites.js';
import type { SiteBundle } from '../multicentre/siteBundle.js';
import type { SiteStep } from '../multicentre/siteStep.js';
import { newtonRound, type NewtonRound } from '../multicentre/newtonRound.js';
import { pNormTwoSided } from '../stats/dist/index.js';
import type { MetaFit } from '../stats/meta/types.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';

const nul = (x: number): number | null => (Number.isFinite(x) ? x : null);
const arr = (a: ArrayLike<number>): (number | null)[] => Array.from(a, nul);
const fitJson = (f: MetaFit) => ({ estimate: f.b[0], se: f.se[0], z: f.stat[0], p: f.pValue[0], ciLower: f.ciLower[0], ciUpper: f.ciUpper[0], tau2: f.tau2, Q: f.Q, Qp: nul(f.Qp), I2: nul(f.I2) });

/** The stable JSON of `siilab pool --json`. */
export function poolJson(p: PooledSites) {
  return {
    title: p.title,
    specHash: p.specHash,
    siilabVersion: p.siilabVersion,
    sites: p.sites,
    patients: p.sites.reduce((s, x) => s + x.analysed, 0),
    km: p.km.map((k) => ({
      id: k.id,
      endpoint: k.endpoint,
      unit: k.unit,
      by: k.by,
      exactUntil: k.exactUntil,
      contributions: k.contributions,
      groups: k.km.groups.map((g) => ({ group: g.group, n: g.n, events: g.events, median: g.median, medianLower: g.medianLower, medianUpper: g.medianUpper,
        table: { time: arr(g.table.time), nRisk: arr(g.table.nRisk), nEvent: arr(g.table.nEvent), nCensor: arr(g.table.nCensor), surv: arr(g.table.surv), stdErr: arr(g.table.stdErr), lower: arr(g.table.lower), upper: arr(g.table.upper) } })),
      logrankStratified: k.logrankStratified ? { method: 'log-rank stratified by site (R survdiff(... + strata(site)))', groups: k.logrankStratified.groups, chisq: k.logrankStratified.chisq, df: k.logrankStratified.df, p: k.logrankStratified.p, observed: k.logrankStratified.observed, expected: k.logrankStratified.expected } : null,
      logrank: k.logrank ? { method: 'log-rank, sites not stratified', chisq: k.logrank.chisq, df: k.logrank.df, p: k.logrank.p, observed: k.logrank.observed, expected: k.logrank.expected } : null,
    })),
    models: p.models.map((m) => ({
      analysis: m.analysis, kind: m.kind, endpoint: m.endpoint, model: m.model, n: m.n, events: m.events,
      terms: m.terms.map((t) => ({ term: t.term, sites: t.sites, fixed: fitJson(t.fixed), random: fitJson(t.random) })),
      gls: m.gls,
    })),
    warnings: p.warnings,
  };
}

function renderText(p: PooledSites): string {
  const out: string[] = [];
  out.push(`Pooled from ${p.sites.length} centres (${p.sites.reduce((s, x) => s + x.analysed, 0)} patients; no patient row was shared), study spec ${p.specHash.slice(0, 12)}…\n`);
  out.push(textTable(['centre', 'patients', 'min cell', 'withheld'], p.sites.map((s) => [s.site, String(s.analysed), String(s.minCell), s.withheld.length ? String(s.withheld.length) : '—'])));
  for (const k of p.km) {
    out.push(`\nKaplan–Meier ${k.id} (${k.endpoint}${k.by.length ? ` by ${k.by.join(' × ')}` : ''})${k.exactUntil !== null ? `, exact up to ${sig(k.exactUntil, 6)} ${k.unit}` : ''}:\n`);
    out.push(textTable(['group', 'n', 'events', 'median', '95% CI'], k.km.groups.map((g) => [g.group, String(g.n), String(g.events), g.median === null ? 'NR' : sig(g.median, 5), `${sig(g.medianLower, 5)}–${sig(g.medianUpper, 5)}`])));
    if (k.logrankStratified) out.push(`Log-rank stratified by centre: Chisq = ${sig(k.logrankStratified.chisq, 6)} on ${k.logrankStratified.df} df, p = ${pval(k.logrankStratified.p)}\n`);
    if (k.logrank) out.push(`Log-rank, centres not stratified: Chisq = ${sig(k.logrank.chisq, 6)} on ${k.logrank.df} df, p = ${pval(k.logrank.p)}\n`);
  }
  for (const m of p.models) {
    out.push(`\n${m.kind === 'cox' ? 'Cox' : 'Logistic'} ${m.analysis} (${m.endpoint}), ${m.model}: n = ${m.n}, events = ${m.events}\n`);
    out.push(textTable(['term', ...p.sites.map((s) => `${s.site} coef (se)`), 'fixed effect [95% CI]', 'random (REML) [95% CI]', 'I² %'],
      m.terms.map((t) => [t.term, ...t.sites.map((s) => `${sig(s.coef, 4)} (${sig(s.se, 3)})`),
        `${sig(Math.exp(t.fixed.b[0]), 4)} [${sig(Math.exp(t.fixed.ciLower[0]), 4)}, ${sig(Math.exp(t.fixed.ciUpper[0]), 4)}]`,
        `${sig(Math.exp(t.random.b[0]), 4)} [${sig(Math.exp(t.random.ciLower[0]), 4)}, ${sig(Math.exp(t.random.ciUpper[0]), 4)}]`, sig(t.fixed.I2, 3)])));
    out.push(`(${m.kind === 'cox' ? 'hazard' : 'odds'} ratios; inverse-variance meta-analysis of the centres' estimates)\n`);
  }
  if (p.warnings.length) out.push('\nNotes:\n' + p.warnings.map((w) => `  - ${w}`).join('\n') + '\n');
  return out.join('');
}

function renderRound(r: NewtonRound): string {
  const out = [`Distributed Cox (${r.analysis}, stratified by centre): ${r.sites.map((s) => `${s.site} n = ${s.n}`).join(', ')}; log partial likelihood ${sig(r.loglik, 12)}\n`];
  if (r.converged) {
    out.push('Converged. Estimates (= coxph(... + strata(site)) on the pooled rows):\n');
    out.push(textTable(['term', 'coef', 'se', 'HR', 'p'], r.terms.map((t, j) => [t, sig(r.beta[j], 8), sig(r.se[j], 6), sig(Math.exp(r.beta[j]), 6), pval(pNormTwoSided(r.beta[j] / r.se[j]))])));
  } else {
    out.push(`Not converged yet. Send every centre the next β:\n  --beta ${r.next.join(',')}\n`);
  }
  return out.join('');
}

export const poolCommand: Command = {
  name: 'pool',
  summary: 'multi-centre: pool site bundles (Kaplan–Meier, stratified log-rank, Cox/logistic by meta-analysis) without patient rows',
  usage: `siilab pool <site1.json> <site2.json> ... [--json]
       siilab pool --rounds <step1.json> <step2.json> ... [--json]   (distributed Cox stratified by centre)
  Each centre runs the same study.yaml with 'siilab analyze study.yaml --share [--site NAME] [--min-cell 5]'
  and sends its site-bundle.json (aggregates only). Bundles of different studies or siilab versions are refused.`,
  async run(argv, ctx) {
    const a = parseCommandArgs('pool', argv, { rounds: { type: 'boolean' } });
    if (a.values.rounds) {
      const steps = a.positionals.map((file) => {
        try {
          return { file, step: JSON.parse(readFileSync(resolve(ctx.cwd, file), 'utf8')) as SiteStep };
        } catch (e) {
          throw dataError(M.bundleUnreadable(file, (e as Error).message.split('\n')[0]));
        }
      });
      const r = newtonRound(steps);
      emit(ctx, Boolean(a.values.json), { ...r, hr: r.beta.map(Math.exp) }, () => renderRound(r));
      return 0;
    }
    const bundles = a.positionals.map((file) => {
      let b: SiteBundle;
      try {
        b = JSON.parse(readFileSync(resolve(ctx.cwd, file), 'utf8')) as SiteBundle;
      } catch (e) {
        throw dataError(M.bundleUnreadable(file, (e as Error).message.split('\n')[0]));
      }
      return { file, bundle: b };
    });
    checkBundles(bundles);
    const pooled = poolSites(bundles.map((b) => b.bundle));
    emit(ctx, Boolean(a.values.json), poolJson(pooled), () => renderText(pooled));
    return 0;
  },
};
