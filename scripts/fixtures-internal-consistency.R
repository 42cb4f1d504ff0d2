# Writes the reference fixtures for the internal-consistency statistics
# (cronbachAlpha, guttmanLambdas, splitHalf, mcdonaldOmega) into
# test/fixtures/internal-consistency/*.json.
#
# Run from the project root:  Rscript scripts/fixtures-internal-consistency.R
# Made with R 4.2.2, psych 2.2.9, GPArotation and jsonlite from Debian 12.
# Every number is written at full precision (digits = NA); inputs are written too so that the
# TypeScript tests need no R.

suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
  library(jsonlite)
})

out_dir <- file.path("test", "fixtures", "internal-consistency")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

# ---- datasets ---------------------------------------------------------------------------

data(bfi, package = "psychTools", envir = environment())
if (!exists("bfi")) data(bfi, package = "psych", envir = environment())
bfi_items <- as.matrix(bfi[, 1:25])

# A simulated 9-item scale with three correlated groups, on a 1..7 response scale, with about
# 4% of the cells missing at random (the seed makes it reproducible).
simulate_scale <- function() {
  set.seed(20261126)
  n <- 400
  general <- rnorm(n)
  groups <- matrix(rnorm(n * 3), n, 3)
  loadings_g <- c(0.6, 0.5, 0.55, 0.5, 0.6, 0.45, 0.5, 0.4, 0.55)
  group_of <- rep(1:3, each = 3)
  x <- sapply(1:9, function(j) {
    latent <- loadings_g[j] * general + 0.5 * groups[, group_of[j]] + rnorm(n, sd = 0.7)
    pmin(7, pmax(1, round(4 + 1.3 * latent)))
  })
  colnames(x) <- paste0("S", 1:9)
  x[sample(length(x), round(0.04 * length(x)))] <- NA
  x
}
simulated <- simulate_scale()

# A complete 7-item matrix (odd item count, count = choose(7, 3) / 2 = 17.5 in splitHalf).
simulate_odd <- function() {
  set.seed(7)
  n <- 60
  f <- rnorm(n)
  x <- sapply(1:7, function(j) round(3 + 0.8 * f + rnorm(n), 2))
  colnames(x) <- paste0("O", 1:7)
  x
}
odd7 <- simulate_odd()

# A small complete matrix, easy to check by hand.
small <- matrix(c(
  1, 2, 2, 3,
  2, 2, 3, 3,
  3, 4, 3, 4,
  4, 3, 5, 4,
  5, 5, 4, 5,
  2, 3, 2, 2,
  3, 3, 4, 3,
  4, 5, 5, 5
), ncol = 4, byrow = TRUE, dimnames = list(NULL, paste0("I", 1:4)))

# pingouin's `cronbach_wide_missing` dataset (12 respondents x 11 binary items, 4 cells
# missing; pingouin credits www.real-statistics.com). pingouin's docs pin psych::alpha on it:
# 0.732661 pairwise and 0.801695 listwise. Its pairwise correlation matrix is not positive
# definite, so it also exercises the pseudo-inverse in smc.
pingouin_wide <- matrix(c(
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0,
  NA, 0, 1, 1, NA, 1, 1, 1, 1, 0, 0,
  1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0,
  1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0,
  0, 1, NA, 0, 1, 1, 1, 1, 0, 0, 0,
  1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0,
  1, 0, 0, 1, 0, 1, 0, 0, NA, 0, 0,
  1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0
), ncol = 11, byrow = TRUE, dimnames = list(NULL, paste0("Q", 1:11)))

# The small matrix with a constant fifth item: psych::alpha leaves it out with a warning but
# keeps its value in the total score.
small_constant <- cbind(small, I5 = 3)

datasets <- list(
  small_constant = list(x = small_constant, keys = NULL),
  pingouin_wide = list(x = pingouin_wide, keys = NULL),
  bfi_agree_consc = list(x = bfi_items[, 1:10], keys = c("A1", "C4", "C5")),
  bfi_agree = list(x = bfi_items[, 1:5], keys = c("A1")),
  bfi_all25 = list(x = bfi_items, keys = NULL),
  simulated9 = list(x = simulated, keys = NULL),
  odd7 = list(x = odd7, keys = NULL),
  small4 = list(x = small, keys = NULL)
)

