# Derived importance (STATISTICS.md §6) for the data set of packages/stats/src/priorities.test.ts:
# Rscript packages/stats/reference/priorities.R
w <- c(1.5, 2, 2, 0.5, 3, 1, 1, 2.5, 4, 1, 2, 0.75)
s <- matrix(c(
  100, 75, 75, 50,
  75, 75, 50, 50,
  50, NA, 50, 25,
  25, 25, 0, NA,
  100, 100, 75, 100,
  NA, NA, NA, 75,
  75, 50, NA, 75,
  0, 25, 25, 50,
  50, 75, 50, 50,
  100, 75, 100, 75,
  25, 50, NA, 0,
  75, 75, 75, 100), ncol = 4, byrow = TRUE)
valid <- rowSums(!is.na(s))
has_score <- valid * 2 >= ncol(s)
for (k in 1:ncol(s)) {
  keep <- has_score & !is.na(s[, k])
  x <- s[keep, k]
  y <- (rowSums(s[keep, -k, drop = FALSE], na.rm = TRUE)) / (valid[keep] - 1)
  cat(sprintf("%.15f\n", cov.wt(cbind(x, y), wt = w[keep], cor = TRUE)$cor[1, 2]))
}
