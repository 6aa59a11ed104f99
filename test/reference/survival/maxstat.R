# Reference values for the maximally selected log-rank statistic (src/stats/survival/maxstat.ts),
# written by maxstat::maxstat.test(Surv(time, event) ~ marker, smethod = "LogRank", pmethod = "Lau94" / "Lau92").
# Run from this folder: Rscript maxstat.R → maxstat_dlbcl.csv, maxstat_reference.json (also uses km_*.csv).
suppressPackageStartupMessages({ library(survival); library(maxstat); library(jsonlite) })

rd <- function(f) read.csv(f, stringsAsFactors = FALSE)
data(DLBCL, package = "maxstat")
write.csv(DLBCL[, c("time", "cens", "IPI", "MGE")], "maxstat_dlbcl.csv", row.names = FALSE, na = "")
ds <- list(lung = rd("km_lung.csv"), veteran = rd("km_veteran.csv"), colon = rd("km_colon.csv"),
           ovarian = rd("km_ovarian.csv"), dlbcl = rd("maxstat_dlbcl.csv"))
cases <- list(
  list(data = "lung", file = "km_lung.csv", time = "time", event = "status", eventValue = 2, marker = "age", minprop = 0.1, maxprop = 0.9),
  list(data = "lung", file = "km_lung.csv", time = "time", event = "status", eventValue = 2, marker = "meal.cal", minprop = 0.1, maxprop = 0.9),
  list(data = "lung", file = "km_lung.csv", time = "time", event = "status", eventValue = 2, marker = "wt.loss", minprop = 0.25, maxprop = 0.75),
  list(data = "veteran", file = "km_veteran.csv", time = "time", event = "status", eventValue = NULL, marker = "karno", minprop = 0.1, maxprop = 0.9),
  list(data = "colon", file = "km_colon.csv", time = "time", event = "status", eventValue = NULL, marker = "nodes", minprop = 0.1, maxprop = 0.9),
  list(data = "colon", file = "km_colon.csv", time = "time", event = "status", eventValue = NULL, marker = "age", minprop = 0.1, maxprop = 0.9),
  list(data = "ovarian", file = "km_ovarian.csv", time = "futime", event = "fustat", eventValue = NULL, marker = "age", minprop = 0.1, maxprop = 0.9),
  list(data = "dlbcl", file = "maxstat_dlbcl.csv", time = "time", event = "cens", eventValue = NULL, marker = "MGE", minprop = 0.1, maxprop = 0.9)
)
res <- list()
for (cs in cases) {
  d <- ds[[cs$data]]
  keep <- !is.na(d[[cs$time]]) & !is.na(d[[cs$event]]) & !is.na(d[[cs$marker]])
  d <- d[keep, ]
  dd <- data.frame(tt = d[[cs$time]], ev = if (is.null(cs$eventValue)) d[[cs$event]] else as.numeric(d[[cs$event]] == cs$eventValue), x = d[[cs$marker]])
  m94 <- maxstat.test(Surv(tt, ev) ~ x, data = dd, smethod = "LogRank", pmethod = "Lau94", minprop = cs$minprop, maxprop = cs$maxprop)
  m92 <- maxstat.test(Surv(tt, ev) ~ x, data = dd, smethod = "LogRank", pmethod = "Lau92", minprop = cs$minprop, maxprop = cs$maxprop)
  lowGroup <- as.numeric(dd$x <= m94$estimate)
  naive <- survdiff(Surv(tt, ev) ~ lowGroup, data = dd)
  res[[length(res) + 1]] <- list(data = cs$data, file = cs$file, time = cs$time, event = cs$event, eventValue = cs$eventValue,
    marker = cs$marker, minprop = cs$minprop, maxprop = cs$maxprop, n = nrow(dd), nDropped = sum(!keep),
    statistic = unname(m94$statistic), cutoff = unname(m94$estimate), pLau94 = m94$p.value, pLau92 = m92$p.value,
    cuts = m94$cuts, stats = m94$stats,
    naiveLogRankChisq = naive$chisq, naiveLogRankP = pchisq(naive$chisq, 1, lower.tail = FALSE))
}
# pLausen94 itself at chosen b, N, minprop, maxprop, m (the first is the check value on page 489 of Lausen et al. 1994: 0.073).
pl <- list(
  list(b = 2.5, N = 20, minprop = 0.25, maxprop = 0.75, m = NULL),
  list(b = 2.5, N = 200, minprop = 0.25, maxprop = 0.75, m = seq(50, 150, 10)),
  list(b = 3.1, N = 228, minprop = 0.1, maxprop = 0.9, m = NULL),
  list(b = 1.2, N = 50, minprop = 0.1, maxprop = 0.9, m = NULL),
  list(b = 2.8, N = 137, minprop = 0.1, maxprop = 0.9, m = c(14, 20, 33, 40, 51, 77, 90, 101, 123))
)
for (i in seq_along(pl)) pl[[i]]$p <- pLausen94(pl[[i]]$b, pl[[i]]$N, pl[[i]]$minprop, pl[[i]]$maxprop, m = pl[[i]]$m)
pl92 <- lapply(list(c(2.5, 0.1, 0.9), c(3.2, 0.25, 0.75), c(1.5, 0.1, 0.9)), function(a) list(b = a[1], minprop = a[2], maxprop = a[3], p = pLausen92(a[1], a[2], a[3])))
out <- list(R = R.version.string, survival = as.character(packageVersion("survival")), maxstat = as.character(packageVersion("maxstat")),
            cases = res, pLausen94 = pl, pLausen92 = pl92)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE), "maxstat_reference.json")
cat("wrote maxstat_reference.json with", length(res), "cases\n")
