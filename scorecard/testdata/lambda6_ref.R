# Guttman's lambda 6 by psych::splitHalf (correlations; covar = TRUE:
# covariances). check.keys = FALSE: splitHalf would otherwise reverse the
# reverse-keyed item 3 of omega_items_missing.csv before computing it.
suppressMessages(library(psych))
options(digits = 17)
for (f in c("omega_items.csv", "omega_items_missing.csv")) {
  x <- read.csv(f)
  cat(f, format(splitHalf(x, check.keys = FALSE)$lambda6, digits = 17),
    format(splitHalf(x, covar = TRUE, check.keys = FALSE)$lambda6, digits = 17),
    format(splitHalf(na.omit(x), check.keys = FALSE)$lambda6, digits = 17),
    format(splitHalf(na.omit(x), covar = TRUE, check.keys = FALSE)$lambda6, digits = 17), "\n")
}
# The standardized lambda 6 on cor(use = "pairwise"), as psych::guttman and
# psych::omega (before reversing items) compute it:
x <- read.csv("omega_items_missing.csv")
cat("guttman", format(suppressWarnings(guttman(x))$lambda.6, digits = 17), "\n")
