# Reference results for siilab's competing-risks engine (src/stats/competing/).
# Run from the repository root:  Rscript test/reference/competing/competing.R
# Writes the data sets as CSV (competing_<name>.csv) and competing_reference.json with, per case:
#   cmprsk::cuminc estimates and variances at every event time of each cause in each group,
#   cmprsk::timepoints() at chosen times, cuminc's $Tests (Gray's test), cmprsk::crr fits
#   (gtol = 1e-10, maxiter = 100; crr's default gtol is 1e-6; at 1e-10 crr may report
#   converged = FALSE on tied data because its gradient criterion sits at the rounding floor — the
#   coefficients no longer change in the 15th digit), coxph on
#   survival::finegray() data (weights fgwt; model-based SE and robust SE with cluster(id)),
#   and the cause-specific coxph per cause (other causes censored).
# R and package versions are recorded in the JSON.
suppressPackageStartupMessages({ library(survival); library(cmprsk); library(jsonlite) })
options(warn = 2)
dir <- "test/reference/competing"

# ---- data sets -------------------------------------------------------------------------------
m <- survival::mgus2
mgus <- data.frame(id = m$id, age = m$age, sex = as.character(m$sex), hgb = m$hgb, creat = m$creat, mspike = m$mspike,
                   etime = ifelse(m$pstat == 1, m$ptime, m$futime), event = ifelse(m$pstat == 1, 1, 2 * m$death))
set.seed(2)   # cmprsk's documented cuminc example
ex <- data.frame(ss = rexp(100), gg = c("a", "b", "c")[sample(1:3, 100, replace = TRUE)], cc = sample(0:2, 100, replace = TRUE))
set.seed(10)  # cmprsk's documented crr example
crrex <- data.frame(ftime = rexp(200), fstatus = sample(0:2, 200, replace = TRUE), matrix(runif(600), nrow = 200, dimnames = list(NULL, c("x1", "x2", "x3"))))
# A liver-cancer-like cohort after TACE: SII high/low, recurrence (1) vs death without recurrence (2), months.
set.seed(2025)
n <- 500
sii <- round(exp(rnorm(n, log(600), 0.6)))
sii_group <- ifelse(sii > 700, "high", "low")
child <- sample(c("A", "B"), n, replace = TRUE, prob = c(0.7, 0.3))
age <- round(rnorm(n, 60, 9))
lp_rec <- 0.5 * (sii_group == "high") + 0.01 * (age - 60)
lp_death <- 0.7 * (child == "B") + 0.03 * (age - 60) + 0.2 * (sii_group == "high")
t_rec <- rexp(n, 0.03 * exp(lp_rec)); t_death <- rexp(n, 0.012 * exp(lp_death)); t_cens <- runif(n, 6, 72)
etime <- pmin(t_rec, t_death, t_cens)
liver <- data.frame(id = 1:n, sii = sii, sii_group = sii_group, child_pugh = child, age = age,
                    months = round(etime, 1), status = ifelse(etime == t_rec, 1, ifelse(etime == t_death, 2, 0)))
liver$age[c(5, 77)] <- NA   # missing covariate values: dropped and counted
# Tiny case computed by hand (no competing events: CIF = 1 − KM).
tiny <- data.frame(time = c(1, 2, 2, 3, 5, 6), status = c(1, 1, 0, 1, 0, 1))
datasets <- list(mgus2 = mgus, cuminc_example = ex, crr_example = crrex, liver = liver, tiny = tiny)
for (nm in names(datasets)) write.csv(datasets[[nm]], file.path(dir, paste0("competing_", nm, ".csv")), row.names = FALSE, na = "")

# ---- cuminc cases ------------------------------------------------------------------------------
cif_case <- function(id, data, time, status, group = NULL, times = numeric(0)) {
  d <- datasets[[data]]
  keep <- !is.na(d[[time]]) & !is.na(d[[status]]) & (if (is.null(group)) TRUE else !is.na(d[[group]]))
  d <- d[keep, ]
  g <- if (is.null(group)) rep("all", nrow(d)) else as.character(d[[group]])
  fit <- if (is.null(group)) cuminc(d[[time]], d[[status]]) else cuminc(d[[time]], d[[status]], g)
  causes <- sort(unique(d[[status]][d[[status]] != 0]))
  curves <- list()
  for (gl in sort(unique(g))) for (cs in causes) {
    r <- fit[[paste(if (is.null(group)) 1 else gl, cs)]]
    et <- sort(unique(d[[time]][g == gl & d[[status]] == cs]))
    idx <- vapply(et, function(t) max(which(r$time == t)), 1)
    curves[[length(curves) + 1]] <- list(group = gl, cause = cs, time = et, est = r$est[idx], var = r$var[idx])
  }
  tp <- NULL
  if (length(times)) {
    tpf <- timepoints(fit[names(fit) != "Tests"], times)
    tp <- lapply(rownames(tpf$est), function(nm) list(name = nm, est = unname(tpf$est[nm, ]), var = unname(tpf$var[nm, ])))
  }
  tests <- if (!is.null(fit$Tests)) lapply(seq_len(nrow(fit$Tests)), function(i)
    list(cause = as.numeric(rownames(fit$Tests)[i]), stat = fit$Tests[i, "stat"], pv = fit$Tests[i, "pv"], df = fit$Tests[i, "df"])) else list()
  list(id = id, data = data, time = time, status = status, group = group, n = nrow(d), times = times,
       curves = curves, timepoints = tp, tests = tests)
}
cif_cases <- list(
  cif_case("mgus2_sex", "mgus2", "etime", "event", "sex", times = c(60, 120, 240)),
  cif_case("mgus2_all", "mgus2", "etime", "event", NULL, times = c(12, 36)),
  cif_case("cuminc_example", "cuminc_example", "ss", "cc", "gg", times = c(0.5, 1, 2)),
  cif_case("liver_sii", "liver", "months", "status", "sii_group", times = c(12, 36)),
  cif_case("liver_child", "liver", "months", "status", "child_pugh", times = c(12, 36)),
  cif_case("tiny", "tiny", "time", "status", NULL, times = c(2, 4))
)

