# Reference results for siilab's multi-centre pooling (src/multicentre/, `siilab analyze --share`, `siilab pool`).
# Run from the repository root:  Rscript test/reference/multicentre/pool.R
# Splits survival::lung into three "sites" by institution (A: inst 1-3, B: 4-12, C: 13+; rows without
# inst dropped), writes each site's rows as site_<X>.csv (what stays at the site) and pool_reference.json:
# survfit(Surv(time, dead) ~ sex) and survdiff(... ~ sex + strata(site)) / survdiff(... ~ sex) on the
# pooled rows, each site's coxph(Surv(time, dead) ~ age + sex), their inverse-variance pooled
# coefficients (metafor rma method "FE" and "REML", per term), and coxph(... + strata(site)).
suppressPackageStartupMessages({ library(survival); library(metafor); library(jsonlite) })
dir <- "test/reference/multicentre"
d <- survival::lung[!is.na(survival::lung$inst), ]
d$site <- ifelse(d$inst <= 3, "A", ifelse(d$inst <= 12, "B", "C"))
d$dead <- as.integer(d$status == 2)
d$sex <- ifelse(d$sex == 1, "male", "female")
d$id <- seq_len(nrow(d))
for (s in c("A", "B", "C")) write.csv(d[d$site == s, c("id", "time", "dead", "sex", "age")], file.path(dir, paste0("site_", s, ".csv")), row.names = FALSE)
num <- function(x) as.numeric(x)
fit <- survfit(Surv(time, dead) ~ sex, data = d)
sm <- summary(fit, censored = TRUE)
strata <- sub("^sex=", "", as.character(sm$strata))
km <- lapply(sort(unique(strata)), function(g) { i <- strata == g
  list(group = g, time = num(sm$time[i]), nRisk = num(sm$n.risk[i]), nEvent = num(sm$n.event[i]), surv = num(sm$surv[i]),
       stdErr = num(sm$std.err[i]), lower = num(sm$lower[i]), upper = num(sm$upper[i])) })
sd1 <- survdiff(Surv(time, dead) ~ sex + strata(site), data = d)
sd0 <- survdiff(Surv(time, dead) ~ sex, data = d)
sites <- lapply(c("A", "B", "C"), function(s) { m <- coxph(Surv(time, dead) ~ age + sex, data = d[d$site == s, ])
  list(site = s, n = m$n, events = m$nevent, coef = num(coef(m)), se = num(sqrt(diag(vcov(m)))), terms = names(coef(m))) })
pooled <- lapply(1:2, function(j) { yi <- sapply(sites, function(s) s$coef[j]); sei <- sapply(sites, function(s) s$se[j])
  fe <- rma(yi, sei = sei, method = "FE"); re <- rma(yi, sei = sei, method = "REML", control = list(threshold = 1e-12, maxiter = 10000))
  list(term = sites[[1]]$terms[j], fe = list(estimate = num(fe$b), se = num(fe$se), QE = num(fe$QE), I2 = num(fe$I2)),
       reml = list(estimate = num(re$b), se = num(re$se), tau2 = num(re$tau2))) })
# multivariate fixed-effect (GLS) pooling of the coefficient vectors with their covariance matrices
Vi <- lapply(c("A", "B", "C"), function(s) solve(vcov(coxph(Surv(time, dead) ~ age + sex, data = d[d$site == s, ]))))
bi <- lapply(sites, function(s) s$coef)
W <- Reduce(`+`, Vi); gls <- solve(W, Reduce(`+`, Map(function(V, b) V %*% b, Vi, bi)))
strat <- coxph(Surv(time, dead) ~ age + sex + strata(site), data = d, control = coxph.control(eps = 1e-12, iter.max = 100))
out <- list(R = R.version.string, survival = as.character(packageVersion("survival")), metafor = as.character(packageVersion("metafor")),
  km = km, logrankStratified = list(chisq = num(sd1$chisq), observed = num(rowSums(as.matrix(sd1$obs))), expected = num(rowSums(as.matrix(sd1$exp))), groups = sub("^sex=", "", names(sd1$n))),
  logrank = list(chisq = num(sd0$chisq), observed = num(sd0$obs), expected = num(sd0$exp)),
  sites = sites, pooled = pooled, gls = list(coef = num(gls), se = num(sqrt(diag(solve(W))))),
  stratifiedCox = list(coef = num(coef(strat)), se = num(sqrt(diag(vcov(strat)))), loglik = num(strat$loglik), terms = names(coef(strat))))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null"), file.path(dir, "pool_reference.json"))
cat("sites:", table(d$site), "\n")
