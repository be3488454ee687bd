# 12 items, a general factor and three group factors of four items, 1-5 scale.
set.seed(1414)
n <- 500
g <- rnorm(n); f <- matrix(rnorm(3 * n), n)
x <- sapply(1:12, function(j) {
  grp <- (j - 1) %/% 4 + 1
  z <- 0.6 * g + c(0.5, 0.4, 0.55)[grp] * f[, grp] + 0.6 * rnorm(n)
  pmin(5, pmax(1, round(3 + 1.1 * z)))
})
colnames(x) <- paste0("q", 1:12)
write.csv(x, "omega_items.csv", row.names = FALSE, quote = FALSE)

# The items of omega_items.csv with item 3 reverse-keyed (6 - x) and 4 % of
# the answers blank (NA), for pairwise and listwise omega.
set.seed(1415)
x <- read.csv("omega_items.csv")
x$q3 <- 6 - x$q3
m <- as.matrix(x); m[runif(length(m)) < 0.04] <- NA
write.csv(m, "omega_items_missing.csv", row.names = FALSE, quote = FALSE, na = "NA")