key_vector <- function(x, keys) {
  v <- rep(1, ncol(x))
  if (!is.null(keys)) v[colnames(x) %in% keys] <- -1
  v
}

rows_of <- function(x) {
  lapply(seq_len(nrow(x)), function(i) {
    r <- as.list(unname(x[i, ]))
    lapply(r, function(v) if (is.na(v)) NULL else v)
  })
}

# Cases name their dataset (written once, to datasets.json) and give the key vector used.
input_of <- function(d) {
  name <- names(datasets)[sapply(datasets, function(e) identical(e$x, d$x))][1]
  list(data = name, keys = key_vector(d$x, d$keys))
}

write_fixture <- function(name, value) {
  write_json(value, file.path(out_dir, paste0(name, ".json")),
    digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE
  )
}

# ---- alpha --------------------------------------------------------------------------------

alpha_expected <- function(x, keys, level = 0.95) {
  a <- suppressWarnings(psych::alpha(x, keys = keys, warnings = FALSE))
  t <- a$total
  # a$nvar is the item count after psych left out zero-variance items (as psych's own feldt).
  f <- alpha.ci(t$raw_alpha, nrow(x), a$nvar, p.val = 1 - level)
  if (level == 0.95) stopifnot(isTRUE(all.equal(unname(unlist(f[1:3])), unname(unlist(a$feldt[1:3])))))
  z <- qnorm(1 - (1 - level) / 2)
  d <- a$alpha.drop
  s <- a$item.stats
  list(
    level = level,
    rawAlpha = t$raw_alpha, stdAlpha = t$std.alpha, g6 = t[["G6(smc)"]],
    averageR = t$average_r, signalNoise = t[["S/N"]], ase = t$ase,
    totalMean = t$mean, totalSd = t$sd, medianR = t$median_r, varR = a$var.r,
    feldt = list(lower = f$lower.ci, upper = f$upper.ci),
    duhachek = list(lower = t$raw_alpha - z * t$ase, upper = t$raw_alpha + z * t$ase),
    alphaDrop = lapply(seq_len(nrow(d)), function(i) list(
      rawAlpha = d$raw_alpha[i], stdAlpha = d$std.alpha[i], g6 = d[["G6(smc)"]][i],
      averageR = d$average_r[i], signalNoise = d[["S/N"]][i], alphaSe = d[["alpha se"]][i],
      varR = d$var.r[i], medianR = d$med.r[i]
    )),
    itemStats = lapply(seq_len(nrow(s)), function(i) list(
      n = s$n[i], rawR = s$raw.r[i], stdR = s$std.r[i], rCor = s$r.cor[i],
      rDrop = s$r.drop[i], mean = s$mean[i], sd = s$sd[i]
    ))
  )
}

alpha_cases <- list()
for (name in c(
  "bfi_agree_consc", "bfi_agree", "simulated9", "small4", "odd7", "pingouin_wide",
  "small_constant"
)) {
  d <- datasets[[name]]
  alpha_cases[[length(alpha_cases) + 1]] <- list(
    name = paste0(name, "_pairwise"), missing = "pairwise", input = input_of(d),
    expected = alpha_expected(d$x, d$keys)
  )
}
# Listwise: psych::alpha on the complete rows only.
for (name in c("bfi_agree_consc", "simulated9", "pingouin_wide")) {
  d <- datasets[[name]]
  complete <- d$x[complete.cases(d$x), ]
  e <- alpha_expected(complete, d$keys)
  e$n <- nrow(complete)
  e$nDropped <- nrow(d$x) - nrow(complete)
  alpha_cases[[length(alpha_cases) + 1]] <- list(
    name = paste0(name, "_listwise"), missing = "listwise", input = input_of(d), expected = e
  )
}
# Another confidence level, and the 25 bfi items without keys (psych warns about A1, C4, C5,
# E1, E2, O2, O5).
d <- datasets$bfi_agree_consc
alpha_cases[[length(alpha_cases) + 1]] <- list(
  name = "bfi_agree_consc_level90", missing = "pairwise", input = input_of(d),
  expected = alpha_expected(d$x, d$keys, level = 0.90)
)
d <- datasets$bfi_all25
p1 <- principal(d$x, scores = FALSE)
e <- alpha_expected(d$x, NULL)
e$negativeItems <- which(p1$loadings < 0) - 1
alpha_cases[[length(alpha_cases) + 1]] <- list(
  name = "bfi_all25_nokeys", missing = "pairwise", input = input_of(d), expected = e
)
write_fixture("datasets", lapply(datasets, function(d) {
  list(columns = colnames(d$x), rows = rows_of(d$x))
}))
write_fixture("alpha", alpha_cases)

