# Shared set-up for the reference scripts: reads respondents.csv (3 towns, 10/12/14 respondents, items
# q1–q5 coded 1–5 with "dk" = don't know, "na" = not applicable, "" = blank) and builds the design
# svydesign(ids=~1, strata=~town, weights=~w, fpc=~N) with w = N_h/n_h.
suppressMessages(library(survey))
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
d <- read.csv(file.path(here, "respondents.csv"), colClasses = "character")
populations <- c(A = 5200, B = 12800, C = 3100)
d$N <- unname(populations[d$town])
d$n <- ave(rep(1, nrow(d)), d$town, FUN = sum)
d$w <- d$N / d$n
items <- paste0("q", 1:5)
for (k in seq_along(items)) {
  x <- d[[items[k]]]
  valid <- x %in% as.character(1:5)
  code <- suppressWarnings(as.numeric(ifelse(valid, x, NA)))
  d[[paste0("s", k)]] <- 25 * (code - 1)          # item score, NA when missing
  d[[paste0("t", k)]] <- as.numeric(code >= 4)     # satisfied (4 or 5), NA when missing
  d[[paste0("y", k)]] <- ifelse(valid, 25 * (code - 1), 0)  # numerator for svycontrast
  d[[paste0("v", k)]] <- as.numeric(valid)                   # denominator for svycontrast
}
# Post-stratification population, town × sex × age (sums to the town populations).
cellpop <- expand.grid(age = c("18-39", "40-59", "60+"), sex = c("F", "M"), town = c("A", "B", "C"),
                       stringsAsFactors = FALSE)[, c("town", "sex", "age")]
cellpop$Freq <- c(900, 1000, 800, 950, 900, 650,
                  2300, 2100, 1900, 2400, 2200, 1900,
                  500, 560, 520, 480, 540, 500)
design <- svydesign(ids = ~1, strata = ~town, weights = ~w, fpc = ~N, data = d)
show <- function(label, value) cat(sprintf("%s = %.15g\n", label, value))
