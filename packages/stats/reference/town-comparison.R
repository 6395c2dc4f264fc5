# Reference values for src/town-comparison.test.ts: town minus district for item q1.
# Run: Rscript packages/stats/reference/town-comparison.R
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))), "common.R"))
by_town <- svyby(~y1, ~town, design, svyratio, denominator = ~v1, covmat = TRUE)
W <- populations / sum(populations)
cat("# svyby(~y1, ~town, design, svyratio, denominator=~v1, covmat=TRUE): the ratio mean of s1 per town\n")
for (h in names(populations)) {
  show(sprintf("town %s mean", h), coef(by_town)[h]); show(sprintf("town %s se", h), sqrt(diag(vcov(by_town)))[match(h, names(populations))])
}
cat("# svycontrast(by_town, d_h): d_h = (1 - W_h) ybar_h - sum_{g != h} W_g ybar_g\n")
for (h in names(populations)) {
  contrast <- -W; contrast[h] <- 1 - W[h]
  d <- svycontrast(by_town, unname(contrast))
  show(sprintf("difference %s", h), coef(d)); show(sprintf("difference %s se", h), SE(d))
}
cat("# district = svycontrast(by_town, W)\n")
district <- svycontrast(by_town, unname(W))
show("district mean", coef(district)); show("district se", SE(district))
