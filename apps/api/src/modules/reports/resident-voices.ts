/**
 * Section 9 of the report (居民意见) and the "what residents wrote" part of a town's card take their input in
 * this one shape, so the comments module can supply themes and masked comments when it lands:
 *  - `themes`: theme counts per town and a few representative comments, already masked (ID numbers, phones);
 *  - `counts`: until then, how many residents answered each open question, per town — never the text itself.
 */
export type ResidentVoices =
  | {
      kind: "themes";
      /** Comments per theme and town (counts of comments, not words: STATISTICS §7). */
      themes: { theme: string; total: number; towns: Record<string, number> }[];
      /** Representative comments, masked by the comments module. */
      examples: { townCode: string; theme: string; text: string }[];
    }
  | {
      kind: "counts";
      questions: { question: string; title: string; total: number; towns: Record<string, number> }[];
    };
