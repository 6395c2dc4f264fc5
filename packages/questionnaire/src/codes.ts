/**
 * The fixed vocabulary of the questionnaire: the four survey areas, the objective domains an item
 * speaks to, the answer codes of a satisfaction item and the score mappings (STATISTICS §1).
 */

export const DIMENSIONS = [
  { code: "living", name: "生活条件" },
  { code: "public_services", name: "公共服务" },
  { code: "environment", name: "综合环境" },
  { code: "governance", name: "社会治理" },
] as const;

export type DimensionCode = (typeof DIMENSIONS)[number]["code"];

export const DIMENSION_CODES: readonly DimensionCode[] = DIMENSIONS.map((d) => d.code);

/** Same strings as the indicator catalogue's domains (packages/indices), so the two can be joined. */
export const DOMAIN_CODES = [
  "employment_income",
  "social_security",
  "health",
  "education",
  "culture",
  "science_technology",
  "public_safety",
  "public_facilities",
  "community_building",
  "living_environment",
  "social_organizations",
  "fiscal_input",
] as const;

export type DomainCode = (typeof DOMAIN_CODES)[number];

export function isDimensionCode(value: unknown): value is DimensionCode {
  return typeof value === "string" && (DIMENSION_CODES as readonly string[]).includes(value);
}

export function isDomainCode(value: unknown): value is DomainCode {
  return typeof value === "string" && (DOMAIN_CODES as readonly string[]).includes(value);
}

/** What a question is for; questions without a kind (the open comment, notes) are not scored. */
export const ITEM_KINDS = ["satisfaction", "overall", "policy", "demographic"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export function isItemKind(value: unknown): value is ItemKind {
  return typeof value === "string" && (ITEM_KINDS as readonly string[]).includes(value);
}

/** 1 = 非常不满意 … 5 = 非常满意. */
export const SATISFACTION_SCALE = [1, 2, 3, 4, 5] as const;
export const DONT_KNOW_CODE = 8;
export const NOT_APPLICABLE_CODE = 9;
/** Every code a satisfaction item may record. */
export const SATISFACTION_CODES: readonly number[] = [...SATISFACTION_SCALE, DONT_KNOW_CODE, NOT_APPLICABLE_CODE];

export const SATISFACTION_LABELS: Readonly<Record<number, string>> = {
  1: "非常不满意",
  2: "不太满意",
  3: "一般",
  4: "比较满意",
  5: "非常满意",
  [DONT_KNOW_CODE]: "不了解",
  [NOT_APPLICABLE_CODE]: "不适用",
};

/** "0-100": 0/25/50/75/100 (default); "20-100": 20/40/60/80/100. */
export const SCORE_MAPPINGS = ["0-100", "20-100"] as const;
export type ScoreMapping = (typeof SCORE_MAPPINGS)[number];
export const DEFAULT_SCORE_MAPPING: ScoreMapping = "0-100";

export function isScoreMapping(value: unknown): value is ScoreMapping {
  return typeof value === "string" && (SCORE_MAPPINGS as readonly string[]).includes(value);
}

/** Score of a code under a mapping; null for don't know, not applicable or anything off the scale. */
export function scoreOfCode(code: number, mapping: ScoreMapping): number | null {
  if (!Number.isInteger(code) || code < 1 || code > 5) return null;
  return mapping === "20-100" ? code * 20 : ((code - 1) * 100) / 4;
}
