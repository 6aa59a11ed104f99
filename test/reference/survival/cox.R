# Reference results for siilab's Cox regression (src/stats/survival/cox/).
# Run from the repository root:  Rscript test/reference/survival/cox.R
# Writes the data sets as CSV (cox_<name>.csv, exported from R's own data sets) and
# cox_reference.json with R's coxph / cox.zph / concordance / basehaz results per case.
# Term names follow siilab: a numeric covariate is its column name; a categorical covariate gives
# indicator terms "column=level" against its reference (first level in sorted order unless `ref`).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
dir <- "test/reference/survival"

# ---- data sets -------------------------------------------------------------------------------
lung_months <- survival::lung
lung_months$time <- pmax(1, round(lung_months$time / 30.4375))   # many tied times
heart <- survival::heart
heart$transplant <- as.integer(as.character(heart$transplant))
veteran <- survival::veteran
veteran$celltype <- as.character(veteran$celltype)
# A data set with monotone likelihood: every death while x = 1 subjects are at risk is an x = 1 subject.
set.seed(7)
monotone <- data.frame(time = 1:20, status = c(rep(1, 6), rep(c(1, 0), 7)),
                       x = c(rep(1, 6), rep(0, 14)), age = round(rnorm(20, 60, 8)))
datasets <- list(lung = survival::lung, lung_months = lung_months, veteran = veteran,
                 heart = heart, ovarian = survival::ovarian, monotone = monotone)
for (nm in names(datasets))
  write.csv(datasets[[nm]], file.path(dir, paste0("cox_", nm, ".csv")), row.names = FALSE, na = "NA")

# ---- cases -----------------------------------------------------------------------------------
cs <- function(id, data, time, event, covariates, eventValue = NULL, start = NULL, categorical = character(0),
               ref = list(), strata = NULL, ties = "efron")
  list(id = id, data = data, start = start, time = time, event = event, eventValue = eventValue,
       covariates = covariates, categorical = categorical, ref = ref, strata = strata, ties = ties)
cases <- list(
  cs("lung_efron", "lung", "time", "status", c("age", "sex", "ph.ecog"), eventValue = "2"),
  cs("lung_breslow", "lung", "time", "status", c("age", "sex", "ph.ecog"), eventValue = "2", ties = "breslow"),
  cs("lung_ecog_categorical", "lung", "time", "status", c("age", "sex", "ph.ecog"), eventValue = "2", categorical = "ph.ecog"),
  cs("lung_wtloss", "lung", "time", "status", c("age", "sex", "wt.loss", "ph.karno"), eventValue = "2"),
  cs("lung_months_efron", "lung_months", "time", "status", c("age", "sex", "ph.ecog"), eventValue = "2"),
  cs("lung_months_breslow", "lung_months", "time", "status", c("age", "sex", "ph.ecog"), eventValue = "2", ties = "breslow"),
  cs("veteran_celltype", "veteran", "time", "status", c("celltype", "karno", "trt")),
  cs("veteran_strata_efron", "veteran", "time", "status", c("celltype", "karno", "age"), ref = list(celltype = "squamous"), strata = "trt"),
  cs("veteran_strata_breslow", "veteran", "time", "status", c("celltype", "karno", "age"), ref = list(celltype = "squamous"), strata = "trt", ties = "breslow"),
  cs("heart_efron", "heart", "stop", "event", c("age", "year", "surgery", "transplant"), start = "start"),
  cs("heart_breslow", "heart", "stop", "event", c("age", "year", "surgery", "transplant"), start = "start", ties = "breslow"),
  cs("heart_strata", "heart", "stop", "event", c("age", "year", "transplant"), start = "start", strata = "surgery"),
  cs("ovarian_efron", "ovarian", "futime", "fustat", c("age", "ecog.ps", "rx")),
  cs("ovarian_breslow", "ovarian", "futime", "fustat", c("age", "ecog.ps", "rx"), ties = "breslow"),
  cs("ovarian_strata", "ovarian", "futime", "fustat", c("age", "rx"), strata = "resid.ds"),
  cs("monotone", "monotone", "time", "status", c("x", "age"))
)

sorted_levels <- function(v) {
  u <- unique(as.character(v[!is.na(v)]))
  num <- suppressWarnings(as.numeric(u))
  if (all(!is.na(num))) u[order(num)] else sort(u, method = "radix")
}

