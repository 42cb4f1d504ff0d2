# Writes the reference fixtures for the agreement statistics (ICC, Cohen's kappa, Fleiss' kappa,
# Krippendorff's alpha) to test/fixtures/agreement/*.json.
#
# Run from the repository root:  Rscript scripts/fixtures-agreement.R
# Made with R 4.2.2, psych 2.2.9 and jsonlite from Debian 12 (r-cran-psych, r-cran-jsonlite).
#
# ICC and Cohen's kappa come from psych itself. Fleiss' kappa and Krippendorff's alpha have no
# package in Debian's R, so this script computes them from their published definitions, written
# out plainly below (Fleiss 1971 and Fleiss, Nee & Landis 1979; Krippendorff 2011 as a direct
# sum over all pairs of values, without a coincidence matrix), as an independent check on the
# TypeScript implementation, which works differently (coincidence matrix over distinct values).
suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})
stopifnot(packageVersion("psych") == "2.2.9")

out_dir <- file.path("test", "fixtures", "agreement")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

write_fixture <- function(x, name) {
  write_json(x, file.path(out_dir, paste0(name, ".json")), digits = NA, auto_unbox = TRUE,
             na = "null", pretty = FALSE)
}

meta <- list(
  script = "scripts/fixtures-agreement.R",
  r = R.version.string,
  psych = as.character(packageVersion("psych"))
)

# ---------------------------------------------------------------------------------------------
# ICC: psych::ICC(x, lmer = FALSE) on complete cases (psych stops on missing data when
# lmer = FALSE, so rows with a missing value are dropped here first, listwise).
# ---------------------------------------------------------------------------------------------
icc_case <- function(name, x, description, alpha = 0.05) {
  x <- as.matrix(x)
  dimnames(x) <- NULL
  complete <- x[complete.cases(x), , drop = FALSE]
  res <- psych::ICC(complete, lmer = FALSE, alpha = alpha)
  r <- res$results
  list(
    name = name,
    description = description,
    level = 1 - alpha,
    input = lapply(seq_len(nrow(x)), function(i) x[i, ]),
    nDropped = nrow(x) - nrow(complete),
    n = res$n.obs,
    k = res$n.judge,
    results = lapply(seq_len(nrow(r)), function(i) list(
      type = r$type[i], icc = r$ICC[i], F = r$F[i], df1 = r$df1[i], df2 = r$df2[i],
      p = r$p[i], lower = r[i, "lower bound"], upper = r[i, "upper bound"]
    )),
    stats = list(
      df = unname(res$stats["df", ]), sumSq = unname(res$stats["SumSq", ]),
      meanSq = unname(res$stats["MS", ]), F = unname(res$stats["F", 1:2]),
      p = unname(res$stats["p", 1:2])
    ),
    msw = res$MSW
  )
}

# Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges (also psych's ?ICC example).
shrout_fleiss <- matrix(c(
  9, 2, 5, 8,
  6, 1, 3, 2,
  8, 4, 6, 8,
  7, 1, 2, 6,
  10, 5, 6, 9,
  6, 2, 4, 7), ncol = 4, byrow = TRUE)

set.seed(20240601)
n <- 40; k <- 5
sim_complete <- outer(rnorm(n, 0, 1), rep(1, k)) + outer(rep(1, n), rnorm(k, 0, 0.5)) +
  matrix(rnorm(n * k, 0, 0.7), n, k)
sim_complete <- round(sim_complete, 3)

n <- 25; k <- 3
sim_missing <- outer(rnorm(n, 50, 10), rep(1, k)) + outer(rep(1, n), c(0, 2, -3)) +
  matrix(rnorm(n * k, 0, 5), n, k)
sim_missing <- round(sim_missing, 1)
sim_missing[cbind(c(2, 7, 7, 13, 20), c(1, 3, 2, 2, 3))] <- NA

sim_noise <- round(matrix(rnorm(20 * 3), 20, 3), 3) # no target variance: ICCs near 0

n <- 200
sim_strong <- round(outer(rnorm(n, 0, 5), rep(1, 3)) + matrix(rnorm(n * 3, 0, 0.5), n, 3), 3)

bfi_conscientiousness <- as.matrix(psych::bfi[1:150, c("C1", "C2", "C3", "C4", "C5")])

