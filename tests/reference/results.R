# Reference values for tests/results.test.ts, tests/crosstab.test.ts and tests/wave-comparison.test.ts.
# Run: Rscript tests/reference/results.R   (R's survey package, 4.1.1 when the values were pasted)
#
# Data: results-respondents.csv, the responses the tests store through storeResponse — wave 1: towns T01/T02/T03
# with 8/10/12 counted respondents (+1 not counted, left out here), wave 2: 7/9/8. Items q1–q5 coded 1–5,
# 8 = don't know, 9 = not applicable, "" = blank; overall coded 1–5 or blank.
# Questionnaire: dimension living = q1, q2; environment = q3, q4, q5. Domains: health = q1, education = q2,
# living_environment = q3, q4; public_safety = q5. Overall score = mean of the two dimension scores.
# N_h: T01 5200 and T02 12000 (sums of their sex × age population cells; the frame says 5600 and 12800),
# T03 3100 (frame population; it has no cells).
suppressMessages(library(survey))
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
all <- read.csv(file.path(here, "results-respondents.csv"), colClasses = "character")
all <- all[all$counted == "true", ]
populations <- c(T01 = 5200, T02 = 12000, T03 = 3100)
cellpop <- data.frame(
  ps = c("T01|female|30-39", "T01|female|60-69", "T01|male|30-39", "T01|male|60-69",
         "T02|female|30-39", "T02|female|60-69", "T02|male|30-39", "T02|male|60-69", "T03|*"),
  Freq = c(1400, 1200, 1500, 1100, 3000, 3200, 2900, 2900, 3100))
# One line per figure, pasted as is into the tests: "label": [values],
show <- function(label, ...) cat(sprintf("  \"%s\": [%s],\n", label, paste(sprintf("%.15g", c(...)), collapse = ", ")))
items <- paste0("q", 1:5)

prepare <- function(d) {
  d$N <- unname(populations[d$town])
  d$n <- ave(rep(1, nrow(d)), d$town, FUN = sum)
  d$w <- d$N / d$n
  for (k in c(items, "overall")) {
    x <- d[[k]]
    valid <- x %in% as.character(1:5)
    code <- suppressWarnings(as.numeric(ifelse(valid, x, NA)))
    d[[paste0("s_", k)]] <- 25 * (code - 1)              # item score, NA when missing
    d[[paste0("t_", k)]] <- as.numeric(code >= 4)         # satisfied, NA when missing
    d[[paste0("y_", k)]] <- ifelse(valid, 25 * (code - 1), 0)
    d[[paste0("v_", k)]] <- as.numeric(valid)
  }
  d$ps <- ifelse(d$town == "T03", "T03|*", paste(d$town, d$sex, d$age, sep = "|"))
  d
}

# Dimension, domain and overall scores as ratios of totals (svycontrast on svytotal).
scores <- list(
  overall = "((y_q1/v_q1 + y_q2/v_q2)/2 + (y_q3/v_q3 + y_q4/v_q4 + y_q5/v_q5)/3)/2",
  living = "(y_q1/v_q1 + y_q2/v_q2)/2",
  environment = "(y_q3/v_q3 + y_q4/v_q4 + y_q5/v_q5)/3",
  living_environment = "(y_q3/v_q3 + y_q4/v_q4)/2",
  public_safety = "y_q5/v_q5"
)
totals_formula <- as.formula(paste("~", paste0(c(rbind(paste0("y_", items), paste0("v_", items))), collapse = "+")))

report <- function(tag, des) {
  for (k in c(items, "overall")) {
    m <- svymean(as.formula(paste0("~s_", k)), des, na.rm = TRUE, deff = TRUE)
    r <- svymean(as.formula(paste0("~t_", k)), des, na.rm = TRUE)
    # mean, SE, deff, satisfaction rate (0-1), its SE
    show(sprintf("%s %s", tag, k), coef(m), SE(m), deff(m), coef(r), SE(r))
  }
  totals <- svytotal(totals_formula, des)
  for (name in names(scores)) {
    est <- svycontrast(totals, parse(text = scores[[name]])[[1]])
    show(sprintf("%s score %s", tag, name), coef(est), SE(est))
  }
}

d1 <- prepare(all[all$wave == "1", ])
design <- svydesign(ids = ~1, strata = ~town, weights = ~w, fpc = ~N, data = d1)
cat("# wave 1, district: svymean(~s, design, na.rm=TRUE, deff=TRUE); svycontrast(svytotal(~y+v), score)\n")
report("district", design)
for (code in names(populations)) {
  cat(sprintf("# wave 1, town %s: the same on subset(design, town == \"%s\")\n", code, code))
  report(code, subset(design, town == code))
}

