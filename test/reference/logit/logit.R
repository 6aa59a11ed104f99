# Reference values for src/stats/regression (siilab logit): R's glm(family = binomial) on R's own data
# sets. Run from the repository root:  Rscript test/reference/logit/logit.R
# glm is run to the exact MLE (glm.control(epsilon = 1e-16, maxit = 100)): glm's SEs come from the weights
# of the iteration BEFORE the last update, so with R's default epsilon 1e-8 (and even 1e-14) they are up to
# ~1e-7 (relative) away from the SE at the MLE (mtcars am ~ hp + wt: 7.4435580602 vs 7.4435584280); siilab
# evaluates XᵀWX at its final estimate. R's default fit is also recorded, as `default`.
# Wald CIs are confint.default (exp(b ± z·SE), SPSS's "95% C.I. for EXP(B)").
# Hosmer–Lemeshow is computed here from its definition with ResourceSelection::hoslem.test's grouping:
# breaks = unique(quantile(p, seq(0, 1, 1/g))) (type 7), cut(p, breaks, include.lowest = TRUE), df = groups − 2.
suppressPackageStartupMessages({ library(survival); library(jsonlite); library(car) })
out <- "test/reference/logit"
cmp <- "test/reference/compare"   # lung.csv, asah.csv, mtcars.csv written by test/reference/compare/compare.R

infert_d <- datasets::infert[, c("case", "education", "age", "parity", "spontaneous", "induced")]
infert_d$education <- as.character(infert_d$education)
write.csv(infert_d, file.path(out, "infert.csv"), row.names = FALSE)

# separation examples (small, deterministic)
sep_complete <- data.frame(y = c(0, 0, 0, 0, 1, 1, 1, 1), x = c(1, 2, 3, 4, 5, 6, 7, 8), z = c(3, 1, 4, 1, 5, 9, 2, 6))
write.csv(sep_complete, file.path(out, "separation_complete.csv"), row.names = FALSE)
set.seed(1)
sep_quasi <- data.frame(y = c(rbinom(30, 1, 0.4), rep(1, 6)), stage = c(sample(c("I", "II"), 30, TRUE), rep("III", 6)), age = round(rnorm(36, 60, 8)))
write.csv(sep_quasi, file.path(out, "separation_quasi.csv"), row.names = FALSE)

hl <- function(y, p, g = 10) {
  br <- unique(quantile(p, probs = seq(0, 1, 1 / g)))
  grp <- cut(p, breaks = br, include.lowest = TRUE)
  n <- tapply(y, grp, length); n <- n[!is.na(n)]
  o <- tapply(y, grp, sum); o <- o[!is.na(o)]
  e <- tapply(p, grp, sum); e <- e[!is.na(e)]
  chisq <- sum((o - e)^2 / e + ((n - o) - (n - e))^2 / (n - e))
  df <- length(n) - 2
  list(chisq = chisq, df = df, p = pchisq(chisq, df, lower.tail = FALSE), n = unname(n), observed = unname(o), expected = unname(e))
}

fit_case <- function(name, file, d, outcome, positive, covariates, categorical = character(0), ref = list(), args) {
  y <- as.numeric(as.character(d[[outcome]]) == positive)
  d$.y <- y
  for (v in categorical) {
    lv <- sort(unique(as.character(d[[v]][!is.na(d[[v]])])), method = "radix")
    if (all(!is.na(suppressWarnings(as.numeric(lv))))) lv <- as.character(sort(as.numeric(lv)))
    r <- if (!is.null(ref[[v]])) ref[[v]] else lv[1]
    d[[v]] <- relevel(factor(as.character(d[[v]]), levels = lv), ref = r)
  }
  fo <- as.formula(paste(".y ~", paste(covariates, collapse = " + ")))
  dd <- d[complete.cases(d[, c(outcome, covariates)]), ]
  f <- glm(fo, family = binomial, data = dd, control = glm.control(epsilon = 1e-16, maxit = 100))
  f0 <- glm(fo, family = binomial, data = dd)
  s <- summary(f)$coefficients
  terms <- sub("^\\(Intercept\\)$", "(Intercept)", rownames(s))
  for (v in categorical) terms <- sub(paste0("^", v, "(.*)$"), paste0(v, "=\\1"), terms)
  ci <- exp(confint.default(f))
  n <- nrow(dd)
  cs <- 1 - exp((f$deviance - f$null.deviance) / n)
  list(name = name, file = file, args = args, n = n, nDropped = nrow(d) - n, events = sum(dd$.y),
    terms = terms, coef = unname(s[, 1]), se = unname(s[, 2]), z = unname(s[, 3]), p = unname(s[, 4]),
    or = unname(exp(s[, 1])), lower = unname(ci[, 1]), upper = unname(ci[, 2]),
    deviance = list(null = f$null.deviance, residual = f$deviance, dfNull = f$df.null, dfResidual = f$df.residual),
    aic = f$aic, logLik = as.numeric(logLik(f)),
    lr = { ch <- f$null.deviance - f$deviance; df <- f$df.null - f$df.residual; list(chisq = ch, df = df, p = pchisq(ch, df, lower.tail = FALSE)) },
    hosmerLemeshow = hl(dd$.y, fitted(f)), coxSnellR2 = cs, nagelkerkeR2 = cs / (1 - exp(-f$null.deviance / n)),
    fitted = unname(fitted(f)),
    # Wald test per covariate, all its terms together (car::Anova type III Wald)
    covariateTests = { a <- car::Anova(f, type = 3, test.statistic = "Wald"); a <- a[rownames(a) != "(Intercept)", ]
      lapply(seq_len(nrow(a)), function(i) list(covariate = rownames(a)[i], df = a$Df[i], wald = a$Chisq[i], p = a[["Pr(>Chisq)"]][i])) },
    default = list(coef = unname(coef(f0)), se = unname(summary(f0)$coefficients[, 2]), iter = f0$iter))
}

