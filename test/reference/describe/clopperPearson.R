# Reference for src/stats/describe/clopperPearson.ts: binom.test exact CIs.
# Run: Rscript test/reference/describe/clopperPearson.R > test/reference/describe/clopperPearson.json
library(jsonlite)
cases <- list(c(100, 186), c(31, 51), c(0, 20), c(20, 20), c(6, 51), c(1, 3))
out <- lapply(cases, function(k) {
  b95 <- binom.test(k[1], k[2]); b90 <- binom.test(k[1], k[2], conf.level = 0.9)
  list(x = k[1], n = k[2], lower95 = b95$conf.int[1], upper95 = b95$conf.int[2], lower90 = b90$conf.int[1], upper90 = b90$conf.int[2])
})
cat(toJSON(list(R = R.version.string, cases = out), digits = NA, auto_unbox = TRUE, pretty = TRUE))