# ---- splitHalf and Guttman's lambdas ------------------------------------------------------

split_names <- function(key_list) {
  unname(lapply(key_list, function(v) as.list(v)))
}

split_expected <- function(x, keys) {
  kv <- if (is.null(keys)) NULL else key_vector(x, keys)
  s <- splitHalf(x, raw = TRUE, key = kv, use = "pairwise")
  list(
    maxSplit = s$maxrb, minSplit = s$minrb, meanSplit = s$meanr,
    alpha = s$alpha, lambda2 = s$lambda2, lambda6 = s$lambda6,
    averageR = s$av.r, medianR = s$med.r,
    ciLower = unname(s$ci[1]), ciMedian = unname(s$ci[2]), ciUpper = unname(s$ci[3]),
    evaluated = length(s$raw),
    bestSplit = split_names(s$maxAB), worstSplit = split_names(s$minAB)
  )
}

# Every distinct split (the correct max, min and mean), enumerated in R by brute force.
all_splits_expected <- function(x, keys) {
  n <- ncol(x)
  kv <- key_vector(x, keys)
  r <- cov2cor(cov(x, use = "pairwise"))
  if (is.null(keys)) {
    p1 <- principal(r)
    kv <- 1 - 2 * (p1$loadings < 0)
  }
  r <- diag(as.vector(kv)) %*% r %*% diag(as.vector(kv))
  half <- trunc(n / 2)
  combos <- combn(n, half)
  value <- apply(combos, 2, function(o) {
    a <- rep(0, n); a[o] <- 1; b <- 1 - a
    4 * sum(r * outer(a, b)) / sum(r)
  })
  if (n %% 2 == 0) value <- value[combos[1, ] == 1]
  list(max = max(value), min = min(value), mean = mean(value), count = length(value))
}

guttman_expected <- function(x, keys) {
  kv <- key_vector(x, keys)
  # guttman() fails when given `key` (a keys2list error in psych 2.2.9), so the keys are
  # applied to the correlation matrix first, as guttman itself would.
  r <- cov2cor(cov(x, use = "pairwise"))
  r <- diag(kv) %*% r %*% diag(kv)
  g <- suppressWarnings(suppressMessages(guttman(r)))
  list(
    lambda1 = g$lambda.1, lambda2 = g$lambda.2, lambda3 = g$lambda.3,
    lambda4 = g$lambda.4, lambda5 = g$lambda.5, lambda6 = g$lambda.6
  )
}

split_cases <- list()
for (name in c("bfi_agree_consc", "bfi_agree", "simulated9", "odd7", "small4", "pingouin_wide")) {
  d <- datasets[[name]]
  split_cases[[length(split_cases) + 1]] <- list(
    name = name, input = input_of(d), keysGiven = !is.null(d$keys),
    expected = split_expected(d$x, d$keys),
    allSplits = all_splits_expected(d$x, d$keys),
    guttman = guttman_expected(d$x, d$keys)
  )
}
write_fixture("splithalf", split_cases)

# ---- omega --------------------------------------------------------------------------------

