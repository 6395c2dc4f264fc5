/**
 * Quality flags of responses: hints for the office that a questionnaire may not have been answered in earnest.
 * They only inform; whether to void a response is a person's decision.
 */

export const QUALITY_FLAGS = ["too_fast", "straight_lining", "duplicate_entry"] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/** Fewer answered satisfaction items than this say too little for "the same answer everywhere" to mean anything. */
export const STRAIGHT_LINING_MIN_ITEMS = 5;

/** What the rules read of one response. */
export interface FlaggedResponse {
  id: string;
  mode: "online" | "interviewer" | "import";
  communityCode: string;
  sex: string | null;
  birthYear: number | null;
  answers: Readonly<Record<string, unknown>>;
  /** When the resident began (online: the slot was taken); null for paper entries. */
  startedAt: Date | null;
  submittedAt: Date;
  voided: boolean;
}

export interface QualityRules {
  /** The satisfaction items of the questionnaire (their names). */
  satisfactionItems: readonly string[];
  /** The office's threshold: under this many seconds per answered question is implausibly fast; 0 turns it off. */
  minSecondsPerQuestion: number;
}

function answered(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** Questions with an answer (a blank optional comment does not count). */
export function answeredQuestionCount(answers: Readonly<Record<string, unknown>>): number {
  return Object.values(answers).filter(answered).length;
}

/** Completed in under `minSecondsPerQuestion` × answered questions; only where the start is known (online). */
export function isTooFast(response: FlaggedResponse, minSecondsPerQuestion: number): boolean {
  if (response.startedAt === null || minSecondsPerQuestion <= 0) return false;
  const seconds = (response.submittedAt.getTime() - response.startedAt.getTime()) / 1000;
  return seconds < minSecondsPerQuestion * answeredQuestionCount(response.answers);
}

/** Every answered satisfaction item has the same code (at least `STRAIGHT_LINING_MIN_ITEMS` of them answered). */
export function isStraightLined(
  answers: Readonly<Record<string, unknown>>,
  satisfactionItems: readonly string[],
): boolean {
  const codes = satisfactionItems.map((name) => answers[name]).filter(answered);
  return codes.length >= STRAIGHT_LINING_MIN_ITEMS && codes.every((code) => code === codes[0]);
}

/** Object keys sorted at every level, so that two equal answer sets give the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => answered(item))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Community, sex, birth year and every answer: two responses with the same key look like the same form twice. */
export function duplicateKey(response: FlaggedResponse): string {
  return [response.communityCode, response.sex ?? "", response.birthYear ?? "", canonicalJson(response.answers)].join(
    "|",
  );
}

const isPaper = (response: FlaggedResponse) => response.mode !== "online";

/**
 * The flags of each response of one wave. A paper entry (interviewer or import) is a duplicate when another
 * response that is not void has the same community, sex, birth year and answers. A void response keeps its own
 * flags (they explain why it was voided) but no longer makes another one a duplicate.
 */
export function qualityFlags(responses: readonly FlaggedResponse[], rules: QualityRules): Map<string, QualityFlag[]> {
  const keys = new Map<string, number>();
  const keyOf = new Map<string, string>();
  for (const response of responses) {
    const key = duplicateKey(response);
    keyOf.set(response.id, key);
    if (!response.voided) keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  const flags = new Map<string, QualityFlag[]>();
  for (const response of responses) {
    const found: QualityFlag[] = [];
    if (isTooFast(response, rules.minSecondsPerQuestion)) found.push("too_fast");
    if (isStraightLined(response.answers, rules.satisfactionItems)) found.push("straight_lining");
    const sameKey = keys.get(keyOf.get(response.id) ?? "") ?? 0;
    const others = sameKey - (response.voided ? 0 : 1);
    if (isPaper(response) && others > 0) found.push("duplicate_entry");
    flags.set(response.id, found);
  }
  return flags;
}
