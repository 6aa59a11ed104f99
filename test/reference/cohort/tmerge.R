# Reference for siilab's counting-process rows (src/cohort/countingProcess.ts): survival::tmerge.
# Run from the repository root:  Rscript test/reference/cohort/tmerge.R
# Data: R's own survival::pbc / pbcseq (first 40 patients; repeated albumin, bilirubin, platelets)
# plus a hand-made set with measurements before time 0, at time 0, at and after the end of follow-up.
# Each covariate is merged with its own non-missing measurements (siilab skips a missing value
# rather than setting the covariate missing from that time on).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
dir <- "test/reference/cohort"

base <- subset(survival::pbc, id <= 40, select = c(id, time, status))
base$event <- as.integer(base$status == 2)
base$status <- NULL
labs <- subset(survival::pbcseq, id <= 40, select = c(id, day, albumin, bili, platelet))

hand_base <- data.frame(id = 1:5, time = c(100, 50, 80, 30, 60), event = c(1, 0, 1, 1, 0))
hand_labs <- data.frame(
  id    = c(1,   1,  1,  1,   2,  2,  3,  3,   3,   4,  5,  5),
  day   = c(-10, 0, 40, 100, 20, 70, -5, 10,  80,  15, 30, 45),
  albumin = c(3.1, 3.4, 3.0, 2.9, 4.0, 3.8, 3.5, NA, 3.3, 3.9, 3.6, 3.2),
  bili  = c(1.0, NA, 2.0, 3.0, 0.8, 0.9, 1.1, 1.3, 1.2, 0.7, 2.2, 2.4),
  platelet = c(200, 210, 190, 150, 300, 310, 250, 240, 230, 180, 220, 205))

run <- function(base, labs) {
  d <- tmerge(base, base, id = id, ev = event(time, event))
  for (v in c("albumin", "bili", "platelet")) {
    l <- labs[!is.na(labs[[v]]), c("id", "day", v)]
    names(l)[3] <- "value"
    d <- tmerge(d, l, id = id, tmp = tdc(day, value))
    names(d)[names(d) == "tmp"] <- v
  }
  d <- d[order(d$id, d$tstart), ]
  list(id = d$id, tstart = d$tstart, tstop = d$tstop, event = d$ev,
       albumin = d$albumin, bili = d$bili, platelet = d$platelet)
}

write.csv(base, file.path(dir, "tmerge_pbc_base.csv"), row.names = FALSE)
write.csv(labs, file.path(dir, "tmerge_pbc_labs.csv"), row.names = FALSE, na = "NA")
write.csv(hand_base, file.path(dir, "tmerge_hand_base.csv"), row.names = FALSE)
write.csv(hand_labs, file.path(dir, "tmerge_hand_labs.csv"), row.names = FALSE, na = "NA")

out <- list(
  R = R.version.string,
  survival = as.character(packageVersion("survival")),
  cases = list(pbc = run(base, labs), hand = run(hand_base, hand_labs)))
writeLines(toJSON(out, digits = NA, na = "null", auto_unbox = TRUE, pretty = TRUE), file.path(dir, "tmerge_reference.json"))
