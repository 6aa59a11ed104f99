# Reference values for src/stats/compare and src/stats/describe (siilab compare), from R's own
# data sets. Run from the repository root:  Rscript test/reference/compare/compare.R
# Writes the CSVs the tests read and compare_reference.json (full precision, R and package versions).
suppressPackageStartupMessages({ library(survival); library(pROC); library(jsonlite) })
out <- "test/reference/compare"

lung <- survival::lung[, c("time", "status", "sex", "age", "ph.ecog", "ph.karno", "wt.loss", "meal.cal")]
data(aSAH, package = "pROC")
asah <- data.frame(outcome = as.character(aSAH$outcome), gender = as.character(aSAH$gender), age = aSAH$age,
                   wfns = aSAH$wfns, s100b = aSAH$s100b, ndka = aSAH$ndka)
mt <- cbind(model = rownames(mtcars), mtcars)
# tie-free values (Income, Area) for the exact Wilcoxon p
states <- data.frame(state = state.name, region = as.character(state.region), south = ifelse(state.region == "South", "South", "Other"),
                     Income = state.x77[, "Income"], Area = state.x77[, "Area"], row.names = NULL)
write.csv(lung, file.path(out, "lung.csv"), row.names = FALSE, na = "NA")
write.csv(asah, file.path(out, "asah.csv"), row.names = FALSE, na = "NA")
write.csv(mt, file.path(out, "mtcars.csv"), row.names = FALSE, na = "NA")
write.csv(states, file.path(out, "states.csv"), row.names = FALSE, na = "NA")
sets <- list(lung = lung, asah = asah, mtcars = mt, states = states)

# groups sorted as siilab sorts labels (numeric order when numeric, else code point)
grp_levels <- function(g) { u <- unique(g[!is.na(g)]); if (is.numeric(u)) sort(u) else sort(as.character(u), method = "radix") }

summ <- function(x) list(n = length(x), mean = mean(x), sd = sd(x),
  median = median(x), q1_7 = unname(quantile(x, 0.25, type = 7)), q3_7 = unname(quantile(x, 0.75, type = 7)),
  q1_6 = unname(quantile(x, 0.25, type = 6)), q3_6 = unname(quantile(x, 0.75, type = 6)), min = min(x), max = max(x))

numeric_case <- function(set, var, group, subset = NULL) {
  d <- sets[[set]]
  if (!is.null(subset)) d <- d[eval(parse(text = subset), d), ]
  d <- d[!is.na(d[[var]]) & !is.na(d[[group]]), ]
  x <- d[[var]]; g <- d[[group]]
  lv <- grp_levels(g)
  gs <- lapply(lv, function(l) x[g == l])
  f <- factor(g, levels = lv)
  absdev <- abs(x - ave(x, f))
  lev <- anova(lm(absdev ~ f))
  res <- list(set = set, variable = var, group = group, subset = subset, groups = as.character(lv),
    summaries = lapply(gs, summ),
    levene = list(statistic = lev[["F value"]][1], df1 = lev$Df[1], df2 = lev$Df[2], p = lev[["Pr(>F)"]][1]),
    leveneCar = { l <- car::leveneTest(x ~ f, center = mean); list(statistic = l[["F value"]][1], p = l[["Pr(>F)"]][1]) },
    kruskal = { k <- kruskal.test(x ~ f); list(statistic = unname(k$statistic), df = unname(k$parameter), p = k$p.value) },
    anova = { o <- oneway.test(x ~ f, var.equal = TRUE); list(statistic = unname(o$statistic), df1 = unname(o$parameter[1]), df2 = unname(o$parameter[2]), p = o$p.value) },
    welchAnova = { o <- oneway.test(x ~ f, var.equal = FALSE); list(statistic = unname(o$statistic), df1 = unname(o$parameter[1]), df2 = unname(o$parameter[2]), p = o$p.value) })
  if (length(lv) == 2) {
    tt <- function(eq) { r <- t.test(gs[[1]], gs[[2]], var.equal = eq)
      list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value, meanDifference = unname(r$estimate[1] - r$estimate[2]), se = r$stderr) }
    wx <- function(cc) { r <- suppressWarnings(wilcox.test(gs[[1]], gs[[2]], exact = FALSE, correct = cc)); list(statistic = unname(r$statistic), p = r$p.value) }
    res$student <- tt(TRUE); res$welch <- tt(FALSE)
    res$wilcox <- wx(FALSE); res$wilcoxCorrect <- wx(TRUE)
    # R's default (exact = NULL) is exact when there are no ties and both samples are < 50
    res$wilcoxExactP <- if (!any(duplicated(x)) && length(gs[[1]]) < 50 && length(gs[[2]]) < 50) wilcox.test(gs[[1]], gs[[2]])$p.value else NULL
  }
  res
}