icc <- list(
  meta = meta,
  cases = list(
    icc_case("shroutFleiss", shrout_fleiss, "Shrout & Fleiss (1979) Table 2, 6 targets x 4 judges"),
    icc_case("simulatedComplete", sim_complete, "simulated 40 x 5, rater bias, set.seed(20240601)"),
    icc_case("simulatedMissing", sim_missing, "simulated 25 x 3 with 5 missing cells in 4 rows"),
    icc_case("simulatedNoise", sim_noise, "simulated 20 x 3 pure noise (ICCs near 0)"),
    icc_case("simulatedStrong", sim_strong, "simulated 200 x 3, strong target effect (tiny p)"),
    icc_case("bfiConscientiousness", bfi_conscientiousness,
             "psych::bfi rows 1-150, C1-C5, real missing values, dropped listwise"),
    icc_case("shroutFleissLevel90", shrout_fleiss, "Shrout & Fleiss matrix, 90% bounds", 0.10)
  )
)
write_fixture(icc, "icc")

# ---------------------------------------------------------------------------------------------
# Cohen's kappa: psych::cohen.kappa on two columns of ratings.
# The textbook large-sample variance of weighted kappa of Fleiss, Cohen & Everitt (1969), eq. as
# in Fleiss, Levin & Paik (2003, eq. 18.15), is computed here too, with the weighted marginal
# means w_i. = sum_j w_ij p_.j and w_.j = sum_i w_ij p_i. (psych's code differs, see the docs).
# ---------------------------------------------------------------------------------------------
textbook_weighted_variance <- function(table_counts, w) {
  total <- sum(table_counts)
  p <- table_counts / total
  rs <- rowSums(p); cs <- colSums(p)
  po <- sum(w * p); pc <- sum(w * outer(rs, cs))
  w_row <- as.vector(w %*% cs)          # w_i. = sum_j w_ij p_.j
  w_col <- as.vector(t(w) %*% rs)       # w_.j = sum_i w_ij p_i.
  core <- sum(p * (w * (1 - pc) - outer(w_row, w_col, "+") * (1 - po))^2)
  (core - (po * pc - 2 * pc + po)^2) / (total * (1 - pc)^4)
}

kappa_case <- function(name, r1, r2, description, weights = "quadratic", w = NULL,
                       alpha = 0.05) {
  x <- data.frame(r1 = r1, r2 = r2, stringsAsFactors = FALSE)
  res <- suppressWarnings(psych::cohen.kappa(x, w = w, alpha = alpha))
  used <- complete.cases(x)
  labels <- rownames(res$agree)
  counts <- table(factor(r1[used], levels = labels), factor(r2[used], levels = labels))
  list(
    name = name,
    description = description,
    level = 1 - alpha,
    rater1 = r1, rater2 = r2,
    weights = if (is.null(w)) weights else lapply(seq_len(nrow(w)), function(i) unname(w[i, ])),
    weightsName = weights,
    levels = labels,
    n = res$n.obs,
    nDropped = sum(!used),
    kappa = res$kappa,
    weightedKappa = res$weighted.kappa,
    varKappa = res$var.kappa,
    varWeighted = res$var.weighted,
    ciKappa = list(lower = res$confid[1, 1], upper = res$confid[1, 3]),
    ciWeighted = list(lower = res$confid[2, 1], upper = res$confid[2, 3]),
    weightMatrix = lapply(seq_len(nrow(res$weight)), function(i) unname(res$weight[i, ])),
    agree = lapply(seq_len(nrow(res$agree)), function(i) unname(as.vector(res$agree[i, ]))),
    textbookVarWeighted = textbook_weighted_variance(unclass(counts), res$weight)
  )
}

linear_weights <- function(k) 1 - abs(outer(1:k, 1:k, "-")) / (k - 1)

set.seed(20240602)
sim_a <- sample(1:4, 120, replace = TRUE, prob = c(0.2, 0.3, 0.3, 0.2))
sim_b <- pmin(4, pmax(1, sim_a + sample(c(-2, -1, 0, 0, 0, 1, 2), 120, replace = TRUE)))
sim_a[c(5, 17, 60)] <- NA
sim_b[c(17, 33)] <- NA

sim_c <- sample(c(1, 2, 4), 60, replace = TRUE)       # category 3 never used: index spacing
sim_d <- ifelse(runif(60) < 0.7, sim_c, sample(c(1, 2, 4), 60, replace = TRUE))

# Fleiss, Cohen & Everitt (1969) table (psych's ?cohen.kappa example), expanded into pairs.
fce <- matrix(c(106, 10, 4, 22, 28, 10, 2, 12, 6), ncol = 3, byrow = TRUE)
fce_pairs <- which(fce > 0, arr.ind = TRUE)
fce_r1 <- rep(fce_pairs[, 1], fce[fce > 0])
fce_r2 <- rep(fce_pairs[, 2], fce[fce > 0])
fce_weights <- matrix(c(1, 0, 0.4444, 0, 1, 0.6667, 0.4444, 0.6667, 1), ncol = 3)

