# Reference results for siilab's restricted cubic splines (src/stats/design/rcsKnots.ts, rcsBasis.ts),
# Cox survival predictions for new rows (src/stats/survival/cox/predictSurvival.ts) and nomogram
# points (src/stats/nomogram/). Run from the repository root:
#   Rscript test/reference/splines/splines.R
# Writes the data sets as CSV (exported from R's survival::pbc and survival::lung) and
# splines_reference.json: knots (Hmisc::rcspline.eval(knots.only = TRUE)), the basis, Cox fits
# (rms::cph and survival::coxph with rms::rcs), anova() Wald tests, rms::Predict HR curves,
# logistic fits (rms::lrm and glm with epsilon 1e-14), summary(survfit(coxph, newdata), times)
# and rms::nomogram points. R and package versions are recorded in the JSON.
suppressPackageStartupMessages({ library(survival); library(rms); library(jsonlite) })
dir <- "test/reference/splines"

pbc <- survival::pbc[, c("id", "time", "status", "age", "bili", "albumin", "sex", "edema", "protime")]
pbc$death <- as.integer(pbc$status == 2)
pbc$age <- round(pbc$age, 4)
lung <- survival::lung[, c("time", "status", "age", "sex", "ph.karno", "wt.loss")]
lung$dead <- as.integer(lung$status == 2)
pbc80 <- pbc[1:80, ]
write.csv(pbc, file.path(dir, "pbc.csv"), row.names = FALSE, na = "")
write.csv(lung, file.path(dir, "lung.csv"), row.names = FALSE, na = "")
data <- list(pbc = pbc, lung = lung, pbc80 = pbc80)

# ---- knots --------------------------------------------------------------------------------------
knots <- list()
for (dn in names(data)) for (v in c("age", "bili", "albumin", "ph.karno", "wt.loss")) {
  x <- data[[dn]][[v]]
  if (is.null(x)) next
  for (k in 3:7) knots[[length(knots) + 1]] <- list(data = dn, column = v, k = k,
    knots = as.numeric(rcspline.eval(x, nk = k, knots.only = TRUE)))
}
# basis at a few values for given knots (rcs's normalisation)
kn <- c(0.6, 1.1, 2.2, 6.5)
xs <- c(0.3, 0.6, 0.9, 1.5, 3, 6.5, 10, 28)
basis <- list(knots = kn, x = xs, basis = unname(rcspline.eval(xs, knots = kn, inclx = TRUE, norm = 2)))

# ---- Cox models with splines -------------------------------------------------------------------
coxcases <- list()
cox_case <- function(id, dn, time, event, spline, k, adjust, ties = "efron", grid = NULL) {
  d <- data[[dn]]
  used <- c(time, event, spline, adjust)
  d <- d[complete.cases(d[, used]), ]
  dd <<- datadist(d); options(datadist = "dd")
  f <- as.formula(paste0("Surv(", time, ",", event, ") ~ rcs(", spline, ",", k, ")",
                         if (length(adjust)) paste0(" + ", paste(adjust, collapse = " + ")) else ""))
  fit <- cph(f, data = d, x = TRUE, y = TRUE, method = ties, eps = 1e-11, iter.max = 100)
  f2 <- as.formula(paste0("Surv(", time, ",", event, ") ~ rms::rcs(", spline, ",", k, ")",
                          if (length(adjust)) paste0(" + ", paste(adjust, collapse = " + ")) else ""))
  fit2 <- coxph(f2, data = d, ties = ties, control = coxph.control(eps = 1e-11, iter.max = 100))
  a <- anova(fit)
  kn <- as.numeric(attr(fit$Design$parms, "dummy") %||% fit$Design$parms[[spline]])
  if (is.null(grid)) grid <- as.numeric(quantile(d[[spline]], seq(0.05, 0.95, by = 0.15)))
  ref <- median(d[[spline]])
  pr <- do.call(Predict, c(list(fit), setNames(list(grid), spline), list(ref.zero = TRUE, fun = exp)))
  list(id = id, data = dn, time = time, event = event, spline = spline, k = k, adjust = adjust, ties = ties,
       knots = as.numeric(fit$Design$parms[[spline]]),
       coef = unname(coef(fit)), se = unname(sqrt(diag(vcov(fit)))), coxphCoef = unname(coef(fit2)),
       coxphSe = unname(sqrt(diag(vcov(fit2)))), loglik = fit$loglik[2],
       overall = list(chisq = a[spline, "Chi-Square"], df = a[spline, "d.f."], p = a[spline, "P"]),
       nonlinear = list(chisq = a[" Nonlinear", "Chi-Square"], df = a[" Nonlinear", "d.f."], p = a[" Nonlinear", "P"]),
       reference = ref, curve = list(x = grid, hr = pr$yhat, lower = pr$lower, upper = pr$upper))
}
`%||%` <- function(a, b) if (is.null(a)) b else a
coxcases[[1]] <- cox_case("pbc_bili4_age", "pbc", "time", "death", "bili", 4, c("age"))
coxcases[[2]] <- cox_case("pbc_bili5_breslow", "pbc", "time", "death", "bili", 5, c("age", "albumin"), ties = "breslow")
coxcases[[3]] <- cox_case("pbc_age3", "pbc", "time", "death", "age", 3, c("bili"))
coxcases[[4]] <- cox_case("lung_age4_sex", "lung", "time", "dead", "age", 4, c("sex"))
coxcases[[5]] <- cox_case("lung_karno3", "lung", "time", "dead", "ph.karno", 3, c("age", "sex"))

