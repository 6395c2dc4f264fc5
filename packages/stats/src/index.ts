/**
 * @survey/stats — the statistics of STATISTICS.md §1–3, pure functions without IO.
 *
 * Two layers compute the same figures:
 *  - microdata estimators (Sample + value columns): the specification, used for tests and small data;
 *  - sufficient-statistic estimators (AggregateDesign + per-cell sums from SQL GROUP BY), used by the server.
 * Both match R's survey package (reference scripts in packages/stats/reference).
 */

export type {
  AggregateCalibration,
  AggregateDesign,
  CalibrationCell,
  LinearisedCellCrossSums,
  LinearisedCellSums,
  StratumDesign,
} from "./aggregate-design";
export { covarianceFromCellSums } from "./aggregate-design";
export type { ItemCellSums, ItemResult, MomentRow } from "./aggregate-items";
export { estimateItemByStratum, estimateItemFromSums, ratioFromMoments } from "./aggregate-items";
export type { ItemMeanAndDenominator, ScoreCellSums, ScorePlan, ScorePlanTerm, ScoreResult } from "./aggregate-scores";
export { estimateScoreFromSums, planScore, respondentLinearisedSum } from "./aggregate-scores";
export { varianceFromCellSums } from "./aggregate-variance";
export type { CompletionForecast, CompletionForecastInput, CompletionLikelihood } from "./completion-forecast";
export { forecastCompletion, studentTQuantile975 } from "./completion-forecast";
export type { DimensionSpec } from "./composite";
export { compositeCoefficients } from "./composite";
export type { CrossTab, CrossTabCell, CrossTabGroup, CrossTabOptions, PearsonTest } from "./cross-tab";
export { crossTab, crossTabFromGroups } from "./cross-tab";
export type { DesignEffect } from "./design-effect";
export type { Tails } from "./distributions";
export {
  chiSquareUpperTail,
  fUpperTail,
  logBeta,
  logGamma,
  normalTwoSidedP,
  normalUpperTail,
  regularizedBeta,
  regularizedGamma,
} from "./distributions";
export type { Estimate } from "./estimate";
export { estimateFromVariance, Z_95 } from "./estimate";
export { HELD_SPIKE_MINIMUM, isHeldSpike } from "./held-spike";
export type { RatioEstimate } from "./item-estimation";
export { itemMean, ratioLinearisedValues, ratioMean, satisfactionRate } from "./item-estimation";
export type { Coarsened, QuasiIdentifier } from "./k-anonymity";
export { coarsenToK, smallestGroup } from "./k-anonymity";
export { calibrationResiduals, linearisedCovariance, linearisedVariance } from "./linearisation";
export type { GWeightBounds, PostStratification, PostStratumInput, PostStratumWeight } from "./post-stratification";
export { DEFAULT_G_BOUNDS, postStratify } from "./post-stratification";
export type { ItemPerformance, PriorityPosition, PriorityQuadrant, ScoreMatrix } from "./priorities";
export { derivedImportance, PRIORITY_QUADRANT_LABELS, priorityQuadrants } from "./priorities";
export type { RakedCell, Raking, RakingCellInput, RakingOptions } from "./raking";
export { rake } from "./raking";
export type { RaoScottTest } from "./rao-scott";
export { pearsonStatistic, raoScottF } from "./rao-scott";
export type { Calibration, Sample, SampleUnit, StratumSize } from "./sample-design";
export { createSample, NO_CALIBRATION } from "./sample-design";
export type { ItemScoreColumns, ScoreEstimate } from "./score-estimation";
export { compositeScore, dimensionScore, overallScore } from "./score-estimation";
export type { ItemAnswer, MissingShare, ScoreScale } from "./scoring";
export {
  DEFAULT_SCORE_SCALE,
  isSatisfied,
  itemMissingShare,
  itemScore,
  itemScores,
  MISSING_SHARE_FLAG,
  missingShare,
  respondentScore,
  satisfiedFlags,
} from "./scoring";
export type { DistrictComparison, Significance, TownDifference, TownFigure } from "./town-comparison";
export { compareTownsWithDistrict } from "./town-comparison";