kappa <- list(
  meta = meta,
  cases = list(
    kappa_case("psychExampleBates", c(1, 2, 3, 4, 5, 6, 7, 8, 9), c(1, 3, 1, 6, 1, 5, 5, 6, 7),
               "psych ?cohen.kappa example (Tim Bates), 9 pairs"),
    kappa_case("psychExampleTwins", c(1, 2, 3, 5, 6), c(2, 3, 4, 6, 7),
               "psych ?cohen.kappa twins example"),
    kappa_case("psychExampleColours", c("red", "yellow", "blue", "red"),
               c("red", "blue", "blue", "red"), "psych ?cohen.kappa string labels"),
    kappa_case("simulatedQuadratic", sim_a, sim_b, "simulated 120 pairs, 4 missing pairs"),
    kappa_case("simulatedLinear", sim_a, sim_b, "same, linear weights", "linear",
               linear_weights(4)),
    kappa_case("simulatedNone", sim_a, sim_b, "same, identity weights", "none", diag(4)),
    kappa_case("simulatedUnusedCategory", sim_c, sim_d, "categories 1, 2, 4 (3 unused)"),
    kappa_case("simulatedLevel90", sim_a, sim_b, "simulated 120 pairs, 90% intervals",
               alpha = 0.10),
    kappa_case("fleissCohenEveritt", fce_r1, fce_r2,
               "Fleiss, Cohen & Everitt (1969) 200 pairs, their weights", "matrix", fce_weights)
  )
)
write_fixture(kappa, "kappa")

# ---------------------------------------------------------------------------------------------
# Fleiss' kappa (Fleiss 1971; SE under H0 of Fleiss, Nee & Landis 1979, as irr::kappam.fleiss).
# ---------------------------------------------------------------------------------------------
fleiss_direct <- function(ratings, categories) {
  ratings <- ratings[complete.cases(ratings), , drop = FALSE]
  counts <- t(apply(ratings, 1, function(r) table(factor(r, levels = categories))))
  N <- nrow(counts); n <- ncol(ratings)
  p <- colSums(counts) / (N * n); q <- 1 - p
  P_i <- (rowSums(counts^2) - n) / (n * (n - 1))
  P_bar <- mean(P_i); P_e <- sum(p^2)
  kappa <- (P_bar - P_e) / (1 - P_e)
  se <- sqrt(2) / (sum(p * q) * sqrt(N * n * (n - 1))) *
    sqrt(sum(p * q)^2 - sum(p * q * (q - p)))
  kappa_j <- 1 - colSums(counts * (n - counts)) / (N * n * (n - 1) * p * q)
  se_j <- sqrt(2 / (N * n * (n - 1)))
  list(subjects = N, raters = n, kappa = kappa, se = se, z = kappa / se,
       p = 2 * pnorm(-abs(kappa / se)), categories = categories,
       categoryKappa = unname(kappa_j), categorySe = se_j, categoryZ = unname(kappa_j / se_j),
       categoryP = unname(2 * pnorm(-abs(kappa_j / se_j))), pj = unname(p), pBar = P_bar,
       pExpected = P_e)
}

# Fleiss (1971) Table 1 as distributed in irr::diagnoses (1 Depression, 2 Personality
# Disorder, 3 Schizophrenia, 4 Neurosis, 5 Other), one row per patient, six raters.
diagnoses <- matrix(c(
  4,4,4,4,4,4, 2,2,2,5,5,5, 2,3,3,3,3,5, 5,5,5,5,5,5, 2,2,2,4,4,4, 1,1,3,3,3,3,
  3,3,3,3,5,5, 1,1,3,3,3,4, 1,1,4,4,4,4, 5,5,5,5,5,5, 1,4,4,4,4,4, 1,2,4,4,4,4,
  2,2,2,3,3,3, 1,4,4,4,4,4, 2,2,4,4,4,5, 3,3,3,3,3,5, 1,1,1,4,5,5, 1,1,1,1,1,2,
  2,2,4,4,4,4, 1,3,3,5,5,5, 5,5,5,5,5,5, 2,4,4,4,4,4, 2,2,4,5,5,5, 1,1,4,4,4,4,
  1,4,4,4,4,5, 2,2,2,2,2,4, 1,1,1,1,5,5, 2,2,4,4,4,4, 1,3,3,3,3,3, 5,5,5,5,5,5),
  ncol = 6, byrow = TRUE)

