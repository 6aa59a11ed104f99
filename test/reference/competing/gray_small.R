# Reference Gray's tests on many small data sets (ties, censoring, 2–3 groups, all-events-of-one-cause
# cases, groups that empty early): cmprsk::cuminc's $Tests for both causes.
# Run from the repository root:  Rscript test/reference/competing/gray_small.R
# Writes test/reference/competing/gray_small_reference.json (R and cmprsk versions recorded).
suppressPackageStartupMessages({ library(cmprsk); library(jsonlite) })
set.seed(1988)
cases <- list()
add <- function(kind, tt, st, gg) {
  tests <- tryCatch(cuminc(tt, st, gg)$Tests, error = function(e) NULL)
  if (is.null(tests)) return(invisible())
  cases[[length(cases) + 1]] <<- list(kind = kind, time = tt, status = st, group = gg,
    tests = lapply(seq_len(nrow(tests)), function(i) list(cause = as.numeric(rownames(tests)[i]), stat = tests[i, "stat"], pv = tests[i, "pv"], df = tests[i, "df"])))
}
add("hand", c(1, 2, 3), c(1, 1, 1), c(1, 2, 1))
for (i in 1:30) { n <- sample(4:12, 1); gg <- sample(1:2, n, TRUE); gg[1:2] <- 1:2; add("one cause, distinct", sample(1:30, n), rep(1, n), gg) }
for (i in 1:30) { n <- sample(5:14, 1); gg <- sample(1:2, n, TRUE); gg[1:2] <- 1:2; st <- sample(1:2, n, TRUE); st[1:2] <- 1; add("two causes, distinct", sample(1:40, n), st, gg) }
for (i in 1:30) { n <- sample(5:14, 1); gg <- sample(1:2, n, TRUE); gg[1:2] <- 1:2; st <- sample(0:2, n, TRUE); st[1:2] <- 1; add("censored, distinct", sample(1:40, n), st, gg) }
for (i in 1:40) { n <- sample(6:16, 1); gg <- sample(1:2, n, TRUE); gg[1:2] <- 1:2; st <- sample(0:2, n, TRUE); st[1:2] <- 1; add("ties", sample(1:6, n, TRUE), st, gg) }
for (i in 1:40) { n <- sample(8:20, 1); gg <- sample(1:3, n, TRUE); gg[1:3] <- 1:3; st <- sample(0:2, n, TRUE); st[1:3] <- 1; add("three groups, ties", sample(1:8, n, TRUE), st, gg) }
out <- list(R = R.version.string, cmprsk = as.character(packageVersion("cmprsk")), cases = cases)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), "test/reference/competing/gray_small_reference.json")
cat(length(cases), "cases\n")
