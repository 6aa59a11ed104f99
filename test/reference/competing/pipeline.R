# Reference for test/analysis/competingPipeline.test.ts: the competing-risks analyses of a study spec
# on examples/deng2025/cohort.csv (one row per patient), computed directly in R.
# Endpoint: recurrence (recurrence_event, at recurrence_time) with death without recurrence
# (os_event, at os_time) as the competing event; censored at recurrence_time otherwise.
# Analyses: cuminc by sii >= 400 at 12, 24, 36 months (Gray's test); crr of thrombus (0/1) and
# sii ≥ 400 (robust SE; gtol 1e-10), and cause-specific coxph (Efron) of each cause.
# Run from the repository root:  Rscript test/reference/competing/pipeline.R
suppressPackageStartupMessages({ library(cmprsk); library(survival); library(jsonlite) })
d <- read.csv("examples/deng2025/cohort.csv")
status <- ifelse(d$recurrence_event == 1, 1, ifelse(d$os_event == 1, 2, 0))
time <- ifelse(status == 2, d$os_time, d$recurrence_time)
high <- as.integer(d$sii >= 400)
group <- ifelse(high == 1, "high", "low")
ci <- cuminc(time, status, group, cencode = 0)
tp <- timepoints(ci, c(12, 24, 36))
cif <- lapply(rownames(tp$est), function(nm) list(name = nm, est = unname(tp$est[nm, ]), var = unname(tp$var[nm, ])))
gray <- lapply(seq_len(nrow(ci$Tests)), function(k) list(cause = as.integer(rownames(ci$Tests)[k]), stat = unname(ci$Tests[k, "stat"]), pv = unname(ci$Tests[k, "pv"]), df = unname(ci$Tests[k, "df"])))
X <- cbind(thrombus = d$thrombus, high = high)
fg <- crr(time, status, X, failcode = 1, cencode = 0, gtol = 1e-10)
cs <- lapply(1:2, function(k) {
  f <- coxph(Surv(time, status == k) ~ thrombus + high, data = data.frame(time, status, thrombus = d$thrombus, high), ties = "efron", control = coxph.control(eps = 1e-11, iter.max = 50))
  list(cause = k, coef = unname(coef(f)), se = unname(sqrt(diag(vcov(f)))), p = unname(summary(f)$coefficients[, "Pr(>|z|)"]))
})
out <- list(
  R = R.version.string, cmprsk = as.character(packageVersion("cmprsk")), survival = as.character(packageVersion("survival")),
  n = length(time), events = sum(status == 1), competing = sum(status == 2),
  cif = cif, gray = gray,
  fineGray = list(coef = unname(fg$coef), se = unname(sqrt(diag(fg$var))), p = unname(2 * pnorm(-abs(fg$coef / sqrt(diag(fg$var))))), loglik = fg$loglik, loglikNull = fg$loglik.null, converged = fg$converged),
  causeSpecific = cs
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "test/reference/competing/pipeline_reference.json")
