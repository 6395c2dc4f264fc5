/**
 * Theme suggestions for residents' comments (STATISTICS §7): the text is cut into words with the built-in
 * `Intl.Segmenter("zh", { granularity: "word" })` — no dictionary to ship — and a theme is suggested when one of
 * its keywords occurs starting at a word boundary (so 停车 finds 停车位 and 停车难 but not 不停|车…). A comment no
 * keyword places is suggested as 其他. The analyst corrects the suggestion by hand; a stored correction wins.
 */
import { OTHER_THEME } from "./default-keywords";

export interface CommentTheme {
  /** Stable code (a domain code, "other", or one the office made up). */
  code: string;
  label: string;
  keywords: readonly string[];
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** The words of a text as the segmenter cuts them (punctuation and spaces left out). */
export function segmentWords(text: string): string[] {
  return [...segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment);
}

function wordStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (const part of segmenter.segment(text)) starts.add(part.index);
  return starts;
}

/** How many times the keywords occur at word starts in `text`, by keyword (case-insensitive for Latin letters). */
function keywordHits(text: string, starts: Set<number>, keywords: readonly string[]): number {
  const lower = text.toLowerCase();
  let hits = 0;
  for (const keyword of keywords) {
    const needle = keyword.trim().toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      if (starts.has(at)) hits++;
    }
  }
  return hits;
}

export interface ThemeSuggestion {
  /** Theme codes in the themes' order; [other] when none matched (and the list has 其他). */
  themes: string[];
  /** Keyword occurrences over all themes: how clearly the comment speaks to its themes. */
  hits: number;
}

export function suggestThemes(text: string, themes: readonly CommentTheme[]): ThemeSuggestion {
  const starts = wordStarts(text);
  let hits = 0;
  const matched: string[] = [];
  for (const theme of themes) {
    const count = keywordHits(text, starts, theme.keywords);
    if (count > 0) matched.push(theme.code);
    hits += count;
  }
  if (matched.length === 0 && themes.some((theme) => theme.code === OTHER_THEME.code)) {
    return { themes: [OTHER_THEME.code], hits: 0 };
  }
  return { themes: matched, hits };
}

/** A keyword list as the office typed it: trimmed, without blanks or repeats, in the order given. */
export function cleanKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map((keyword) => keyword.trim()).filter((keyword) => keyword.length > 0))];
}

/**
 * A few comments that show a theme well: those with the most keyword hits, then those nearest a readable length
 * (about 60 characters), never the same text twice.
 */
export function representativeComments<T extends { text: string; hits: number }>(
  comments: readonly T[],
  count: number,
): T[] {
  const readable = (text: string) => Math.abs([...text].length - 60);
  const seen = new Set<string>();
  return [...comments]
    .sort((a, b) => b.hits - a.hits || readable(a.text) - readable(b.text) || a.text.localeCompare(b.text))
    .filter((comment) => {
      const key = comment.text.trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, count);
}
