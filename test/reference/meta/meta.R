# Reference results for siilab's meta-analysis engine (src/stats/meta/).
# Run from the repository root:  Rscript test/reference/meta/meta.R
# Writes the data sets as CSV (meta_<name>.csv: yi, vi and the moderators, from metafor's own data
# sets via escalc) and meta_reference.json with metafor's rma() results per case (method FE, DL,
# REML, PM; test "z" and "knha"), confint() (Q-profile CI of tau^2, I^2, H^2), predict()
# (prediction interval), regtest() (Egger, default model "rma" and model "lm"), leave1out(),
# meta-regression on one moderator, and subgroup analyses (separate tau^2 per subgroup, test
# between subgroups as an FE meta-analysis of the subgroup estimates).
# Convergence: REML and PM are run fully converged (threshold 1e-12, tol 1e-12, maxiter 10000);
# a second REML fit with metafor's default control (threshold 1e-5) is stored as remlDefault.
# confint() searches tau^2 up to 1e6 (metafor stops at 100 by default and reports 100 as the limit).
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })
dir <- "test/reference/meta"
tight <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)
ci_ctrl <- list(tol = 1e-12, maxiter = 10000, tau2.max = 1e6)  # metafor caps the search at 100 by default

# ---- data sets -------------------------------------------------------------------------------
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
bcg_raw <- data.frame(study = paste(dat.bcg$author, dat.bcg$year), events1 = dat.bcg$tpos, total1 = dat.bcg$tpos + dat.bcg$tneg,
                      events2 = dat.bcg$cpos, total2 = dat.bcg$cpos + dat.bcg$cneg, ablat = dat.bcg$ablat, alloc = dat.bcg$alloc)