# ---- Fine–Gray cases ---------------------------------------------------------------------------
fg_case <- function(id, data, time, status, cause, covariates, categorical = character(0), ref = list()) {
  d <- datasets[[data]]
  d <- d[complete.cases(d[, c(time, status, covariates)]), ]
  X <- do.call(cbind, lapply(covariates, function(v) {
    if (v %in% categorical) {
      lv <- sort(unique(as.character(d[[v]]))); r <- if (!is.null(ref[[v]])) ref[[v]] else lv[1]
      out <- sapply(setdiff(lv, r), function(l) as.numeric(d[[v]] == l)); out <- matrix(out, nrow = nrow(d))
      colnames(out) <- paste0(v, "=", setdiff(lv, r)); out
    } else { out <- matrix(d[[v]], ncol = 1); colnames(out) <- v; out }
  }))
  fit <- crr(d[[time]], d[[status]], X, failcode = cause, cencode = 0, gtol = 1e-10, maxiter = 100)
  # survival::finegray + weighted coxph (Geskus 2011): same coefficients as crr
  dd <- data.frame(X, ftime = d[[time]], fstat = factor(d[[status]], levels = c(0, sort(unique(d[[status]][d[[status]] != 0])))), id = seq_len(nrow(d)))
  names(dd)[seq_len(ncol(X))] <- paste0("v", seq_len(ncol(X)))
  fgd <- finegray(Surv(ftime, fstat) ~ ., data = dd, etype = as.character(cause), id = id)
  form <- as.formula(paste("Surv(fgstart, fgstop, fgstatus) ~", paste(paste0("v", seq_len(ncol(X))), collapse = " + ")))
  cf <- coxph(form, data = fgd, weights = fgwt, control = coxph.control(eps = 1e-10, iter.max = 100))
  formr <- as.formula(paste("Surv(fgstart, fgstop, fgstatus) ~", paste(paste0("v", seq_len(ncol(X))), collapse = " + "), "+ cluster(id)"))
  cfr <- coxph(formr, data = fgd, weights = fgwt, control = coxph.control(eps = 1e-10, iter.max = 100))
  # cause-specific Cox, other causes censored (Breslow ties as crr; Efron as coxph's default)
  cs <- lapply(sort(unique(d[[status]][d[[status]] != 0])), function(k) {
    cx <- coxph(Surv(d[[time]], d[[status]] == k) ~ X, control = coxph.control(eps = 1e-10, iter.max = 100))
    list(cause = k, coef = unname(coef(cx)), se = unname(sqrt(diag(vcov(cx)))))
  })
  list(id = id, data = data, time = time, status = status, cause = cause, covariates = covariates,
       categorical = categorical, ref = ref, terms = colnames(X), n = fit$n, nMissing = nrow(datasets[[data]]) - nrow(d),
       coef = unname(fit$coef), se = unname(sqrt(diag(fit$var))), var = unname(fit$var), loglik = fit$loglik,
       loglikNull = crr(d[[time]], d[[status]], X, failcode = cause, maxiter = 0, variance = FALSE)$loglik,
       converged = fit$converged,
       finegray = list(coef = unname(coef(cf)), seModel = unname(sqrt(diag(cf$naive.var %||% vcov(cf)))), seRobust = unname(sqrt(diag(vcov(cfr))))),
       causeSpecific = cs)
}
`%||%` <- function(a, b) if (is.null(a)) b else a
fg_cases <- list(
  fg_case("mgus2_age_sex_hgb", "mgus2", "etime", "event", 1, c("age", "sex", "hgb"), categorical = "sex"),
  fg_case("mgus2_death", "mgus2", "etime", "event", 2, c("age", "sex", "mspike"), categorical = "sex", ref = list(sex = "M")),
  fg_case("crr_example", "crr_example", "ftime", "fstatus", 1, c("x1", "x2", "x3")),
  fg_case("liver_recurrence", "liver", "months", "status", 1, c("sii_group", "age", "child_pugh"), categorical = c("sii_group", "child_pugh"), ref = list(sii_group = "low")),
  fg_case("liver_death", "liver", "months", "status", 2, c("sii_group", "age", "child_pugh"), categorical = c("sii_group", "child_pugh"), ref = list(sii_group = "low"))
)

out <- list(
  generated = format(Sys.time(), "%Y-%m-%d", tz = "UTC"),
  R = R.version.string,
  packages = list(survival = as.character(packageVersion("survival")), cmprsk = as.character(packageVersion("cmprsk"))),
  crr_gtol = 1e-10,
  cif = cif_cases,
  finegray = fg_cases
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", pretty = FALSE), file.path(dir, "competing_reference.json"))
cat("wrote", file.path(dir, "competing_reference.json"), "\n")
