# Reference results for siilab's calibration (src/stats/calibration), bootstrap internal validation
# (src/stats/validation) and decision curves (src/stats/decision).
# Run from the repository root:  Rscript test/reference/validation/validation.R   (takes ~1 min)
# Writes validation_lung.csv, validation_infert.csv and validation_reference.json.
#  - apparent Dxy / slope and bootstrap optimism: rms::validate(cph(..., x = TRUE, y = TRUE, surv = TRUE,
#    time.inc = t), B = 2000) and rms::validate(lrm(..., x = TRUE, y = TRUE), B = 2000);
#  - Brier at the horizon: riskRegression::Score(metrics = "brier", cens.model = "km") on the risks of
#    survfit(coxph, newdata);
#  - calibration: groups by cut(risk, unique(quantile(risk, 0:10/10)), include.lowest = TRUE), observed
#    1 - KM(t) with survfit's log CI; smooth curve by Austin, Harrell & van Klaveren (2020): coxph on
#    rms::rcs(cll, knots at quantile(cll, c(.1, .5, .9))), ICI / E50 / E90; slope coef(coxph(~ cll));
#  - decision curves: net benefit written out from the formula (Vickers & Elkin 2006; Vickers et al. 2008)
#    in plain R (dcurves is not installed here).
suppressPackageStartupMessages({ library(survival); library(rms); library(riskRegression); library(jsonlite) })
dir <- "test/reference/validation"
set.seed(20260312)

lung <- na.omit(survival::lung[, c("time", "status", "age", "sex", "ph.ecog", "ph.karno", "wt.loss")])
lung$status <- lung$status - 1
rownames(lung) <- NULL
write.csv(lung, file.path(dir, "validation_lung.csv"), row.names = FALSE)
infert <- datasets::infert[, c("case", "age", "parity", "spontaneous", "induced")]
write.csv(infert, file.path(dir, "validation_infert.csv"), row.names = FALSE)
horizon <- 365
B <- 2000

# ---- Cox: apparent and optimism (rms) --------------------------------------------------------
f <- cph(Surv(time, status) ~ age + sex + ph.ecog + ph.karno + wt.loss, data = lung, x = TRUE, y = TRUE, surv = TRUE, time.inc = horizon)
t0 <- proc.time()
v <- rms::validate(f, B = B)
coxSeconds <- (proc.time() - t0)[["elapsed"]]
vrow <- function(v, nm) as.list(setNames(as.numeric(v[nm, c("index.orig", "training", "test", "optimism", "index.corrected", "n")]),
                                c("apparent", "training", "test", "optimism", "corrected", "n")))
fc <- coxph(Surv(time, status) ~ age + sex + ph.ecog + ph.karno + wt.loss, data = lung)
risk <- 1 - as.numeric(summary(survfit(fc, newdata = lung), times = horizon)$surv)
sc <- Score(list(cox = matrix(risk, ncol = 1)), formula = Surv(time, status) ~ 1, data = lung, times = horizon,
            metrics = "brier", cens.model = "km", null.model = FALSE, conf.int = FALSE)
brier <- as.data.frame(sc$Brier$score)$Brier[1]

# ---- calibration at the horizon --------------------------------------------------------------
grp <- cut(risk, unique(quantile(risk, 0:10 / 10)), include.lowest = TRUE)
groups <- lapply(levels(grp), function(l) {
  d <- lung[grp == l, ]
  s <- summary(survfit(Surv(time, status) ~ 1, data = d), times = horizon)
  list(n = nrow(d), predicted = mean(risk[grp == l]), observed = 1 - s$surv, lower = 1 - s$upper, upper = 1 - s$lower)
})
cll <- log(-log(1 - risk))
knots <- as.numeric(quantile(cll, c(0.1, 0.5, 0.9)))
cd <- data.frame(time = lung$time, status = lung$status, cll = cll)
cal <- coxph(Surv(time, status) ~ rms::rcs(cll, knots), data = cd)
obs <- 1 - as.numeric(summary(survfit(cal, newdata = cd), times = horizon)$surv)
ad <- abs(obs - risk)
slope <- coxph(Surv(time, status) ~ cll, data = cd)
km <- summary(survfit(Surv(time, status) ~ 1, data = lung), times = horizon)

# ---- logistic: rms validate.lrm -------------------------------------------------------------
g <- lrm(case ~ age + parity + spontaneous + induced, data = infert, x = TRUE, y = TRUE)
t0 <- proc.time()
vl <- rms::validate(g, B = B)
logitSeconds <- (proc.time() - t0)[["elapsed"]]
p <- as.numeric(plogis(predict(g)))
lpl <- qlogis(p)
rcl <- glm(infert$case ~ lpl, family = binomial)
icl <- glm(infert$case ~ offset(lpl), family = binomial)

# ---- decision curves from the formula --------------------------------------------------------
pts <- seq(0.01, 0.99, by = 0.01)
nbBinary <- sapply(pts, function(pt) { tr <- p >= pt; (sum(tr & infert$case == 1) - sum(tr & infert$case == 0) * pt / (1 - pt)) / nrow(infert) })
prev <- mean(infert$case)
allBinary <- prev - (1 - prev) * pts / (1 - pts)
skm <- function(rows) { if (!any(rows)) return(NA); s <- summary(survfit(Surv(time, status) ~ 1, data = lung[rows, ]), times = horizon, extend = TRUE); s$surv }
nbSurv <- sapply(pts, function(pt) {
  tr <- risk >= pt; if (!any(tr)) return(0); s <- skm(tr); pr <- mean(tr)
  (1 - s) * pr - s * pr * pt / (1 - pt)
})
s0 <- skm(rep(TRUE, nrow(lung)))
allSurv <- (1 - s0) - s0 * pts / (1 - pts)

out <- list(
  R = R.version.string,
  packages = list(survival = as.character(packageVersion("survival")), rms = as.character(packageVersion("rms")),
                  Hmisc = as.character(packageVersion("Hmisc")), riskRegression = as.character(packageVersion("riskRegression"))),
  B = B, horizon = horizon,
  cox = list(covariates = c("age", "sex", "ph.ecog", "ph.karno", "wt.loss"), n = nrow(lung), seconds = coxSeconds,
             dxy = vrow(v, "Dxy"), slope = vrow(v, "Slope"), concordance = as.numeric(concordance(fc)$concordance),
             brier = brier, risk = risk),
  calibration = list(groups = groups, knots = knots, ici = mean(ad), e50 = median(ad), e90 = as.numeric(quantile(ad, 0.9)),
                     emax = max(ad), smoothObserved = obs, slope = as.numeric(coef(slope)), slopeSe = sqrt(as.numeric(vcov(slope))),
                     observed = 1 - km$surv, observedLower = 1 - km$upper, observedUpper = 1 - km$lower, predicted = mean(risk)),
  logistic = list(covariates = c("age", "parity", "spontaneous", "induced"), n = nrow(infert), seconds = logitSeconds,
                  dxy = vrow(vl, "Dxy"), slope = vrow(vl, "Slope"), brier = vrow(vl, "B"), p = p,
                  recalSlope = as.numeric(coef(rcl)[2]), recalIntercept = as.numeric(coef(icl)[1])),
  dca = list(thresholds = pts, binary = nbBinary, binaryAll = allBinary, survival = nbSurv, survivalAll = allSurv)
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(dir, "validation_reference.json"))
cat("Cox validate", coxSeconds, "s; lrm validate", logitSeconds, "s\n")
print(v); print(vl)
