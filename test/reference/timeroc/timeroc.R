# Reference results for siilab's time-dependent ROC (src/stats/timeroc/).
# Run from the repository root:  Rscript test/reference/timeroc/timeroc.R
# Writes each data set as CSV (timeroc_<name>.csv, from R's own data sets; NA kept, the tests drop
# incomplete rows as R's na.omit does) and timeroc_reference.json with, per case and marker:
#   riskRegression::Score(list(...), formula = Hist(time, status) ~ 1, data, times, metrics = "auc",
#     cens.model = "marginal", se.fit = TRUE, null.model = FALSE)   (AUC, se, lower, upper, contrasts)
#   survival::concordance(Surv(time, status) ~ x, data, timewt = "n/G2", ymax = tau, reverse = TRUE)
#   survival::concordance(Surv(time, status) ~ x, data, reverse = TRUE)   (Harrell's C)
# Score reads a prediction as a risk (higher = event more likely), so protective markers are
# negated in the data (neg_albumin, neg_karno, neg_hgb) and a Cox linear predictor is used as is.
# Score's contrasts are model − reference (later − earlier marker); siilab reports a − b (earlier −
# later), so the JSON stores diff = −delta.AUC.
suppressPackageStartupMessages({ library(survival); library(riskRegression); library(prodlim); library(jsonlite) })
dir <- "test/reference/timeroc"

pbc <- survival::pbc[, c("id", "time", "status", "bili", "albumin", "age", "protime")]
pbc$status <- as.integer(pbc$status == 2)   # death; transplant counts as censored
pbc$neg_albumin <- -pbc$albumin
cfit <- coxph(Surv(time, status) ~ log(bili) + albumin + age, data = pbc)
pbc$coxlp <- predict(cfit, type = "lp")
pbc$bili_rounded <- round(pbc$bili)          # heavy ties in the marker

lung <- survival::lung[, c("time", "status", "age", "ph.karno", "wt.loss", "meal.cal")]
lung$status <- as.integer(lung$status == 2)
lung$neg_karno <- -lung$ph.karno             # 6 distinct values: ties
lung_months <- lung
lung_months$time <- pmax(1, round(lung$time / 30.4375))   # tied times, times of the grid observed

mgus2 <- survival::mgus2[, c("id", "futime", "death", "age", "hgb", "creat")]
mgus2$neg_hgb <- -mgus2$hgb

veteran <- survival::veteran[, c("time", "status", "karno", "age")]
veteran$neg_karno <- -veteran$karno

datasets <- list(pbc = pbc, lung = lung, lung_months = lung_months, mgus2 = mgus2, veteran = veteran)
for (nm in names(datasets))
  write.csv(datasets[[nm]], file.path(dir, paste0("timeroc_", nm, ".csv")), row.names = FALSE, na = "NA")

cs <- function(id, data, time, event, markers, times, tau) list(id = id, data = data, time = time, event = event, markers = markers, times = times, tau = tau)
yr <- 365.25
cases <- list(
  cs("pbc_bili_albumin", "pbc", "time", "status", c("bili", "neg_albumin", "coxlp"), c(1, 3, 5) * yr, 5 * yr),
  cs("pbc_ties", "pbc", "time", "status", c("bili_rounded", "protime"), c(2 * yr, 4 * yr, 3090), 10 * yr),
  cs("lung", "lung", "time", "status", c("age", "neg_karno", "wt.loss"), c(180, 365, 540), 365),
  cs("lung_months", "lung_months", "time", "status", c("neg_karno", "meal.cal"), c(6, 12, 24), 24),
  cs("mgus2", "mgus2", "futime", "death", c("age", "creat", "neg_hgb"), c(60, 120, 240), 240),
  cs("veteran", "veteran", "time", "status", c("neg_karno", "age"), c(30, 90, 180), 1e6)
)

results <- lapply(cases, function(k) {
  d0 <- datasets[[k$data]]
  d <- na.omit(data.frame(time = d0[[k$time]], status = d0[[k$event]], d0[k$markers], check.names = FALSE))
  preds <- setNames(lapply(k$markers, function(m) d[[m]]), k$markers)
  sc <- Score(preds, formula = Hist(time, status) ~ 1, data = d, times = k$times, metrics = "auc",
              cens.model = "marginal", se.fit = TRUE, null.model = FALSE)
  auc <- as.data.frame(sc$AUC$score)
  ct <- as.data.frame(sc$AUC$contrasts)
  conc <- lapply(k$markers, function(m) {
    f <- as.formula(paste0("Surv(time, status) ~ `", m, "`"))
    u <- if (is.finite(k$tau) && k$tau < max(d$time)) concordance(f, data = d, timewt = "n/G2", ymax = k$tau, reverse = TRUE)
         else concordance(f, data = d, timewt = "n/G2", reverse = TRUE)
    h <- concordance(f, data = d, reverse = TRUE)
    list(marker = m, uno = unname(u$concordance), unoSe = sqrt(unname(u$var)), harrell = unname(h$concordance), harrellSe = sqrt(unname(h$var)))
  })
  list(id = k$id, data = paste0("timeroc_", k$data, ".csv"), time = k$time, event = k$event, markers = k$markers,
       times = k$times, tau = k$tau, n = nrow(d), nDropped = nrow(d0) - nrow(d), events = sum(d$status),
       auc = lapply(seq_len(nrow(auc)), function(i) list(marker = as.character(auc$model[i]), time = auc$times[i],
                    auc = auc$AUC[i], se = auc$se[i], lower = auc$lower[i], upper = auc$upper[i])),
       contrasts = lapply(seq_len(nrow(ct)), function(i) list(a = as.character(ct$reference[i]), b = as.character(ct$model[i]),
                    time = ct$times[i], diff = -ct$delta.AUC[i], se = ct$se[i], lower = -ct$upper[i], upper = -ct$lower[i], p = ct$p[i])),
       concordance = conc)
})

# Large cohorts: bench/lib/survivalCohort.mjs (seed 11; times rounded to 0.1, heavily tied), made by
# node so that the tests can regenerate the same rows. riskRegression 2022.11.28's AUC SE is right up to
# n = 46,340 and wrong above (n² ≥ 2³¹, an integer overflow): both are recorded, the tests use the first.
large <- lapply(c(46000, 100000), function(n) {
  f <- tempfile(fileext = ".csv")
  system2("node", c("--input-type=module", "-e",
    shQuote(sprintf("const m = await import('%s'); await m.writeSurvivalCohort('%s', %d, 11);",
                    normalizePath("bench/lib/survivalCohort.mjs"), f, as.integer(n)))))
  d <- read.csv(f)
  sc <- Score(list(x1 = d$x1, x2 = d$x2), formula = Hist(time, status) ~ 1, data = d, times = c(1, 3, 7), metrics = "auc",
              cens.model = "marginal", se.fit = TRUE, null.model = FALSE)
  a <- as.data.frame(sc$AUC$score)
  list(n = n, seed = 11, times = c(1, 3, 7),
       auc = lapply(seq_len(nrow(a)), function(i) list(marker = as.character(a$model[i]), time = a$times[i], auc = a$AUC[i], se = a$se[i])))
})

out <- list(
  generated = format(Sys.time(), "%Y-%m-%d", tz = "UTC"),
  R = R.version.string,
  packages = list(survival = as.character(packageVersion("survival")), riskRegression = as.character(packageVersion("riskRegression")),
                  prodlim = as.character(packageVersion("prodlim"))),
  cases = results,
  large = large)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(dir, "timeroc_reference.json"))
cat("wrote", length(results), "cases\n")
