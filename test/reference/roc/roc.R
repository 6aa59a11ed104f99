# Reference values for siilab's ROC analysis (src/stats/roc/), computed with pROC.
# Run from the repository root:  Rscript test/reference/roc/roc.R
# Writes the data CSVs it uses (aSAH.csv, lung1y.csv, tiny.csv) and roc.json next to this script.
suppressMessages({ library(pROC); library(survival); library(jsonlite) })
here <- "test/reference/roc"
stopifnot(as.character(packageVersion("pROC")) == "1.18.0")

# ---- data sets -------------------------------------------------------------------------------
data(aSAH, package = "pROC")
asah <- data.frame(outcome = as.integer(aSAH$outcome == "Poor"), s100b = aSAH$s100b,
                   ndka = aSAH$ndka, wfns = as.numeric(aSAH$wfns), age = aSAH$age)
write.csv(asah, file.path(here, "aSAH.csv"), row.names = FALSE)

# survival::lung: dead within one year (1) vs alive at one year (0); censored before 365 days dropped.
lung <- survival::lung
dead1y <- ifelse(lung$status == 2 & lung$time <= 365, 1L, ifelse(lung$time > 365, 0L, NA_integer_))
lung1y <- data.frame(dead1y = dead1y, ph.karno = lung$ph.karno, age = lung$age,
                     wt.loss = lung$wt.loss, meal.cal = lung$meal.cal)
write.csv(lung1y, file.path(here, "lung1y.csv"), row.names = FALSE, na = "")

# A tiny hand-checkable set: ties within and across groups, equal Youden at two thresholds.
tiny <- data.frame(y = c(0, 1, 0, 1, 0, 1, 1, 0), a = c(1, 2, 3, 4, 4, 5, 6, 2), b = c(8, 3, 7, 2, 5, 1, 1, 6))
write.csv(tiny, file.path(here, "tiny.csv"), row.names = FALSE)

# ---- helpers ---------------------------------------------------------------------------------
num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, ifelse(x > 0, "Inf", ifelse(x < 0, "-Inf", NA))) }
fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }

one_marker <- function(r, y, x) {
  v <- var(r, method = "delong")
  ci <- ci.auc(r, method = "delong")
  best <- coords(r, "best", best.method = "youden",
                 ret = c("threshold", "sensitivity", "specificity", "ppv", "npv", "youden"), transpose = FALSE)
  tl <- coords(r, "best", best.method = "closest.topleft",
               ret = c("threshold", "sensitivity", "specificity", "ppv", "npv"), transpose = FALSE)
  cases <- x[y == 1]; controls <- x[y == 0]
  wt <- wilcox.test(cases, controls, exact = FALSE, correct = FALSE)
  list(direction = r$direction, auc = as.numeric(auc(r)), var = v, se = sqrt(v),
       lower = ci[1], upper = ci[3], nCases = length(r$cases), nControls = length(r$controls),
       # Mann-Whitney normal approximation with tie correction, no continuity correction
       pMannWhitney = wt$p.value,
       youden = list(threshold = num(best$threshold), sensitivity = best$sensitivity,
                     specificity = best$specificity, ppv = fin(best$ppv), npv = fin(best$npv),
                     youden = best$youden),
       topleft = list(threshold = num(tl$threshold), sensitivity = tl$sensitivity,
                      specificity = tl$specificity, ppv = fin(tl$ppv), npv = fin(tl$npv)),
       curve = list(threshold = num(r$thresholds), sensitivity = r$sensitivities, specificity = r$specificities))
}

analyse <- function(d, outcome, markers, combine = TRUE, directions = NULL) {
  keep <- complete.cases(d[, c(outcome, markers)])
  dd <- d[keep, ]
  y <- dd[[outcome]]
  rocs <- list(); res <- list()
  for (m in markers) {
    dir <- if (is.null(directions)) "auto" else directions[[m]]
    rocs[[m]] <- roc(y, dd[[m]], levels = c(0, 1), direction = dir, quiet = TRUE)
    res[[m]] <- one_marker(rocs[[m]], y, dd[[m]])
  }
  comps <- list()
  if (length(markers) > 1) for (i in 1:(length(markers) - 1)) for (j in (i + 1):length(markers)) {
    t <- roc.test(rocs[[markers[i]]], rocs[[markers[j]]], method = "delong", paired = TRUE)
    comps[[length(comps) + 1]] <- list(a = markers[i], b = markers[j], diff = unname(t$estimate[1] - t$estimate[2]),
                                       z = unname(t$statistic), p = t$p.value,
                                       lower = t$conf.int[1], upper = t$conf.int[2])
  }
  out <- list(outcome = outcome, markers = markers, nComplete = nrow(dd), nDropped = sum(!keep),
              results = res, comparisons = comps)
  if (combine && length(markers) > 1) {
    f <- glm(reformulate(markers, outcome), data = dd, family = binomial)
    p <- fitted(f)
    rc <- roc(y, p, levels = c(0, 1), direction = "auto", quiet = TRUE)
    vs <- lapply(markers, function(m) {
      t <- roc.test(rc, rocs[[m]], method = "delong", paired = TRUE)
      list(marker = m, diff = unname(t$estimate[1] - t$estimate[2]), z = unname(t$statistic), p = t$p.value,
           lower = t$conf.int[1], upper = t$conf.int[2])
    })
    sm <- summary(f)$coefficients
    out$combined <- list(coefficients = unname(sm[, 1]), se = unname(sm[, 2]), terms = rownames(sm),
                         result = one_marker(rc, y, p), vsMarkers = vs)
    out$combined$result$curve <- NULL
  }
  out
}

set.seed(20240601)
r1 <- roc(asah$outcome, asah$s100b, levels = c(0, 1), direction = "<", quiet = TRUE)
boot <- ci.auc(r1, method = "bootstrap", boot.n = 2000, boot.stratified = TRUE)

ref <- list(
  R = R.version.string, pROC = as.character(packageVersion("pROC")),
  survival = as.character(packageVersion("survival")), jsonlite = as.character(packageVersion("jsonlite")),
  created = format(Sys.time(), "%Y-%m-%d"),
  aSAH = analyse(asah, "outcome", c("s100b", "ndka", "wfns")),
  aSAH_lower = analyse(asah, "outcome", c("s100b", "ndka"), combine = FALSE,
                       directions = list(s100b = ">", ndka = ">")),
  lung1y = analyse(lung1y, "dead1y", c("ph.karno", "age", "wt.loss")),
  tiny = analyse(tiny, "y", c("a", "b")),
  bootstrap_s100b = list(boot.n = 2000, lower = boot[1], upper = boot[3],
                         note = "pROC stratified bootstrap (R's RNG): compare loosely, the draws differ")
)
writeLines(toJSON(ref, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           file.path(here, "roc.json"))
cat("wrote", file.path(here, "roc.json"), "\n")
