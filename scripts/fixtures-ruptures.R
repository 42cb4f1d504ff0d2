# Writes the suddengains parity fixture for src/ruptures/suddenChanges.ts to
# test/fixtures/ruptures/suddengains.json.
#
# The expected values come from the R package suddengains itself (Wiedemann, Thew, Stott &
# Ehlers 2020, MIT licence), version 0.7.2 at commit e964e74. The package is not on this
# machine's CRAN mirror, so its R sources are evaluated directly (only the `suddengains::`
# prefix is stripped so the functions find each other); nothing is copied into this project.
#
# Get the sources, then run from the repository root:
#   git clone https://github.com/milanwiedemann/suddengains /tmp/suddengains
#   git -C /tmp/suddengains checkout e964e74
#   SUDDENGAINS_SRC=/tmp/suddengains Rscript scripts/fixtures-ruptures.R
# Made with R 4.2.2, dplyr 1.0.10, tidyr 1.3.0, jsonlite 1.8.4 (Debian 12).
suppressPackageStartupMessages({
  library(magrittr)
  library(jsonlite)
})

src <- Sys.getenv("SUDDENGAINS_SRC", "/tmp/suddengains")
for (file in c("identify_sg.R", "identify_sl.R", "create_bysg.R", "extract_values.R", "rename_sg_vars.R")) {
  code <- gsub("suddengains::", "", readLines(file.path(src, "R", file)), fixed = TRUE)
  eval(parse(text = code), envir = globalenv())
}

# Simulated symptom-like series (lower = better): 120 cases x 12 sessions, integer scores,
# a random walk with injected sudden drops and rises, about 10 % missing, plus a few
# hand-made edge cases (exact ties with the cut-off and with 25 %, constant series).
set.seed(20261126)
n_cases <- 120
n_sessions <- 12
simulate_case <- function() {
  x <- round(30 + cumsum(rnorm(n_sessions, 0, 2.5)))
  jump_at <- sample(3:(n_sessions - 1), 1)
  kind <- sample(c("drop", "rise", "v", "none"), 1, prob = c(0.4, 0.2, 0.2, 0.2))
  size <- sample(6:14, 1)
  if (kind == "drop") x[jump_at:n_sessions] <- x[jump_at:n_sessions] - size
  if (kind == "rise") x[jump_at:n_sessions] <- x[jump_at:n_sessions] + size
  if (kind == "v") x[jump_at] <- x[jump_at] - size
  x <- pmax(0, pmin(63, x))
  x[runif(n_sessions) < 0.1] <- NA
  x
}
wide <- t(replicate(n_cases, simulate_case()))
edge <- rbind(
  c(28, 28, 28, 21, 21, 21, 21, 21, 21, 21, 21, 21), # drop of exactly 7 = 25 % of 28
  c(20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20), # constant
  c(30, 30, 30, 15, 23, 15, 15, 15, 15, 15, 15, 15), # reversal only at the point after post-gain
  c(23, NA, 17, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5), # df 3 critical value
  c(10, 12, 11, 13, 25, 26, 27, 28, 28, 28, 28, 28) # sudden rise (loss on a symptom scale)
)
wide <- rbind(wide, edge)
colnames(wide) <- paste0("s", seq_len(n_sessions))
data <- data.frame(id = seq_len(nrow(wide)), wide)
vars <- colnames(wide)

criteria_of <- function(result, prefix) {
  pick <- function(pattern) unname(as.matrix(result[, grep(pattern, names(result)), drop = FALSE]))
  list(
    crit1 = pick(paste0("^", prefix, "_crit1_")),
    crit2 = pick(paste0("^", prefix, "_crit2_")),
    crit3 = pick(paste0("^", prefix, "_crit3_")),
    flags = pick(paste0("^", prefix, "_[0-9]+to[0-9]+$"))
  )
}

run_identify <- function(name, fn, prefix, args) {
  result <- suppressWarnings(suppressMessages(do.call(fn, c(list(
    data = data, id_var_name = "id", sg_var_list = vars, crit123_details = TRUE
  ), args))))
  c(list(name = name, fn = fn, options = args), criteria_of(result, prefix))
}

identify_cases <- list(
  run_identify("sg: cutoff 7, defaults", "identify_sg", "sg", list(sg_crit1_cutoff = 7)),
  run_identify("sg: cutoff 7, fixed critical value", "identify_sg", "sg",
               list(sg_crit1_cutoff = 7, sg_crit3_adjust = FALSE)),
  run_identify("sg: cutoff 5, alpha .01", "identify_sg", "sg", list(sg_crit1_cutoff = 5, sg_crit3_alpha = 0.01)),
  run_identify("sg: criterion 3 only", "identify_sg", "sg", list(sg_crit1_cutoff = NULL, sg_crit2_pct = NULL)),
  run_identify("sg: criteria 1 and 2 only", "identify_sg", "sg", list(sg_crit1_cutoff = 7, sg_crit3 = FALSE)),
  run_identify("sg: cutoff 7, first is baseline", "identify_sg", "sg",
               list(sg_crit1_cutoff = 7, identify_sg_1to2 = TRUE)),
  run_identify("sl: cutoff -7, no percentage", "identify_sl", "sl", list(sg_crit1_cutoff = -7, sg_crit2_pct = NULL)),
  run_identify("sl: cutoff -7, pct .25 (quirk)", "identify_sl", "sl", list(sg_crit1_cutoff = -7, sg_crit2_pct = 0.25))
)

run_bysg <- function(name, identify, args) {
  result <- suppressWarnings(suppressMessages(do.call(create_bysg, c(list(
    data = data, id_var_name = "id", sg_var_list = vars, tx_start_var_name = "s1",
    tx_end_var_name = "s12", sg_measure_name = "x", identify = identify
  ), args))))
  result <- result[order(result$id, result$sg_session_n), ]
  list(
    name = name, identify = identify, options = args,
    gains = lapply(seq_len(nrow(result)), function(row) list(
      id = result$id[row],
      sg_session_n = result$sg_session_n[row],
      magnitude = result$sg_magnitude[row],
      reversal_value = result$sg_reversal_value[row],
      reversal = result$sg_reversal[row]
    ))
  )
}

bysg_cases <- list(
  run_bysg("bysg sg: cutoff 7", "sg", list(sg_crit1_cutoff = 7)),
  run_bysg("bysg sg: cutoff 7, first is baseline", "sg", list(sg_crit1_cutoff = 7, identify_sg_1to2 = TRUE)),
  run_bysg("bysg sl: cutoff -7, no percentage", "sl", list(sg_crit1_cutoff = -7, sg_crit2_pct = NULL))
)

fixture <- list(
  meta = list(
    script = "scripts/fixtures-ruptures.R",
    r = R.version.string,
    suddengains = "0.7.2 (commit e964e74, sources evaluated directly)",
    dplyr = as.character(packageVersion("dplyr")),
    tidyr = as.character(packageVersion("tidyr"))
  ),
  series = unname(lapply(seq_len(nrow(wide)), function(row) unname(wide[row, ]))),
  identify = identify_cases,
  bysg = bysg_cases
)
out_dir <- file.path("test", "fixtures", "ruptures")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
write_json(fixture, file.path(out_dir, "suddengains.json"), digits = NA, auto_unbox = TRUE,
           na = "null", null = "null", pretty = FALSE)
