# Key-driver statistics in base R for a CSV whose last column is the overall
# rating: lm coefficients, SE, t, p; VIF = 1/(1 - R²_j); LMG by brute force
# over every ordering of the drivers (relaimpo is not installable here);
# Johnson's (2000) relative weights from the eigen decomposition of the
# driver correlation matrix (Tonidandel & LeBreton 2011, eq. 1-4).
args <- commandArgs(TRUE)
d <- read.csv(args[1])
k <- ncol(d) - 1
y <- names(d)[k + 1]; xs <- names(d)[1:k]
options(digits = 17)
m <- lm(reformulate(xs, y), d)
s <- summary(m)
print(s$coefficients)
cat("R2", s$r.squared, "adjR2", s$adj.r.squared, "sigma", s$sigma, "\n")
cat("F", s$fstatistic, "p", pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3], lower.tail = FALSE), "\n")
vif <- sapply(xs, function(x) 1 / (1 - summary(lm(reformulate(setdiff(xs, x), x), d))$r.squared))
cat("VIF", vif, "\n")
r2 <- function(S) if (length(S) == 0) 0 else summary(lm(reformulate(S, y), d))$r.squared
perms <- function(v) if (length(v) <= 1) list(v) else do.call(c, lapply(seq_along(v), function(i) lapply(perms(v[-i]), function(p) c(v[i], p))))
lmg <- setNames(numeric(k), xs)
for (p in perms(xs)) for (i in seq_along(p)) lmg[p[i]] <- lmg[p[i]] + r2(p[1:i]) - r2(p[seq_len(i - 1)])
lmg <- lmg / length(perms(xs))
cat("LMG", lmg, "\nLMG share", lmg / sum(lmg), "\n")
R <- cor(d)
Rxx <- R[1:k, 1:k]; rxy <- R[1:k, k + 1]
e <- eigen(Rxx, symmetric = TRUE)
Lambda <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
beta <- solve(Lambda, rxy)
rw <- as.vector(Lambda^2 %*% beta^2)
cat("RW", rw, "\nRW share", rw / sum(rw), "\n")
cat("cor with overall", rxy, "\n")
