# Reference values for scorecard's omega tests. Usage:
#   Rscript omega_ref.R FILE NFACTORS [tight]
# "tight" runs psych's own fac() with only the optim control of its minres
# branch tightened (factr 1, pgtol 0, maxit 10000; the default factr 1e7
# stops L-BFGS-B with a stationarity residual ~1e-5); varimax, oblimin and
# the Schmid-Leiman step are psych's and GPArotation's, unchanged.
suppressMessages(library(psych))
args <- commandArgs(TRUE)
if (length(args) > 2 && args[3] == "tight") {
  src <- paste(deparse(psych:::fac), collapse = "\n")
  pat <- "length(start)))), nf = nf, S = S, fm = fm)"
  stopifnot(lengths(regmatches(src, gregexpr(pat, src, fixed = TRUE))) == 1)
  src <- sub(pat, "length(start)), factr = 1, pgtol = 0, maxit = 10000)), nf = nf, S = S, fm = fm)", src, fixed = TRUE)
  tight <- eval(parse(text = src)); environment(tight) <- asNamespace("psych")
  assignInNamespace("fac", tight, "psych")
}
x <- read.csv(args[1])
if (length(args) > 3 && args[4] == "listwise") x <- na.omit(x)
nf <- as.integer(args[2])
om <- suppressMessages(suppressWarnings(omega(x, nfactors = nf, plot = FALSE)))
v <- function(name, x) cat(name, paste(format(x, digits = 17), collapse = ", "), "\n")
v("omega_h", om$omega_h); v("omega_t", om$omega.tot); v("omega_lim", om$omega.lim)
v("alpha", om$alpha); v("G6", om$G6)
sl <- om$schmid$sl
v("g", sl[, 1])
for (j in seq_len(nf)) v(paste0("F", j, "*"), sl[, j + 1])
v("h2", sl[, "h2"]); v("u2", sl[, "u2"]); v("p2", sl[, "p2"])
if (nf > 1) { v("phi", om$schmid$phi); v("gload", unclass(om$schmid$gloading)) }
v("key", om$key)