set.seed(20240603)
truth <- sample(c("a", "b", "c"), 50, replace = TRUE)
sim_fleiss <- sapply(1:4, function(j) ifelse(runif(50) < 0.6, truth,
                                             sample(c("a", "b", "c"), 50, replace = TRUE)))
sim_fleiss[c(3, 40), c(2, 4)] <- NA

fleiss <- list(
  meta = meta,
  cases = list(
    c(list(name = "fleiss1971", input = lapply(1:30, function(i) diagnoses[i, ])),
      fleiss_direct(diagnoses, 1:5)),
    c(list(name = "simulatedLabels",
           input = lapply(1:50, function(i) unname(sim_fleiss[i, ])), nDropped = 2),
      fleiss_direct(sim_fleiss, c("a", "b", "c")))
  )
)
write_fixture(fleiss, "fleiss")

# ---------------------------------------------------------------------------------------------
# Krippendorff's alpha by direct summation over pairs of values (Krippendorff 2011):
#   D_o = (1/n) sum_u 1/(m_u - 1) sum_{i != j in u} delta(v_i, v_j)
#   D_e = 1/(n (n - 1)) sum_{i != j over all pairable values} delta(v_i, v_j)
# with the ordinal delta built from the value frequencies n_g of pairable values.
# ---------------------------------------------------------------------------------------------
kripp_direct <- function(units_by_coders, level) {
  values_by_unit <- lapply(seq_len(nrow(units_by_coders)), function(u) {
    v <- units_by_coders[u, ]; v[!is.na(v)]
  })
  values_by_unit <- values_by_unit[sapply(values_by_unit, length) >= 2]
  all_values <- unlist(values_by_unit)
  n <- length(all_values)
  freq <- table(all_values)
  levels_sorted <- as.numeric(names(freq))
  delta <- function(a, b) {
    if (level == "nominal") return(as.numeric(a != b))
    if (level == "interval") return((a - b)^2)
    if (level == "ratio") return(if (a + b == 0) 0 else ((a - b) / (a + b))^2)
    ia <- match(a, levels_sorted); ib <- match(b, levels_sorted)
    lo <- min(ia, ib); hi <- max(ia, ib)
    (sum(freq[lo:hi]) - (freq[[lo]] + freq[[hi]]) / 2)^2
  }
  pair_sum <- function(v) {
    s <- 0
    for (i in seq_along(v)) for (j in seq_along(v)) if (i != j) s <- s + delta(v[i], v[j])
    s
  }
  observed <- sum(sapply(values_by_unit, function(v) pair_sum(v) / (length(v) - 1))) / n
  expected <- pair_sum(all_values) / (n * (n - 1))
  list(alpha = 1 - observed / expected, observedDisagreement = observed,
       expectedDisagreement = expected, pairableValues = n, units = length(values_by_unit))
}

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C: 4 observers x
# 12 units, given here as units (rows) x observers (columns).
kripp_example <- t(matrix(c(
  1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA,
  1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3,
  NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA,
  1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA), nrow = 4, byrow = TRUE))

set.seed(20240604)
sim_units <- 60
sim_kripp <- t(sapply(1:sim_units, function(u) {
  centre <- sample(1:7, 1)
  pmin(7, pmax(1, centre + sample(c(-1, 0, 0, 0, 1), 5, replace = TRUE)))
}))
sim_kripp[sample(length(sim_kripp), 40)] <- NA
sim_continuous <- round(t(sapply(1:30, function(u) rnorm(4, u / 3 + 1, 0.8))), 2)
sim_continuous[abs(sim_continuous) < 0.05] <- 0.05
sim_continuous <- abs(sim_continuous)
sim_continuous[sample(length(sim_continuous), 12)] <- NA

kripp_levels <- c("nominal", "ordinal", "interval", "ratio")
kripp_case <- function(name, x, description) {
  list(name = name, description = description,
       input = lapply(seq_len(nrow(x)), function(i) unname(x[i, ])),
       results = setNames(lapply(kripp_levels, function(l) kripp_direct(x, l)), kripp_levels))
}
kripp <- list(
  meta = meta,
  cases = list(
    kripp_case("krippendorff2011", kripp_example, "Krippendorff (2011) example C, units x observers"),
    kripp_case("simulatedOrdinal", sim_kripp, "simulated 60 units x 5 coders on 1-7, 40 missing"),
    kripp_case("simulatedContinuous", sim_continuous, "simulated 30 x 4 positive reals, 12 missing")
  )
)
write_fixture(kripp, "krippendorff")

cat("wrote", length(list.files(out_dir)), "fixture files to", out_dir, "\n")