omega_expected <- function(x, nfactors, keys) {
  kv <- if (is.null(keys)) NULL else key_vector(x, keys)
  o <- suppressWarnings(suppressMessages(
    omega(x, nfactors = nfactors, fm = "minres", rotate = "oblimin", plot = FALSE, key = kv)
  ))
  # One-factor omega total from the model: (sum l)^2 / ((sum l)^2 + sum(1 - l^2)), on the
  # sign-adjusted correlation matrix omega used (o$R).
  l <- suppressWarnings(suppressMessages(fa(o$R, 1, fm = "minres")))$loadings[, 1]
  list(
    nfactors = nfactors,
    omegaTotalOneFactor = sum(l)^2 / (sum(l)^2 + sum(1 - l^2)),
    omegaH = o$omega_h, omegaTotal = o$omega.tot, omegaLimit = o$omega.lim,
    alpha = o$alpha, g6 = o$G6, ecv = unname(o$ECV),
    generalLoadings = unname(o$schmid$sl[, 1]),
    communalities = unname(o$schmid$sl[, "h2"]),
    flipKey = unname(as.vector(o$key))
  )
}

omega_cases <- list()
omega_specs <- list(
  list(data = "bfi_agree_consc", nfactors = 3, keyed = TRUE),
  list(data = "bfi_agree_consc", nfactors = 2, keyed = TRUE),
  list(data = "bfi_agree_consc", nfactors = 1, keyed = TRUE),
  list(data = "bfi_all25", nfactors = 5, keyed = FALSE),
  list(data = "bfi_all25", nfactors = 3, keyed = FALSE),
  list(data = "simulated9", nfactors = 3, keyed = FALSE),
  list(data = "simulated9", nfactors = 1, keyed = FALSE),
  list(data = "odd7", nfactors = 3, keyed = FALSE)
)
for (spec in omega_specs) {
  d <- datasets[[spec$data]]
  keys <- if (spec$keyed) d$keys else NULL
  input <- input_of(d)
  input$keys <- key_vector(d$x, keys)
  omega_cases[[length(omega_cases) + 1]] <- list(
    name = paste0(spec$data, "_nf", spec$nfactors), keysGiven = spec$keyed, missing = "pairwise",
    input = input, expected = omega_expected(d$x, spec$nfactors, keys)
  )
}
# Listwise: psych::omega on the complete rows.
d <- datasets$simulated9
input <- input_of(d)
omega_cases[[length(omega_cases) + 1]] <- list(
  name = "simulated9_nf3_listwise", keysGiven = FALSE, missing = "listwise", input = input,
  expected = omega_expected(d$x[complete.cases(d$x), ], 3, NULL)
)
write_fixture("omega", omega_cases)

# ---- the factoring steps on their own -------------------------------------------------------
# minres, varimax and oblimin are checked one at a time: each rotation gets R's own input
# loadings, so the rotation code is compared without the minres tolerance in between.
factor_steps <- lapply(c("simulated9", "bfi_agree_consc"), function(name) {
  d <- datasets[[name]]
  kv <- key_vector(d$x, d$keys)
  r <- diag(kv) %*% cor(d$x, use = "pairwise") %*% diag(kv)
  f <- suppressWarnings(suppressMessages(fa(r, 3, fm = "minres", rotate = "none")))
  unrotated <- unclass(f$loadings)
  v <- stats::varimax(unrotated)
  ob <- GPArotation::oblimin(unclass(v$loadings))
  list(
    name = name,
    correlation = unname(lapply(seq_len(nrow(r)), function(i) r[i, ])),
    uniquenesses = unname(f$uniquenesses),
    unrotated = unname(lapply(seq_len(nrow(unrotated)), function(i) unrotated[i, ])),
    varimax = unname(lapply(seq_len(nrow(unrotated)), function(i) unclass(v$loadings)[i, ])),
    oblimin = unname(lapply(seq_len(nrow(unrotated)), function(i) ob$loadings[i, ])),
    phi = unname(lapply(1:3, function(i) ob$Phi[i, ]))
  )
})
write_fixture("factor-steps", factor_steps)

cat("wrote", length(alpha_cases), "alpha,", length(split_cases), "splitHalf,",
  length(omega_cases), "omega cases to", out_dir, "\n")
