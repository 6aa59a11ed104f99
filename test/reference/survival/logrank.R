# Reference values for the log-rank tests (src/stats/survival/logRank*.ts): survdiff (k groups,
# stratified) and the test for trend, computed here from survdiff's O, E and variance matrix as
# (sum w(O-E))^2 / (w' V w) (Collett, Modelling Survival Data in Medical Research, 3rd ed., §2.6.3).
# Run from this folder: Rscript logrank.R → logrank_reference.json (uses the km_*.csv files of km.R).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })

rd <- function(f) read.csv(f, stringsAsFactors = FALSE)
lung <- rd("km_lung.csv"); lung$dead <- as.numeric(lung$status == 2)
vet <- rd("km_veteran.csv"); ov <- rd("km_ovarian.csv"); aml <- rd("km_aml.csv"); col <- rd("km_colon.csv")
tiny2 <- data.frame(time = c(1, 2, 2, 3, 5, 2, 4, 4, 6, 7), status = c(1, 1, 0, 1, 0, 1, 1, 1, 0, 1), g = c(rep("a", 5), rep("b", 5)))
write.csv(tiny2, "logrank_tiny.csv", row.names = FALSE)
ds <- list(lung = lung, veteran = vet, ovarian = ov, aml = aml, colon = col, tiny = tiny2)

cases <- list(
  list(data = "lung", file = "km_lung.csv", time = "time", event = "status", eventValue = "2", group = "sex", strata = NULL, scores = NULL),
  list(data = "lung", file = "km_lung.csv", time = "time", event = "status", eventValue = "2", group = "ph.ecog", strata = NULL, scores = c(0, 1, 2, 3)),
  list(data = "lung", file = "km_lung.csv", time = "time", event = "status", eventValue = "2", group = "sex", strata = "ph.ecog", scores = NULL),
  list(data = "veteran", file = "km_veteran.csv", time = "time", event = "status", eventValue = NULL, group = "celltype", strata = NULL, scores = NULL),
  list(data = "veteran", file = "km_veteran.csv", time = "time", event = "status", eventValue = NULL, group = "trt", strata = "celltype", scores = c(1, 2)),
  list(data = "ovarian", file = "km_ovarian.csv", time = "futime", event = "fustat", eventValue = NULL, group = "rx", strata = NULL, scores = c(1, 2)),
  list(data = "ovarian", file = "km_ovarian.csv", time = "futime", event = "fustat", eventValue = NULL, group = "ecog.ps", strata = "resid.ds", scores = NULL),
  list(data = "aml", file = "km_aml.csv", time = "time", event = "status", eventValue = NULL, group = "x", strata = NULL, scores = NULL),
  list(data = "colon", file = "km_colon.csv", time = "time", event = "status", eventValue = NULL, group = "rx", strata = NULL, scores = c(1, 2, 3)),
  list(data = "colon", file = "km_colon.csv", time = "time", event = "status", eventValue = NULL, group = "differ", strata = NULL, scores = c(1, 2, 3)),
  list(data = "colon", file = "km_colon.csv", time = "time", event = "status", eventValue = NULL, group = "rx", strata = "sex", scores = c(1, 2, 3)),
  list(data = "tiny", file = "logrank_tiny.csv", time = "time", event = "status", eventValue = NULL, group = "g", strata = NULL, scores = c(1, 2))
)

res <- list()
for (cs in cases) {
  d <- ds[[cs$data]]
  keep <- !is.na(d[[cs$time]]) & !is.na(d[[cs$event]]) & !is.na(d[[cs$group]]) & (if (is.null(cs$strata)) TRUE else !is.na(d[[cs$strata]]))
  d <- d[keep, ]
  ev <- if (is.null(cs$eventValue)) d[[cs$event]] else as.numeric(d[[cs$event]] == as.numeric(cs$eventValue))
  labs <- as.character(d[[cs$group]])
  lv <- unique(labs)
  lv <- if (all(!is.na(suppressWarnings(as.numeric(lv))))) lv[order(as.numeric(lv))] else sort(lv, method = "radix")
  g <- factor(labs, levels = lv)
  tt <- d[[cs$time]]
  sd <- if (is.null(cs$strata)) survdiff(Surv(tt, ev) ~ g) else { st <- d[[cs$strata]]; survdiff(Surv(tt, ev) ~ g + strata(st)) }
  O <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  E <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  df <- sum(E > 0) - 1
  p <- pchisq(sd$chisq, df, lower.tail = FALSE)
  trend <- NULL
  if (!is.null(cs$scores)) {
    w <- cs$scores
    U <- sum(w * (O - E)); V <- as.numeric(t(w) %*% sd$var %*% w)
    trend <- list(scores = w, chisq = U^2 / V, df = 1, p = pchisq(U^2 / V, 1, lower.tail = FALSE), u = U, v = V)
  }
  res[[length(res) + 1]] <- list(data = cs$data, file = cs$file, time = cs$time, event = cs$event, eventValue = cs$eventValue,
    group = cs$group, strata = cs$strata, groups = lv, n = as.numeric(sd$n), observed = as.numeric(O), expected = as.numeric(E),
    variance = unname(sd$var), chisq = sd$chisq, df = df, p = p, trend = trend, nDropped = sum(!keep))
}
out <- list(R = R.version.string, survival = as.character(packageVersion("survival")), cases = res)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE), "logrank_reference.json")
cat("wrote logrank_reference.json with", length(res), "cases\n")
