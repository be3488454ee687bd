# Cronbach's alpha with psych::alpha, the peer of scorecard.Cronbach.
#
# Usage (the runner, bench/cmd/peers, drives it):  Rscript alpha_psych.R alpha.csv
# It reads the ratings (untimed), prints "ready", then for every line "run"
# on its standard input times psych::alpha(x) with system.time and prints one
# JSON line: {"seconds": s, "answer": {"alpha", "standardized", "itemRest",
# "alphaIfDeleted"}}: total$raw_alpha, total$std.alpha, item.stats$r.drop and
# alpha.drop$raw_alpha. It exits when its standard input ends.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript alpha_psych.R alpha.csv")
suppressMessages(library(psych))
x <- read.csv(args[1])

num <- function(v) paste(sprintf("%.17g", v), collapse = ", ")

con <- file("stdin")
open(con)
cat("ready\n")
flush(stdout())
while (length(line <- readLines(con, n = 1)) > 0) {
  if (line != "run") stop("unexpected input: ", line)
  elapsed <- system.time(a <- psych::alpha(x))[["elapsed"]]
  cat(sprintf('{"seconds": %.9g, "answer": {"alpha": %s, "standardized": %s, "itemRest": [%s], "alphaIfDeleted": [%s]}}\n',
              elapsed, num(a$total$raw_alpha), num(a$total$std.alpha),
              num(a$item.stats$r.drop), num(a$alpha.drop$raw_alpha)))
  flush(stdout())
}