# ---- logistic with splines -----------------------------------------------------------------------
logit_case <- function(id, dn, y, spline, k, adjust) {
  d <- data[[dn]]
  d <- d[complete.cases(d[, c(y, spline, adjust)]), ]
  f <- as.formula(paste0(y, " ~ rcs(", spline, ",", k, ")", if (length(adjust)) paste0(" + ", paste(adjust, collapse = " + ")) else ""))
  fit <- lrm(f, data = d, x = TRUE, y = TRUE, tol = 1e-14)
  f2 <- as.formula(paste0(y, " ~ rms::rcs(", spline, ",", k, ")", if (length(adjust)) paste0(" + ", paste(adjust, collapse = " + ")) else ""))
  g <- glm(f2, data = d, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
  a <- anova(fit)
  list(id = id, data = dn, outcome = y, spline = spline, k = k, adjust = adjust,
       knots = as.numeric(fit$Design$parms[[spline]]), coef = unname(coef(g)), se = unname(sqrt(diag(vcov(g)))),
       lrmCoef = unname(coef(fit)),
       overall = list(chisq = a[spline, "Chi-Square"], df = a[spline, "d.f."], p = a[spline, "P"]),
       nonlinear = list(chisq = a[" Nonlinear", "Chi-Square"], df = a[" Nonlinear", "d.f."], p = a[" Nonlinear", "P"]))
}
logitcases <- list(logit_case("pbc_death_bili4_age", "pbc", "death", "bili", 4, "age"),
                   logit_case("lung_dead_age3", "lung", "dead", "age", 3, c("sex")))

# ---- survival predictions for new rows -----------------------------------------------------------
pred_case <- function(id, dn, time, event, covs, newdata, times, ties = "efron", strata = NULL) {
  d <- data[[dn]]
  d <- d[complete.cases(d[, c(time, event, covs, strata)]), ]
  f <- as.formula(paste0("Surv(", time, ",", event, ") ~ ", paste(covs, collapse = " + "),
                         if (!is.null(strata)) paste0(" + strata(", strata, ")") else ""))
  fit <- coxph(f, data = d, ties = ties, control = coxph.control(eps = 1e-11, iter.max = 100))
  rows <- lapply(seq_len(nrow(newdata)), function(i) {
    nd <- newdata[i, , drop = FALSE]
    s <- summary(survfit(fit, newdata = nd), times = times, extend = TRUE)
    list(row = i, values = as.list(nd), time = s$time, surv = s$surv, stdErr = s$std.err, lower = s$lower, upper = s$upper,
         cumhaz = s$cumhaz)
  })
  list(id = id, data = dn, time = time, event = event, covariates = covs, strata = strata, ties = ties, times = times,
       coef = unname(coef(fit)), rows = rows)
}
nd_pbc <- data.frame(bili = c(0.8, 3.2, 12), age = c(45, 60, 70), albumin = c(3.8, 3.2, 2.6))
nd_lung <- data.frame(age = c(50, 65, 75), sex = c(1, 2, 1), ph.karno = c(90, 70, 60))
predcases <- list(
  pred_case("pbc_efron", "pbc", "time", "death", c("bili", "age", "albumin"), nd_pbc, c(365, 1000, 2000, 3650)),
  pred_case("pbc_breslow", "pbc", "time", "death", c("bili", "age", "albumin"), nd_pbc, c(365, 1000, 2000, 3650), ties = "breslow"),
  pred_case("lung_efron", "lung", "time", "dead", c("age", "sex", "ph.karno"), nd_lung, c(30, 180, 365, 730)),
  pred_case("lung_breslow", "lung", "time", "dead", c("age", "sex", "ph.karno"), nd_lung, c(30, 180, 365, 730), ties = "breslow"),
  pred_case("lung_strata_sex", "lung", "time", "dead", c("age", "ph.karno"), nd_lung, c(30, 180, 365, 730), strata = "sex")
)

# ---- nomogram points ----------------------------------------------------------------------------
nomo_case <- function(id, covs, values, horizons, splineK = NULL) {
  d <- pbc[complete.cases(pbc[, c("time", "death", covs)]), ]
  d$sex <- as.character(d$sex)
  dd <<- datadist(d); options(datadist = "dd")
  terms <- vapply(covs, function(v) if (!is.null(splineK) && v == names(splineK)) paste0("rcs(", v, ",", splineK[[v]], ")") else v, "")
  fit <- cph(as.formula(paste("Surv(time, death) ~", paste(terms, collapse = " + "))), data = d, x = TRUE, y = TRUE, surv = TRUE,
             eps = 1e-11, iter.max = 100)
  sv <- Survival(fit)
  funs <- lapply(horizons, function(h) { force(h); function(lp) sv(h, lp) })
  names(funs) <- paste0("S(", horizons, ")")
  nom <- do.call(nomogram, c(list(fit), values, list(fun = funs, lp = TRUE, maxscale = 100)))
  pts <- lapply(covs, function(v) list(name = v, values = if (is.numeric(nom[[v]][[v]])) nom[[v]][[v]] else as.character(nom[[v]][[v]]),
                                        points = nom[[v]]$points))
  # lp at totals via the model: total points -> lp is linear
  lpAxis <- list(points = nom$lp$x, value = nom$lp$x.real)
  funAxes <- lapply(seq_along(horizons), function(i) { a <- nom[[names(funs)[i]]]; list(horizon = horizons[i], points = a$x, value = a$x.real) })
  list(id = id, covariates = covs, spline = splineK, horizons = horizons, coef = unname(coef(fit)),
       centre = unname(fit$means), predictors = pts, lp = lpAxis, fun = funAxes,
       baselineSurv = sapply(horizons, function(h) sv(h, 0)))
}
nomocases <- list(
  nomo_case("pbc_bili_age_sex", c("bili", "age", "sex"),
            list(bili = c(0, 5, 10, 15, 20, 25, 30), age = seq(25, 80, by = 5), sex = c("m", "f")), c(1825, 3650)),
  nomo_case("pbc_albumin_protime", c("albumin", "protime", "age"),
            list(albumin = seq(2, 4.5, by = 0.5), protime = seq(9, 14, by = 1), age = seq(30, 80, by = 10)), c(1000, 3000)),
  nomo_case("pbc_rcs_bili", c("bili", "age"), list(bili = c(0.5, 1, 2, 3, 5, 10, 20), age = seq(30, 80, by = 10)), c(1825),
            splineK = list(bili = 4))
)

pk <- c("survival", "rms", "Hmisc", "jsonlite")
out <- list(R = R.version.string, packages = setNames(lapply(pk, function(p) as.character(packageVersion(p))), pk),
            knots = knots, basis = basis, cox = coxcases, logistic = logitcases, predictions = predcases, nomogram = nomocases)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = TRUE), file.path(dir, "splines_reference.json"))
