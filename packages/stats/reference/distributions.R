# Reference values for src/distributions.test.ts.
# Run: Rscript packages/stats/reference/distributions.R
options(digits = 17)
show <- function(label, value) cat(sprintf("%s = %.17g\n", label, value))

cat("# pchisq(x, df, lower.tail = FALSE)\n")
for (case in list(c(0.5, 1), c(3.84, 1), c(10, 4), c(2.3, 2.5), c(60, 10), c(150, 3), c(0.01, 7), c(1200, 1000), c(45.2, 0.7)))
  show(sprintf("chisq x=%g df=%g", case[1], case[2]), pchisq(case[1], case[2], lower.tail = FALSE))

cat("# pf(f, df1, df2, lower.tail = FALSE)\n")
for (case in list(c(1.5, 2, 10), c(3.1, 1.73, 29.4), c(0.2, 4, 40), c(12, 3.3, 150.2), c(2.05, 5.9, 5900), c(40, 2, 2000), c(0.97, 0.6, 11.8), c(1.02, 250, 300)))
  show(sprintf("F f=%g df1=%g df2=%g", case[1], case[2], case[3]), pf(case[1], case[2], case[3], lower.tail = FALSE))

cat("# pnorm(z, lower.tail = FALSE)\n")
for (z in c(-2.5, -0.3, 0.7, 1.96, 4.1, 9)) show(sprintf("normal z=%g", z), pnorm(z, lower.tail = FALSE))

cat("# lgamma(x)\n")
for (x in c(0.1, 0.5, 1.7, 12.25, 3000.5)) show(sprintf("lgamma x=%g", x), lgamma(x))
