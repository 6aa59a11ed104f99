// Benchmark: loadStudy (src/cohort/loadStudy.ts) on a generated two-source cohort — a wide patients
// CSV and a long labs CSV with 12 blood draws per patient: read both, SII per draw, baseline and
// window-mean aggregates, composite endpoint from dates, participant flow and the counting-process
// rows for a time-varying Cox model. R does the same in base R + survival::tmerge (timed inside R,
// excluding R's start-up): read.csv, SII per draw, last draw before treatment, mean over a window,
// time from dates and tmerge(event, tdc).
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const iso = (day) => new Date(day * 86400000).toISOString().slice(0, 10);

function generate(dir, n) {
  const rnd = lcg(7);
  const pts = ['id,tace,rec,rec_date,last'];
  const labs = ['id,date,neut,lymph,plt'];
  for (let i = 0; i < n; i++) {
    const t = 17000 + Math.floor(rnd() * 700);
    const last = t + 60 + Math.floor(rnd() * 1500);
    const rec = rnd() < 0.5;
    const rd = t + 30 + Math.floor(rnd() * (last - t - 30));
    pts.push(`P${i},${iso(t)},${rec ? 1 : 0},${rec ? iso(rd) : ''},${iso(last)}`);
    for (let k = 0; k < 12; k++) {
      const d = t - 10 + k * 60;
      labs.push(`P${i},${iso(d)},${(2 + 4 * rnd()).toFixed(2)},${(0.6 + 2 * rnd()).toFixed(2)},${Math.round(100 + 250 * rnd())}`);
    }
  }
  writeFileSync(join(dir, 'patients.csv'), pts.join('\n') + '\n');
  writeFileSync(join(dir, 'labs.csv'), labs.join('\n') + '\n');
  writeFileSync(join(dir, 'study.yaml'), `version: 1
sources:
  - { file: patients.csv }
  - { id: labs, file: labs.csv, format: long, dateColumn: date }
variables:
  patientId: id
  treatmentDate: tace
  recurrence: rec
  recurrenceDate: rec_date
  lastFollowUpDate: last
  neutrophils: { column: neut, source: labs }
  lymphocytes: { column: lymph, source: labs }
  platelets: { column: plt, source: labs }
derived:
  - { name: SII, index: SII }
  - { name: SII_baseline, aggregate: baseline, of: SII }
  - { name: SII_mean, aggregate: mean, of: SII, window: { from: 0, to: 12, unit: months } }
endpoints:
  rfs: { type: survival, events: [recurrence] }
analyses:
  cox: [{ endpoint: rfs, candidates: [SII_baseline], timeVarying: [SII] }]
`);
}

const R_SCRIPT = `suppressPackageStartupMessages(library(survival))
args <- commandArgs(TRUE); dir <- args[1]
t0 <- proc.time()[["elapsed"]]
p <- read.csv(file.path(dir, "patients.csv"), stringsAsFactors = FALSE)
l <- read.csv(file.path(dir, "labs.csv"), stringsAsFactors = FALSE)
p$t <- as.numeric(as.Date(p$tace)); p$end <- ifelse(p$rec == 1, as.numeric(as.Date(p$rec_date)), as.numeric(as.Date(p$last)))
p$time <- (p$end - p$t) / (365.25 / 12)
l$sii <- l$plt * l$neut / l$lymph
l$day <- as.numeric(as.Date(l$date)) - p$t[match(l$id, p$id)]
b <- l[l$day <= 0, ]; b <- b[order(b$id, b$day), ]; b <- b[!duplicated(b$id, fromLast = TRUE), ]
p$sii_baseline <- b$sii[match(p$id, b$id)]
w <- l[l$day >= 0 & l$day <= 365.25, ]; m <- tapply(w$sii, w$id, mean); p$sii_mean <- m[p$id]
p$idn <- seq_len(nrow(p)); l$idn <- match(l$id, p$id); l$mt <- l$day / (365.25 / 12)
d <- tmerge(p[, c("idn", "time", "rec")], p[, c("idn", "time", "rec")], id = idn, ev = event(time, rec))
d <- tmerge(d, l[, c("idn", "mt", "sii")], id = idn, sii = tdc(mt, sii))
cat(proc.time()[["elapsed"]] - t0, nrow(d), "\\n")`;

export async function run({ hasR, tmp }) {
  const { loadStudy } = await import(pathToFileURL(join(root, 'dist', 'cohort', 'loadStudy.js')).href);
  const rows = [];
  writeFileSync(join(tmp, 'loadStudy.R'), R_SCRIPT);
  for (const n of [2000, 20000]) {
    const dir = join(tmp, `loadStudy-${n}`);
    (await import('node:fs')).mkdirSync(dir, { recursive: true });
    generate(dir, n);
    await loadStudy(join(dir, 'study.yaml')); // warm-up (module and schema load)
    const t0 = performance.now();
    const r = await loadStudy(join(dir, 'study.yaml'));
    const ms = performance.now() - t0;
    const tv = r.dataset.timeVarying['rfs:SII'];
    let rMs = null;
    let note = `${n * 12} draws, ${tv.start.length} counting-process rows`;
    if (hasR) {
      const out = spawnSync('Rscript', [join(tmp, 'loadStudy.R'), dir], { encoding: 'utf8' });
      if (out.status === 0) {
        const [sec, nrow] = out.stdout.trim().split(/\s+/).map(Number);
        rMs = sec * 1000;
        note += nrow === tv.start.length ? '; same row count as R tmerge' : `; R tmerge rows ${nrow}`;
      }
    }
    rows.push({ task: 'loadStudy: 2 CSVs, SII per draw, aggregates, endpoint, flow, tmerge rows', n, siilabMs: ms, rMs, peakMB: null, note });
  }
  return rows;
}
