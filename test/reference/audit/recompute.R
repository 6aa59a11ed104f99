# Reference for siilab's audit (src/audit/checks): the quantities the checks recompute from the
# seed papers' printed numbers, computed here by R from the same printed numbers (taken as exact).
# Run from the repository root:  Rscript test/reference/audit/recompute.R
# Also: the SE bound of the se-bound check against real fits on R's own data sets
# (survival::lung, pROC::aSAH).
suppressPackageStartupMessages({ library(survival); library(pROC); library(jsonlite) })
out <- "test/reference/audit"

chi <- function(counts, nrow) {
  m <- matrix(counts, nrow = nrow, byrow = TRUE)  # rows = levels, columns = groups
  p <- suppressWarnings(chisq.test(m, correct = FALSE))
  r <- list(counts = lapply(seq_len(nrow), function(i) m[i, ]), pearson = unname(p$statistic), pearsonP = p$p.value,
            df = unname(p$parameter), fisherP = fisher.test(m)$p.value)
  if (all(dim(m) == 2)) { y <- chisq.test(m, correct = TRUE); r$yates <- unname(y$statistic); r$yatesP <- y$p.value }
  r
}
tt <- function(m1, s1, n1, m2, s2, n2) {
  sp <- sqrt(((n1 - 1) * s1^2 + (n2 - 1) * s2^2) / (n1 + n2 - 2))
  t <- (m1 - m2) / (sp * sqrt(1 / n1 + 1 / n2))
  se <- sqrt(s1^2 / n1 + s2^2 / n2); w <- (m1 - m2) / se
  df <- se^4 / ((s1^2 / n1)^2 / (n1 - 1) + (s2^2 / n2)^2 / (n2 - 1))
  list(input = c(m1, s1, n1, m2, s2, n2), student = t, studentDf = n1 + n2 - 2, studentP = 2 * pt(-abs(t), n1 + n2 - 2),
       welch = w, welchDf = df, welchP = 2 * pt(-abs(w), df))
}
hm <- function(A, m, n) { q1 <- A / (2 - A); q2 <- 2 * A^2 / (1 + A); sqrt((A * (1 - A) + (m - 1) * (q1 - A^2) + (n - 1) * (q2 - A^2)) / (m * n)) }
roc <- function(auc, m, n) list(auc = auc, cases = m, controls = n, hanleyMcNeilSe = hm(auc, m, n),
                                nullP = 2 * pnorm(-abs(auc - 0.5) / sqrt((m + n + 1) / (12 * m * n))))
ab <- function(ratio, lo, hi) { se <- (log(hi) - log(lo)) / (2 * qnorm(0.975)); list(ratio = ratio, lo = lo, hi = hi, p = 2 * pnorm(-abs(log(ratio)) / se)) }

tables <- list(
  deng_age = chi(c(53, 46, 57, 30), 2), deng_gender = chi(c(61, 37, 49, 39), 2), deng_hbv = chi(c(45, 33, 65, 43), 2),
  deng_size = chi(c(70, 35, 40, 41), 2), deng_childpugh = chi(c(63, 42, 47, 34), 2), deng_lesions = chi(c(58, 35, 52, 41), 2),
  deng_thrombus = chi(c(50, 23, 60, 53), 2), deng_invasion = chi(c(44, 18, 66, 58), 2), deng_capsule = chi(c(58, 55, 42, 15, 10, 6), 3),
  yu_gender = chi(c(67, 92, 45, 68), 2), yu_hbv = chi(c(90, 134, 22, 26), 2), yu_lesions = chi(c(90, 147, 22, 13), 2),
  yu_thrombus = chi(c(10, 7, 102, 153), 2), yu_invasion = chi(c(12, 7, 100, 153), 2), yu_capsule = chi(c(102, 142, 10, 18), 2),
  hong_age = chi(c(15, 13, 14, 16), 2), hong_sex = chi(c(26, 27, 3, 2), 2), hong_childpugh = chi(c(18, 21, 11, 8), 2),
  hong_afp = chi(c(14, 12, 15, 17), 2), hong_pivka = chi(c(10, 6, 19, 23), 2), hong_nlr = chi(c(23, 5, 6, 24), 2),
  hong_plr_printed = chi(c(12, 6, 6, 23), 2), hong_plr_repaired = chi(c(23, 6, 6, 23), 2), hong_bclc = chi(c(11, 4, 18, 25), 2),
  hong_extrahepatic = chi(c(14, 8, 15, 21), 2))
ttests <- list(
  deng_bmi = tt(23.25, 1.87, 110, 23.88, 4.26, 76), deng_sii = tt(420.76, 253.30, 110, 283.36, 101.56, 76),
  deng_afp = tt(344.25, 98.33, 110, 198.25, 72.30, 76), yu_age = tt(54.96, 10.22, 112, 56.31, 10.37, 160),
  yu_albumin = tt(39.69, 6.17, 112, 41.69, 6.82, 160), yu_platelets = tt(179.22, 39.52, 112, 160.81, 34.13, 160),
  yu_sii = tt(535.23, 174.05, 112, 357.84, 120.21, 160))
rocs <- list(roc(0.797, 110, 76), roc(0.839, 110, 76), roc(0.910, 110, 76), roc(0.795, 112, 160), roc(0.682, 112, 160),
             roc(0.632, 112, 160), roc(0.587, 160, 112), roc(0.722, 160, 112))
altman <- list(ab(2.308, 1.140, 4.676), ab(2.211, 1.089, 4.489), ab(2.750, 1.259, 6.010), ab(0.684, 0.345, 1.357), ab(3.164, 1.878, 5.329))
pchi <- lapply(list(c(2.751, 1), c(7.919, 2), c(5.994, 1), c(18.751, 1), c(14.333, 1)), function(x) list(statistic = x[1], df = x[2], p = pchisq(x[1], x[2], lower.tail = FALSE)))

# se-bound on real fits: a 0/1 covariate's SE is at least 2/sqrt(events) (Cox) and 2*sqrt(1/n1 + 1/n0) (logistic).
lung <- survival::lung
cx <- coxph(Surv(time, status == 2) ~ I(sex == 2), data = lung)
cx2 <- coxph(Surv(time, status == 2) ~ I(sex == 2) + age + I(ph.ecog >= 2), data = lung)
data(aSAH, package = "pROC")
gl <- glm(I(outcome == "Poor") ~ I(gender == "Female"), family = binomial, data = aSAH)
gl2 <- glm(I(outcome == "Poor") ~ I(gender == "Female") + age + I(wfns >= 3), family = binomial, data = aSAH)
fem <- sum(aSAH$gender == "Female")
bound <- list(
  cox = list(events = sum(lung$status == 2), se = unname(sqrt(diag(vcov(cx)))[1])),
  coxAdjusted = list(events = cx2$nevent, se = unname(sqrt(diag(vcov(cx2)))[1])),
  logistic = list(n1 = fem, n0 = nrow(aSAH) - fem, se = unname(sqrt(diag(vcov(gl)))[2])),
  logisticAdjusted = list(n1 = fem, n0 = nrow(aSAH) - fem, se = unname(sqrt(diag(vcov(gl2)))[2])))

ref <- list(R = R.version.string, packages = list(survival = as.character(packageVersion("survival")), pROC = as.character(packageVersion("pROC")),
            jsonlite = as.character(packageVersion("jsonlite"))),
            tables = tables, ttests = ttests, roc = rocs, altmanBland = altman, pChisq = pchi, seBound = bound)
writeLines(toJSON(ref, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out, "recompute_reference.json"))
