# Five correlated drivers on a 1-7 scale and an overall rating 0-10.
set.seed(2024)
n <- 300
g <- rnorm(n)
lik <- function(z) pmin(7, pmax(1, round(4 + 1.3 * z)))
d <- data.frame(speed = lik(0.8 * g + 0.6 * rnorm(n)), courtesy = lik(0.7 * g + 0.7 * rnorm(n)),
  knowledge = lik(0.6 * g + 0.8 * rnorm(n)), resolution = lik(0.9 * g + 0.45 * rnorm(n)), facilities = lik(rnorm(n)))
d$overall <- pmin(10, pmax(0, round(5 + 0.5 * (d$speed - 4) + 0.2 * (d$courtesy - 4) + 0.9 * (d$resolution - 4) -
  0.1 * (d$facilities - 4) + 1.2 * rnorm(n))))
write.csv(d, "drivers_five.csv", row.names = FALSE, quote = FALSE)
