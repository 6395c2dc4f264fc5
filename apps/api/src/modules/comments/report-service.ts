/**
 * What residents wrote, for the annual report (SPEC §4 "Annual report"): each theme with its comment count per
 * town and for the district, and a few representative comments (as stored: ID numbers and phones masked).
 */
import { representativeComments } from "@survey/comments";
import type { Database } from "@survey/db";
import { commentCounts, loadComments } from "./comments-service";

export interface ReportTheme {
  code: string;
  label: string;
  /** Comments with this theme, district-wide. */
  total: number;
  /** Comments with this theme per town code. */
  byTown: Record<string, number>;
  /** Representative comments: text, town name and question title, at most `examplesPerTheme`. */
  examples: { text: string; townName: string; questionTitle: string }[];
}

export interface ReportComments {
  /** Comments in the wave (each open answer once). */
  total: number;
  towns: { code: string; name: string; total: number }[];
  /** Themes in the office's order, each with at least one comment. */
  themes: ReportTheme[];
}

/** The wave's comments summarised by theme for the report (all towns: the report is the office's). */
export async function commentsForReport(
  db: Database,
  waveId: number,
  options: { examplesPerTheme?: number } = {},
): Promise<ReportComments> {
  const examplesPerTheme = options.examplesPerTheme ?? 3;
  const [counts, { comments }] = await Promise.all([commentCounts(db, null, waveId), loadComments(db, null, waveId)]);
  const themes = counts.themes
    .map(
      (theme): ReportTheme => ({
        ...theme,
        total: counts.counts[theme.code] ?? 0,
        byTown: Object.fromEntries(counts.towns.map((town) => [town.code, town.counts[theme.code] ?? 0])),
        examples: representativeComments(
          comments.filter((comment) => comment.themes.includes(theme.code)),
          examplesPerTheme,
        ).map(({ text, townName, questionTitle }) => ({ text, townName, questionTitle })),
      }),
    )
    .filter((theme) => theme.total > 0);
  return {
    total: counts.total,
    towns: counts.towns.map(({ code, name, total }) => ({ code, name, total })),
    themes,
  };
}
