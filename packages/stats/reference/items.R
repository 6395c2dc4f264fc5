# Reference values for src/item-estimation.test.ts and src/score-estimation.test.ts.
# Run: Rscript packages/stats/reference/items.R
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))), "common.R"))

report_items <- function(tag, des) {
  for (k in 1:5) {
    m <- svymean(as.formula(paste0("~s", k)), des, na.rm = TRUE, deff = TRUE)
    show(sprintf("%s s%d mean", tag, k), coef(m)); show(sprintf("%s s%d se", tag, k), SE(m))
    show(sprintf("%s s%d deff", tag, k), deff(m))
    r <- svymean(as.formula(paste0("~t", k)), des, na.rm = TRUE, deff = TRUE)
    show(sprintf("%s t%d mean", tag, k), coef(r)); show(sprintf("%s t%d se", tag, k), SE(r))
    show(sprintf("%s t%d deff", tag, k), deff(r))
  }
  totals <- svytotal(~y1 + v1 + y2 + v2 + y3 + v3 + y4 + v4 + y5 + v5, des)
  for (expr in list(
    dim1 = quote((y1 / v1 + y2 / v2) / 2),
    dim2 = quote((y3 / v3 + y4 / v4 + y5 / v5) / 3),
    overall = quote(((y1 / v1 + y2 / v2) / 2 + (y3 / v3 + y4 / v4 + y5 / v5) / 3) / 2),
    overall_weighted = quote(0.4 * (y1 / v1 + y2 / v2) / 2 + 0.6 * (y3 / v3 + y4 / v4 + y5 / v5) / 3)
  )) {
    est <- svycontrast(totals, expr)
    name <- deparse(expr)
    show(sprintf("%s [%s] mean", tag, name), coef(est)); show(sprintf("%s [%s] se", tag, name), SE(est))
  }
}

cat("# svymean(~s_k / ~t_k, design, na.rm=TRUE, deff=TRUE); svycontrast(svytotal(~y+v), expr)\n")
report_items("district", design)
cat("# the same on subset(design, town == \"B\") (town figure)\n")
report_items("townB", subset(design, town == "B"))
cat("# the same on subset(design, sex == \"F\") (domain)\n")
report_items("female", subset(design, sex == "F"))

cat("# postStratify(design, ~town+sex+age, cellpop)\n")
ps <- postStratify(design, ~town + sex + age, cellpop)
cat("weights:", sprintf("%.15g", weights(ps)), "\n")
report_items("poststratified", ps)
report_items("poststratified female", subset(ps, sex == "F"))

cat("# rake(design, list(~town+sex, ~town+age), margins, control=list(maxit=100, epsilon=1e-13))\n")
margin_sex <- aggregate(Freq ~ town + sex, cellpop, sum)
margin_age <- aggregate(Freq ~ town + age, cellpop, sum)
rk <- rake(design, list(~town + sex, ~town + age), list(margin_sex, margin_age),
           control = list(maxit = 100, epsilon = 1e-13))
cat("weights:", sprintf("%.15g", weights(rk)), "\n")
report_items("raked", rk)