cat("# town minus district on the overall score: svyby totals per town, then one svycontrast\n")
by_town <- svyby(totals_formula, ~town, design, svytotal, covmat = TRUE)
theta <- function(town) gsub("(y_q[0-9]|v_q[0-9])", paste0("`", town, ":\\1`"), scores$overall)
share <- populations / sum(populations)
district_expr <- paste(sprintf("%.17g * (%s)", share, sapply(names(populations), theta)), collapse = " + ")
for (code in names(populations)) {
  est <- svycontrast(by_town, parse(text = sprintf("(%s) - (%s)", theta(code), district_expr))[[1]])
  show(sprintf("difference %s", code), coef(est), SE(est))
}

cat("# post-stratified: postStratify(design, ~ps, cellpop) (T03 has no cells: one cell with its total)\n")
ps <- postStratify(design, ~ps, cellpop)
report("poststratified", ps)
report("poststratified T01", subset(ps, town == "T01"))

cat("# cross-tabs: svychisq(~a+b, design) (Rao-Scott F), svytable row/column shares, chisq.test(correct=FALSE)\n")
d1$q1cat <- ifelse(d1$q1 == "", NA, d1$q1)
# Respondent-level score: mean of the valid item scores when at least half (3 of 5) are valid; then bands.
item_scores <- as.matrix(d1[, paste0("s_", items)])
d1$score <- ifelse(rowSums(!is.na(item_scores)) * 2 >= 5, rowMeans(item_scores, na.rm = TRUE), NA)
d1$band <- as.character(cut(d1$score, c(-Inf, 40, 60, 80, Inf), right = FALSE,
                            labels = c("0-40", "40-60", "60-80", "80-100")))
design <- svydesign(ids = ~1, strata = ~town, weights = ~w, fpc = ~N, data = d1)
crosstab <- function(tag, formula, des, rows, cols) {
  test <- svychisq(formula, des, statistic = "F")
  # F, numerator df, denominator df, p
  show(sprintf("%s F", tag), test$statistic, test$parameter[1], test$parameter[2], test$p.value)
  table <- svytable(formula, des)
  row_share <- prop.table(table, 1)
  col_share <- prop.table(table, 2)
  # row shares and column shares, row-major
  show(sprintf("%s rows", tag), t(row_share)); show(sprintf("%s columns", tag), t(col_share))
  vars <- all.vars(formula)
  data <- des$variables[des$prob < Inf, ]
  pearson <- suppressWarnings(chisq.test(table(data[[vars[1]]], data[[vars[2]]]), correct = FALSE))
  show(sprintf("%s pearson", tag), pearson$statistic, pearson$p.value)
  show(sprintf("%s residuals", tag), t(pearson$stdres))   # adjusted standardised residuals, row-major
}
crosstab("education x sex", ~education + sex, design)
crosstab("q1 x registered", ~q1cat + registered, design)
crosstab("band x town", ~band + town, design)
crosstab("education x sex, T01+T02", ~education + sex, subset(design, town != "T03"))
crosstab("education x sex, poststratified", ~education + sex, postStratify(design, ~ps, cellpop))

cat("# wave 2 against wave 1: both waves in one design (strata wave:town), svyby over wave, svycontrast\n")
d2 <- prepare(all[all$wave == "2", ])
both <- rbind(d1[, names(d2)], d2)
both$stratum <- paste(both$wave, both$town)
waves <- svydesign(ids = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = both)
# Item means as ratios of totals (svyby(..., svymean, na.rm=TRUE, covmat=TRUE) fails on this data in survey 4.1.1).
ratio_scores <- c(q1 = "y_q1/v_q1", q5 = "y_q5/v_q5", overall_item = "y_overall/v_overall", overall = scores$overall,
                  environment = scores$environment)
change <- function(tag, des) {
  t <- svyby(update(totals_formula, ~ . + y_overall + v_overall), ~wave, des, svytotal, covmat = TRUE)
  for (name in names(ratio_scores)) {
    expr <- function(w) gsub("(y_[a-z0-9]+|v_[a-z0-9]+)", paste0("`", w, ":\\1`"), ratio_scores[[name]])
    est <- svycontrast(t, parse(text = sprintf("(%s) - (%s)", expr("2"), expr("1")))[[1]])
    show(sprintf("%s %s change", tag, name), coef(est), SE(est))
  }
}
change("district", waves)
change("T02", subset(waves, town == "T02"))