write.csv(bcg_raw, file.path(dir, "meta_bcg_counts.csv"), row.names = FALSE)
bcg_or <- escalc(measure = "OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
hack <- dat.hackshaw1998
# The seed studies' SII ratios as printed (HR or OR with 95% CI): SE from the CI on the log scale.
seeds <- data.frame(
  study = c("hong2021", "deng2025", "yu2023"),
  ratio = c(2.211, 12.13, 3.164), lower = c(1.089, 2.442, 1.878), upper = c(4.489, 60.24, 5.329),
  cutoff = c(340, 375.56, 405.08), endpoint = c("overall survival", "recurrence", "recurrence"))
write.csv(seeds, file.path(dir, "meta_sii_seeds.csv"), row.names = FALSE)
seeds$yi <- log(seeds$ratio)
seeds$sei <- (log(seeds$upper) - log(seeds$lower)) / (2 * qnorm(0.975))
seeds$vi <- seeds$sei^2

sets <- list(
  bcg = data.frame(study = paste(dat.bcg$author, dat.bcg$year), yi = as.numeric(bcg$yi), vi = as.numeric(bcg$vi), ablat = dat.bcg$ablat, year = dat.bcg$year, alloc = dat.bcg$alloc),
  bcg_or = data.frame(study = paste(dat.bcg$author, dat.bcg$year), yi = as.numeric(bcg_or$yi), vi = as.numeric(bcg_or$vi), ablat = dat.bcg$ablat, alloc = dat.bcg$alloc),
  hackshaw = data.frame(study = paste(hack$author, hack$year), yi = hack$yi, vi = hack$vi, year = hack$year, design = hack$design),
  sii_seeds = data.frame(study = seeds$study, yi = seeds$yi, vi = seeds$vi, cutoff = seeds$cutoff, endpoint = seeds$endpoint),
  # the seed hazard ratios only (yu2023's is an odds ratio), in registry order: the calculator's body of evidence
  sii_seed_hrs = data.frame(study = seeds$study[c(2, 1)], yi = seeds$yi[c(2, 1)], vi = seeds$vi[c(2, 1)])
)
for (nm in names(sets)) write.csv(sets[[nm]], file.path(dir, paste0("meta_", nm, ".csv")), row.names = FALSE)

num <- function(x) as.numeric(x)
fitSummary <- function(m) {
  k <- m$k
  out <- list(estimate = num(m$b[1]), se = num(m$se[1]), zval = num(m$zval[1]), pval = num(m$pval[1]),
              ciLower = num(m$ci.lb[1]), ciUpper = num(m$ci.ub[1]), tau2 = num(m$tau2), seTau2 = num(m$se.tau2),
              QE = num(m$QE), QEp = num(m$QEp), I2 = num(m$I2), H2 = num(m$H2), k = k, dfs = if (is.null(m$ddf)) NULL else num(m$ddf[1]))
  p <- predict(m)
  out$pred <- list(pred = num(p$pred), se = num(p$se), ciLower = num(p$ci.lb), ciUpper = num(p$ci.ub),
                   piLower = if (is.null(p$pi.lb)) NULL else num(p$pi.lb), piUpper = if (is.null(p$pi.ub)) NULL else num(p$pi.ub))
  out
}
confintSummary <- function(m) {
  ci <- confint(m, control = ci_ctrl)
  r <- ci$random
  list(tau2 = num(r["tau^2", ]), tau = num(r["tau", ]), I2 = num(r["I^2(%)", ]), H2 = num(r["H^2", ]))
}
l1o <- function(m) {
  l <- leave1out(m)
  list(estimate = num(l$estimate), se = num(l$se), zval = num(if (is.null(l$zval)) l$tval else l$zval), pval = num(l$pval), ciLower = num(l$ci.lb), ciUpper = num(l$ci.ub),
       Q = num(l$Q), Qp = num(l$Qp), tau2 = num(l$tau2), I2 = num(l$I2), H2 = num(l$H2))
}
reg <- function(m, model = "rma") {
  r <- regtest(m, model = model)
  list(model = model, predictor = "sei", zval = num(r$zval), pval = num(r$pval), dfs = if (is.null(r$dfs)) NULL else num(r$dfs),
       limitEstimate = num(r$est), limitLower = num(r$ci.lb), limitUpper = num(r$ci.ub))
}

cases <- list()
addCase <- function(id, set, method, test = "z", moderator = NULL, subgroup = NULL) {
  d <- sets[[set]]
  m <- rma(yi, vi, data = d, method = method, test = test, control = tight)
  cs <- list(id = id, data = set, method = method, test = test, fit = fitSummary(m))
  if (method != "FE") {
    cs$confint <- confintSummary(m)
    # Higgins, Thompson & Spiegelhalter (2009): t with k - 2 df around mu with its SE.
    crit <- qt(0.975, m$k - 2)
    cs$piHTS <- c(num(m$b) - crit * sqrt(num(m$se)^2 + m$tau2), num(m$b) + crit * sqrt(num(m$se)^2 + m$tau2))
  }
  if (method == "REML" && test == "z") {
    md <- rma(yi, vi, data = d, method = "REML")
    cs$remlDefault <- list(tau2 = num(md$tau2), estimate = num(md$b), se = num(md$se), threshold = 1e-5)
  }
  if (m$k >= 3) cs$leave1out <- l1o(m)
  if (m$k >= 3) cs$regtest <- reg(m, "rma")
  if (m$k >= 3) cs$regtestLm <- reg(m, "lm")
  if (!is.null(moderator)) {
    mr <- rma(d$yi, d$vi, mods = ~ d[[moderator]], method = method, test = test, control = tight)
    cs$metaRegression <- list(moderator = moderator, b = num(mr$b), se = num(mr$se), zval = num(mr$zval), pval = num(mr$pval),
                              ciLower = num(mr$ci.lb), ciUpper = num(mr$ci.ub), QM = num(mr$QM), QMp = num(mr$QMp),
                              QMdf = num(mr$QMdf), QE = num(mr$QE), QEp = num(mr$QEp), tau2 = num(mr$tau2), I2 = num(mr$I2), H2 = num(mr$H2),
                              R2 = if (is.null(mr$R2)) NULL else num(mr$R2))
  }
  if (!is.null(subgroup)) {
    lv <- sort(unique(d[[subgroup]]))
    fits <- lapply(lv, function(g) rma(yi, vi, data = d[d[[subgroup]] == g, ], method = method, test = test, control = tight))
    est <- sapply(fits, function(f) num(f$b)); se <- sapply(fits, function(f) num(f$se))
    bt <- rma(est, sei = se, method = "FE")
    cs$subgroups <- list(by = subgroup, levels = lv,
                         groups = lapply(seq_along(lv), function(i) { f <- fits[[i]]; list(level = lv[i], k = f$k, estimate = num(f$b), se = num(f$se),
                              ciLower = num(f$ci.lb), ciUpper = num(f$ci.ub), pval = num(f$pval), tau2 = num(f$tau2), QE = num(f$QE), QEp = num(f$QEp), I2 = num(f$I2)) }),
                         Qbetween = num(bt$QE), df = length(lv) - 1, pBetween = num(bt$QEp))
  }
  cases[[length(cases) + 1]] <<- cs
}
for (meth in c("FE", "DL", "REML", "PM")) {
  addCase(paste0("bcg_", meth), "bcg", meth, moderator = "ablat", subgroup = "alloc")
  addCase(paste0("hackshaw_", meth), "hackshaw", meth, moderator = "year", subgroup = "design")
  addCase(paste0("bcg_or_", meth), "bcg_or", meth, moderator = "ablat")
}
for (meth in c("DL", "REML", "PM")) {
  addCase(paste0("bcg_", meth, "_knha"), "bcg", meth, test = "knha", moderator = "ablat", subgroup = "alloc")
  addCase(paste0("hackshaw_", meth, "_knha"), "hackshaw", meth, test = "knha", moderator = "year")
  addCase(paste0("sii_seeds_", meth), "sii_seeds", meth, moderator = "cutoff")
  addCase(paste0("sii_seeds_", meth, "_knha"), "sii_seeds", meth, test = "knha")
}
addCase("sii_seeds_FE", "sii_seeds", "FE")
addCase("sii_seed_hrs_REML", "sii_seed_hrs", "REML")
# trim-and-fill (Duval & Tweedie 2000), default estimator L0, side chosen by metafor's default
tf <- list()
for (nm in c("bcg", "hackshaw")) for (meth in c("FE", "REML")) {
  m <- rma(yi, vi, data = sets[[nm]], method = meth, control = tight)
  t <- trimfill(m)
  # trimfill refits the augmented data with metafor's default control; refit it fully converged
  tt <- rma(as.numeric(t$yi), as.numeric(t$vi), method = meth, control = tight)
  tf[[length(tf) + 1]] <- list(id = paste0(nm, "_", meth), data = nm, method = meth, k0 = t$k0, side = t$side,
     estimate = num(tt$b), se = num(tt$se), tau2 = num(tt$tau2), ciLower = num(tt$ci.lb), ciUpper = num(tt$ci.ub),
     estimateDefaultControl = num(t$b), tau2DefaultControl = num(t$tau2),
     filledYi = num(t$yi[t$fill]), filledVi = num(t$vi[t$fill]))
}
escalcRef <- list(bcgRR = list(yi = num(bcg$yi), vi = num(bcg$vi)), bcgOR = list(yi = num(bcg_or$yi), vi = num(bcg_or$vi)))
out <- list(R = R.version.string, metafor = as.character(packageVersion("metafor")), control = tight, confintControl = ci_ctrl,
            cases = cases, trimfill = tf, escalc = escalcRef)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE), file.path(dir, "meta_reference.json"))
cat("wrote", length(cases), "cases\n")
