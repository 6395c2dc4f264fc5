# Reference values for src/cross-tab.test.ts.
# Run: Rscript packages/stats/reference/crosstab.R
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))), "common.R"))
# Satisfaction band of q1: low (1–2), mid (3), high (4–5); missing answers are NA.
band <- function(x) ifelse(x %in% c("1", "2"), "low", ifelse(x == "3", "mid", ifelse(x %in% c("4", "5"), "high", NA)))
design <- update(design, band = band(q1))

report <- function(tag, formula, des) {
  rs <- svychisq(formula, des)                       # statistic = "F" (default)
  show(sprintf("%s F", tag), rs$statistic)
  show(sprintf("%s ndf", tag), rs$parameter[["ndf"]])
  show(sprintf("%s ddf", tag), rs$parameter[["ddf"]])
  show(sprintf("%s p", tag), rs$p.value)
  tab <- svytable(formula, des)
  cat(sprintf("%s weighted (rows %s, columns %s): %s\n", tag, paste(rownames(tab), collapse = " "),
              paste(colnames(tab), collapse = " "), paste(sprintf("%.15g", as.vector(t(tab))), collapse = " ")))
}
report_unweighted <- function(tag, a, b) {
  pearson <- suppressWarnings(chisq.test(table(a, b), correct = FALSE))
  show(sprintf("%s pearson X2", tag), pearson$statistic)
  show(sprintf("%s pearson df", tag), pearson$parameter)
  show(sprintf("%s pearson p", tag), pearson$p.value)
  cat(sprintf("%s stdres (row-major): %s\n", tag, paste(sprintf("%.15g", as.vector(t(pearson$stdres))), collapse = " ")))
}

cat("# svychisq(~age+band, design); svytable(~age+band, design)\n")
report("age x band", ~age + band, design)
report_unweighted("age x band", d$age, band(d$q1))

cat("# svychisq(~sex+registered, subset(design, age != \"60+\"))\n")
report("sex x registered | age < 60", ~sex + registered, subset(design, age != "60+"))
keep <- d$age != "60+"
report_unweighted("sex x registered | age < 60", d$sex[keep], d$registered[keep])

cat("# svychisq(~town+band, design)\n")
report("town x band", ~town + band, design)
report_unweighted("town x band", d$town, band(d$q1))

cat("# svychisq(~age+band, postStratify(design, ~town+sex+age, cellpop))\n")
report("poststratified age x band", ~age + band, postStratify(design, ~town + sex + age, cellpop))
