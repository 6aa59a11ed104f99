# Reference values on a real cohort that is NOT committed (shared/data/real/chowell2021_ici_pancancer.csv,
# 1,479 patients on immune checkpoint inhibitors): aggregate results only (medians, tests, cutoff).
# Run from this folder: Rscript km_real.R → km_real_reference.json. The test skips when shared/ is absent.
suppressPackageStartupMessages({ library(survival); library(maxstat); library(jsonlite) })
f <- file.path("..", "..", "..", "..", "shared", "data", "real", "chowell2021_ici_pancancer.csv")
d <- read.csv(f, stringsAsFactors = FALSE)
d$SII <- d$Platelets * d$NLR
groupSummary <- function(dd, g, tau, times) {
  out <- list()
  for (lv in sort(unique(dd[[g]]))) {
    s <- dd[dd[[g]] == lv, ]
    fit <- survfit(Surv(OS_Months, OS_Event) ~ 1, data = s)
    q <- quantile(fit, 0.5); rm <- summary(fit, rmean = tau)$table; at <- summary(fit, times = times, extend = TRUE)
    out[[length(out) + 1]] <- list(group = as.character(lv), n = nrow(s), events = sum(s$OS_Event),
      median = unname(q$quantile), medianLower = unname(q$lower), medianUpper = unname(q$upper),
      rmst = unname(rm["rmean"]), rmstSe = unname(rm["se(rmean)"]), atSurv = at$surv, atLower = at$lower, atUpper = at$upper)
  }
  out
}
hb <- d[d$Cancer_type_grouped_2 == "Hepatobiliary", ]
sd1 <- survdiff(Surv(OS_Months, OS_Event) ~ Sex, data = d)
sd2 <- survdiff(Surv(OS_Months, OS_Event) ~ Cancer_Type + strata(Sex), data = d)
ms <- maxstat.test(Surv(OS_Months, OS_Event) ~ SII, data = d, smethod = "LogRank", pmethod = "Lau94")
msh <- maxstat.test(Surv(OS_Months, OS_Event) ~ SII, data = hb, smethod = "LogRank", pmethod = "Lau94")
out <- list(R = R.version.string, survival = as.character(packageVersion("survival")), maxstat = as.character(packageVersion("maxstat")),
  file = "chowell2021_ici_pancancer.csv", tau = 36, times = c(12, 24),
  bySex = list(groups = groupSummary(d, "Sex", 36, c(12, 24)), chisq = sd1$chisq, observed = as.numeric(sd1$obs), expected = as.numeric(sd1$exp)),
  hepatobiliaryBySex = list(groups = groupSummary(hb, "Sex", 36, c(12, 24))),
  cancerTypeStratSex = list(chisq = sd2$chisq, observed = as.numeric(rowSums(sd2$obs)), expected = as.numeric(rowSums(sd2$exp))),
  maxstatSII = list(statistic = unname(ms$statistic), cutoff = unname(ms$estimate), p = ms$p.value),
  maxstatSIIHepatobiliary = list(n = nrow(hb), statistic = unname(msh$statistic), cutoff = unname(msh$estimate), p = msh$p.value))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), "km_real_reference.json")
cat("wrote km_real_reference.json\n")