lung <- read.csv(file.path(cmp, "lung.csv")); asah <- read.csv(file.path(cmp, "asah.csv")); mt <- read.csv(file.path(cmp, "mtcars.csv"))
cases <- list(
  fit_case("mtcars am ~ hp + wt", "compare/mtcars.csv", mt, "am", "1", c("hp", "wt"),
    args = c("--outcome", "am", "--covariates", "hp,wt")),
  fit_case("mtcars vs ~ mpg + disp + carb", "compare/mtcars.csv", mt, "vs", "1", c("mpg", "disp", "carb"),
    args = c("--outcome", "vs", "--covariates", "mpg,disp,carb")),
  fit_case("aSAH Poor ~ s100b + ndka + age", "compare/asah.csv", asah, "outcome", "Poor", c("s100b", "ndka", "age"),
    args = c("--outcome", "outcome", "--positive", "Poor", "--covariates", "s100b,ndka,age")),
  fit_case("aSAH Poor ~ wfns (categorical) + gender", "compare/asah.csv", asah, "outcome", "Poor", c("wfns", "gender"), categorical = c("wfns", "gender"),
    args = c("--outcome", "outcome", "--positive", "Poor", "--covariates", "wfns,gender", "--categorical", "wfns")),
  fit_case("lung dead ~ age + sex + ph.ecog + wt.loss (NA dropped)", "compare/lung.csv", lung, "status", "2", c("age", "sex", "ph.ecog", "wt.loss"),
    args = c("--outcome", "status", "--positive", "2", "--covariates", "age,sex,ph.ecog,wt.loss")),
  fit_case("infert case ~ spontaneous + induced + education", "logit/infert.csv", infert_d, "case", "1", c("spontaneous", "induced", "education"), categorical = "education",
    args = c("--outcome", "case", "--covariates", "spontaneous,induced,education")),
  fit_case("infert case ~ age + parity + education, ref 6-11yrs", "logit/infert.csv", infert_d, "case", "1", c("age", "parity", "education"), categorical = "education",
    ref = list(education = "6-11yrs"), args = c("--outcome", "case", "--covariates", "age,parity,education", "--ref", "education=6-11yrs")))

sepw <- function(d, fo) { w <- character(0); withCallingHandlers(glm(fo, binomial, d), warning = function(x) { w <<- c(w, conditionMessage(x)); invokeRestart("muffleWarning") }); w }
ref <- list(R = R.version.string, packages = list(stats = as.character(getRversion()), survival = as.character(packageVersion("survival")), car = as.character(packageVersion("car")), jsonlite = as.character(packageVersion("jsonlite"))),
  cases = cases,
  separation = list(
    complete = list(file = "logit/separation_complete.csv", rWarnings = sepw(sep_complete, y ~ x + z)),
    quasi = list(file = "logit/separation_quasi.csv", rWarnings = sepw(sep_quasi, y ~ stage + age),
      table = unname(as.list(as.data.frame.matrix(table(sep_quasi$stage, sep_quasi$y))))))
)
writeLines(toJSON(ref, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), file.path(out, "logit_reference.json"))
