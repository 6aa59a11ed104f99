# Reference values for Kaplan–Meier (src/stats/survival/kaplanMeier*.ts), written by R's survival package.
# Run from this folder: Rscript km.R  → km_*.csv (data) and km_reference.json (R's results).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })

# ---- data sets exported for the tests (R's own data) ----
lung0 <- survival::lung
write.csv(lung0[, c("time", "status", "age", "sex", "ph.ecog", "ph.karno", "meal.cal", "wt.loss")], "km_lung.csv", row.names = FALSE, na = "NA")
vet <- survival::veteran
write.csv(vet, "km_veteran.csv", row.names = FALSE)
ov <- survival::ovarian
write.csv(ov, "km_ovarian.csv", row.names = FALSE)
aml0 <- survival::aml
write.csv(aml0, "km_aml.csv", row.names = FALSE)
col <- subset(survival::colon, etype == 2)   # death; 929 patients, many tied times
write.csv(col[, c("id", "time", "status", "rx", "sex", "age", "nodes", "differ")], "km_colon.csv", row.names = FALSE, na = "")
# Hand-sized cases: 5 patients; a curve flat at exactly 0.5 (median midpoint rule); a curve ending in an event.
tiny <- data.frame(time = c(1, 2, 2, 3, 5), status = c(1, 1, 0, 1, 0))
write.csv(tiny, "km_tiny.csv", row.names = FALSE)
flat <- data.frame(time = c(1, 2, 3, 4, 5, 6, 7, 8), status = c(1, 1, 0, 1, 0, 1, 1, 0),
                   g = c("a", "a", "a", "a", "b", "b", "b", "b"))
flat <- data.frame(time = c(1, 2, 4, 6, 7, 8, 9, 10, 3, 5, 8, 12, 15, 15),
                   status = c(1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0),
                   g = c(rep("a", 8), rep("b", 6)))
write.csv(flat, "km_flat.csv", row.names = FALSE)

ds <- list(lung = lung0, veteran = vet, ovarian = ov, aml = aml0, colon = col, tiny = tiny, flat = flat)

cases <- list(
  list(data = "lung", file = "km_lung.csv", time = "time", event = "status", eventValue = "2", group = NULL, times = c(180, 365, 730), tau = 1000),
  list(data = "lung", file = "km_lung.csv", time = "time", event = "status", eventValue = "2", group = "sex", times = c(180, 365, 730), tau = 1000),
  list(data = "lung", file = "km_lung.csv", time = "time", event = "status", eventValue = "2", group = "ph.ecog", times = c(100, 200, 300), tau = 500),
  list(data = "veteran", file = "km_veteran.csv", time = "time", event = "status", eventValue = NULL, group = "celltype", times = c(30, 90, 180), tau = 365),
  list(data = "ovarian", file = "km_ovarian.csv", time = "futime", event = "fustat", eventValue = NULL, group = "rx", times = c(365, 730), tau = 1000),
  list(data = "aml", file = "km_aml.csv", time = "time", event = "status", eventValue = NULL, group = "x", times = c(12, 24), tau = 40),
  list(data = "colon", file = "km_colon.csv", time = "time", event = "status", eventValue = NULL, group = "rx", times = c(365, 1095, 1825), tau = 2500),
  list(data = "tiny", file = "km_tiny.csv", time = "time", event = "status", eventValue = NULL, group = NULL, times = c(0.5, 2, 4), tau = 5),
  list(data = "flat", file = "km_flat.csv", time = "time", event = "status", eventValue = NULL, group = "g", times = c(3, 8), tau = 10)
)

one <- function(d, cs, ctype, clevel) {
  d <- d[!is.na(d[[cs$time]]) & !is.na(d[[cs$event]]) & (if (is.null(cs$group)) TRUE else !is.na(d[[cs$group]])), ]
  ev <- if (is.null(cs$eventValue)) d[[cs$event]] else as.numeric(d[[cs$event]] == as.numeric(cs$eventValue))
  grp <- if (is.null(cs$group)) rep("all", nrow(d)) else as.character(d[[cs$group]])
  out <- list()
  for (g in sort(unique(grp))) {
    s <- grp == g
    fit <- survfit(Surv(d[[cs$time]][s], ev[s]) ~ 1, conf.type = ctype, conf.int = clevel)
    sm <- summary(fit, censored = TRUE)
    q <- quantile(fit, probs = 0.5)
    at <- summary(fit, times = cs$times, extend = TRUE)
    rm <- summary(fit, rmean = cs$tau)$table
    out[[length(out) + 1]] <- list(
      group = g, n = sum(s), events = sum(ev[s]),
      table = list(time = sm$time, nRisk = sm$n.risk, nEvent = sm$n.event, nCensor = sm$n.censor,
                   surv = sm$surv, stdErr = sm$std.err, lower = sm$lower, upper = sm$upper),
      median = unname(q$quantile), medianLower = unname(q$lower), medianUpper = unname(q$upper),
      at = list(time = at$time, surv = at$surv, stdErr = at$std.err, lower = at$lower, upper = at$upper),
      rmst = unname(rm["rmean"]), rmstSe = unname(rm["se(rmean)"]), rmstTau = cs$tau)
  }
  out
}

res <- list()
for (cs in cases) for (ctype in c("log", "log-log", "plain")) for (clevel in c(0.95, 0.9)) {
  if (clevel == 0.9 && ctype != "log-log") next
  res[[length(res) + 1]] <- list(data = cs$data, file = cs$file, time = cs$time, event = cs$event, eventValue = cs$eventValue,
    group = cs$group, times = cs$times, rmstTau = cs$tau, confType = ctype, confLevel = clevel,
    groups = one(ds[[cs$data]], cs, ctype, clevel))
}
out <- list(R = R.version.string, survival = as.character(packageVersion("survival")), cases = res)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE), "km_reference.json")
cat("wrote km_reference.json with", length(res), "cases\n")