categorical_case <- function(set, var, group) {
  d <- sets[[set]]
  d <- d[!is.na(d[[var]]) & !is.na(d[[group]]), ]
  lv <- grp_levels(d[[var]]); gl <- grp_levels(d[[group]])
  tab <- table(factor(d[[var]], levels = lv), factor(d[[group]], levels = gl))
  c0 <- suppressWarnings(chisq.test(tab, correct = FALSE)); c1 <- suppressWarnings(chisq.test(tab, correct = TRUE))
  list(set = set, variable = var, group = group, levels = as.character(lv), groups = as.character(gl),
    counts = unname(lapply(seq_len(nrow(tab)), function(i) as.numeric(tab[i, ]))),
    chisq = list(statistic = unname(c0$statistic), df = unname(c0$parameter), p = c0$p.value, minExpected = min(c0$expected)),
    chisqYates = list(statistic = unname(c1$statistic), p = c1$p.value),
    fisherP = fisher.test(tab)$p.value)
}

numeric_cases <- list(
  numeric_case("lung", "age", "sex"), numeric_case("lung", "wt.loss", "sex"), numeric_case("lung", "meal.cal", "sex"),
  numeric_case("lung", "ph.karno", "status"),
  numeric_case("asah", "age", "outcome"), numeric_case("asah", "s100b", "outcome"), numeric_case("asah", "ndka", "outcome"),
  numeric_case("mtcars", "mpg", "am"), numeric_case("mtcars", "hp", "am"), numeric_case("mtcars", "qsec", "vs"),
  numeric_case("mtcars", "mpg", "cyl"), numeric_case("mtcars", "hp", "gear"), numeric_case("mtcars", "disp", "carb", subset = "d$carb %in% c(1, 2, 4)"),
  numeric_case("asah", "s100b", "wfns"), numeric_case("asah", "age", "wfns"),
  numeric_case("lung", "age", "ph.ecog", subset = "!is.na(d$ph.ecog) & d$ph.ecog < 3"),
  numeric_case("states", "Income", "south"), numeric_case("states", "Area", "south"), numeric_case("states", "Income", "region"))
categorical_cases <- list(
  categorical_case("asah", "gender", "outcome"), categorical_case("asah", "wfns", "outcome"),
  categorical_case("lung", "status", "sex"), categorical_case("lung", "ph.ecog", "sex"),
  categorical_case("mtcars", "am", "vs"), categorical_case("mtcars", "gear", "cyl"), categorical_case("mtcars", "carb", "am"),
  categorical_case("asah", "wfns", "gender"))

ref <- list(R = R.version.string, packages = list(survival = as.character(packageVersion("survival")),
  pROC = as.character(packageVersion("pROC")), car = as.character(packageVersion("car")), jsonlite = as.character(packageVersion("jsonlite"))),
  numeric = numeric_cases, categorical = categorical_cases)
writeLines(toJSON(ref, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), file.path(out, "compare_reference.json"))