run_case <- function(cc) {
  d <- datasets[[cc$data]]
  used <- c(cc$start, cc$time, cc$event, cc$covariates, cc$strata)
  keep <- complete.cases(d[, used, drop = FALSE])
  dd <- d[keep, , drop = FALSE]
  ev <- if (is.null(cc$eventValue)) dd[[cc$event]] else as.integer(as.character(dd[[cc$event]]) == cc$eventValue)
  terms <- character(0); rhs <- character(0)
  X <- list()
  for (v in cc$covariates) {
    if (v %in% cc$categorical || is.character(dd[[v]])) {
      lev <- sorted_levels(dd[[v]])
      r <- if (!is.null(cc$ref[[v]])) cc$ref[[v]] else lev[1]
      lev <- c(r, setdiff(lev, r))
      f <- factor(as.character(dd[[v]]), levels = lev)
      for (l in lev[-1]) { nm <- paste0(v, "=", l); X[[nm]] <- as.numeric(f == l); terms <- c(terms, nm) }
    } else { X[[v]] <- dd[[v]]; terms <- c(terms, v) }
  }
  Xm <- as.matrix(as.data.frame(X, check.names = FALSE))
  y <- if (is.null(cc$start)) Surv(dd[[cc$time]], ev) else Surv(dd[[cc$start]], dd[[cc$time]], ev)
  warns <- character(0)
  fit <- withCallingHandlers(
    if (is.null(cc$strata)) coxph(y ~ Xm, ties = cc$ties) else { st <- dd[[cc$strata]]; coxph(y ~ Xm + strata(st), ties = cc$ties) },
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit)
  co <- s$coefficients; ci <- s$conf.int
  # cox.zph with the covariate grouping siilab uses (one term per covariate)
  assign_cov <- rep(cc$covariates, sapply(cc$covariates, function(v) sum(startsWith(terms, paste0(v, "=")) | terms == v)))
  zph <- cox.zph(fit, transform = "km", terms = FALSE)
  # terms=FALSE gives one test per column; the per-covariate test needs the grouping: refit zph on a
  # model whose terms are the covariates (data frame with factor columns).
  df2 <- data.frame(row.names = seq_len(nrow(dd)))
  for (v in cc$covariates) {
    if (v %in% cc$categorical || is.character(dd[[v]])) {
      lev <- sorted_levels(dd[[v]]); r <- if (!is.null(cc$ref[[v]])) cc$ref[[v]] else lev[1]
      df2[[v]] <- factor(as.character(dd[[v]]), levels = c(r, setdiff(lev, r)))
    } else df2[[v]] <- dd[[v]]
  }
  df2$y <- y
  fml <- as.formula(paste("y ~", paste(sprintf("`%s`", cc$covariates), collapse = " + "),
                          if (!is.null(cc$strata)) "+ strata(st)" else ""))
  if (!is.null(cc$strata)) df2$st <- dd[[cc$strata]]
  fit2 <- suppressWarnings(coxph(fml, data = df2, ties = cc$ties))
  zt <- cox.zph(fit2, transform = "km", terms = TRUE)$table
  conc <- concordance(fit)
  bh <- basehaz(fit, centered = TRUE)
  bh0 <- basehaz(fit, centered = FALSE)
  list(
    id = cc$id, n = fit$n, nDropped = sum(!keep), events = fit$nevent, terms = terms,
    coef = unname(co[, "coef"]), hr = unname(co[, "exp(coef)"]), se = unname(co[, "se(coef)"]),
    z = unname(co[, "z"]), p = unname(co[, "Pr(>|z|)"]), lower = unname(ci[, "lower .95"]), upper = unname(ci[, "upper .95"]),
    loglik = unname(fit$loglik), iter = fit$iter,
    # summary() rounds the Wald statistic to 2 decimals; keep the unrounded fit$wald.test
    lr = unname(s$logtest), wald = c(unname(fit$wald.test), unname(s$waldtest[2:3])), score = unname(s$sctest),
    concordance = unname(fit$concordance[["concordance"]]), concordanceSe = unname(fit$concordance[["std"]]),
    concordanceCounts = as.list(fit$concordance[c("concordant", "discordant", "tied.x", "tied.y", "tied.xy")]),
    concordanceVar = unname(conc$var), concordanceCvar = unname(conc$cvar),
    zph = list(terms = rownames(zt)[-nrow(zt)], chisq = unname(zt[-nrow(zt), "chisq"]), df = unname(zt[-nrow(zt), "df"]),
               p = unname(zt[-nrow(zt), "p"]), global = unname(zt[nrow(zt), ])),
    zphColumns = list(chisq = unname(zph$table[-nrow(zph$table), "chisq"]), p = unname(zph$table[-nrow(zph$table), "p"])),
    means = unname(fit$means),
    linearPredictors = unname(fit$linear.predictors),
    warnings = warns,
    baseline = list(time = bh$time, hazard = bh$hazard, hazardZero = bh0$hazard,
                    strata = if (is.null(bh$strata)) NULL else sub("^st=", "", as.character(bh$strata)))
  )
}

out <- list(R = R.version.string, survival = as.character(packageVersion("survival")),
            cases = cases, results = lapply(cases, run_case))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE),
           file.path(dir, "cox_reference.json"))
cat("wrote", file.path(dir, "cox_reference.json"), "\n")

# ---- real cohort (../shared/data/real, never committed): only R's numbers are written ----------
real <- "../shared/data/real/chowell2021_ici_pancancer.csv"
if (file.exists(real)) {
  datasets$chowell <- read.csv(real, check.names = FALSE)
  rcases <- list(
    cs("chowell_os", "chowell", "OS_Months", "OS_Event", c("NLR", "Platelets", "Age", "Sex", "Stage", "Drug_class")),
    cs("chowell_os_strata_breslow", "chowell", "OS_Months", "OS_Event", c("NLR", "Platelets", "Age", "Sex", "Drug_class"),
       ref = list(Drug_class = "PD1/PDL1"), strata = "cohort", ties = "breslow"),
    cs("chowell_pfs_cancer", "chowell", "PFS_Months", "PFS_Event", c("NLR", "Albumin", "Cancer_Type", "Stage"), categorical = "Stage")
  )
  # summary numbers only: no per-patient values (linear predictors, event times of the baseline)
  strip <- function(r) { r$linearPredictors <- NULL; r$baseline <- NULL; r }
  rout <- list(R = R.version.string, survival = as.character(packageVersion("survival")),
               file = basename(real), cases = rcases, results = lapply(lapply(rcases, run_case), strip))
  writeLines(toJSON(rout, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE),
             file.path(dir, "cox_reference_real.json"))
  cat("wrote", file.path(dir, "cox_reference_real.json"), "\n")
}
