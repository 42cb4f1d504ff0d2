# Times psych on the data bench/exportForR.ts wrote (same generators and seeds as the bench)
# and prints, per case, this package's median time, psych's elapsed time and their ratio, and
# how far the values agree. Called by bench/compare-r.sh with the data directory.
suppressPackageStartupMessages(library(psych))
options(width = 250, scipen = 5)
library(jsonlite)

directory <- commandArgs(trailingOnly = TRUE)[1]
ours <- fromJSON(file.path(directory, "ours.json"))
read <- function(name) {
  path <- file.path(directory, name)
  if (requireNamespace("data.table", quietly = TRUE)) {
    as.data.frame(data.table::fread(path, na.strings = "NA"))
  } else {
    read.csv(path)
  }
}
# Elapsed seconds of one evaluation, and its value.
timed <- function(expr) {
  start <- proc.time()[["elapsed"]]
  value <- force(expr)
  list(seconds = proc.time()[["elapsed"]] - start, value = value)
}
relative <- function(a, b) max(abs(a - b) / pmax(abs(a), abs(b)))

rows <- list()
add <- function(case, size, ourMs, rSeconds, call, agreement) {
  rows[[length(rows) + 1]] <<- data.frame(
    case = case, size = size, ours_ms = round(ourMs, 1), psych_ms = round(1000 * rSeconds),
    ratio = signif(ourMs / (1000 * rSeconds), 3), faster = sprintf(if (1000 * rSeconds >= 10 * ourMs) "%.0fx" else "%.2fx", 1000 * rSeconds / ourMs),
    psych_call = call, max_rel_diff = signif(agreement, 2)
  )
}

cat(sprintf("R %s, psych %s\n", getRversion(), packageVersion("psych")))

# 1. Scoring: psych::scoreItems with item means and no imputation is scoreTable's mean column.
responses <- read("wai-sr.csv")
keys <- lapply(ours$scoreKeys, function(items) paste0("i", items))
scoring <- timed(scoreItems(keys, responses, totals = FALSE, impute = "none", min = 1, max = 5))
meanSums <- colSums(scoring$value$scores)[names(keys)]
add("scoreItems / scoreTable", ours$scoreItems$size, ours$scoreItems$ms, scoring$seconds,
    "scoreItems(keys, x, totals = FALSE, impute = \"none\")", relative(meanSums, ours$scoreItems$meanSums))

# 2. Cronbach's alpha, everything psych::alpha reports.
items <- read("alpha.csv")
alphaRun <- timed(alpha(items))
add("alpha / cronbachAlpha", ours$alpha$size, ours$alpha$ms, alphaRun$seconds, "alpha(x)",
    relative(c(alphaRun$value$total$raw_alpha, alphaRun$value$total$std.alpha),
             c(ours$alpha$rawAlpha, ours$alpha$stdAlpha)))

# 3. ICC with aov (lmer = FALSE), as intraclassCorrelation computes it. psych fits aov() on
# the long data with one dummy column per target, so it runs on 1,000 targets, not 10,000.
ratings <- read("icc.csv")
iccRun <- timed(ICC(ratings, lmer = FALSE))
add("ICC / intraclassCorrelation", ours$ICC$size, ours$ICC$ms, iccRun$seconds, "ICC(x, lmer = FALSE)",
    relative(iccRun$value$results$ICC, ours$ICC$icc))

# 4. Cohen's kappa, unweighted and quadratic-weighted.
pairs <- read("kappa.csv")
kappaRun <- timed(cohen.kappa(pairs))
add("cohen.kappa / cohenKappa", ours$cohenKappa$size, ours$cohenKappa$ms, kappaRun$seconds,
    "cohen.kappa(cbind(r1, r2))",
    relative(c(kappaRun$value$kappa, kappaRun$value$weighted.kappa),
             c(ours$cohenKappa$kappa, ours$cohenKappa$weightedKappa)))

table <- do.call(rbind, rows)
print(table, row.names = FALSE, right = FALSE)
cat("ratio = this package's median (5 runs, tinybench) / psych's elapsed time (one run);",
    "faster = psych / this package; max_rel_diff = largest relative difference of the values\n")
if (file.exists("/proc/loadavg")) cat("load average at the end:", readLines("/proc/loadavg", warn = FALSE), "\n")
write_json(table, file.path(directory, "r-results.json"), pretty = TRUE, digits = NA)
