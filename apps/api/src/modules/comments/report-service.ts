/**
 * What residents wrote, for the annual report (SPEC §4 "Annual report"): each theme with its comment count per
 * town and for the district, and a few representative comments (as stored: ID numbers and phones masked).
 */
import { representativeComments } from "@survey/comments";
import type { Database } from "@survey/db";
import { commentCounts, type LoadedComment, loadComments } from "./comments-service";

export interface ReportTheme {
  code: string;
  label: string;
  /** Comments with this theme, district-wide. */
  total: number;
  /** Comments with this theme per town code. */
  byTown: Record<string, number>;
  /** Representative comments district-wide, at most `examplesPerTheme`. */
  examples: ReportExample[];
  /** Each town's own representative comments (towns with none left out), at most `examplesPerTown`. */
  townExamples: Record<string, ReportExample[]>;
}

/** A comment as the report quotes it: the stored (masked) text, where it came from, never who wrote it. */
export interface ReportExample {
  text: string;
  townCode: string;
  townName: string;
  questionTitle: string;
}

export interface ReportComments {
  /** Comments in the wave (each open answer once). */
  total: number;
  towns: { code: string; name: string; total: number }[];
  /** Themes in the office's order, each with at least one comment. */
  themes: ReportTheme[];
}

const asExample = ({ text, townCode, townName, questionTitle }: LoadedComment): ReportExample => ({
  text,
  townCode,
  townName,
  questionTitle,
});

/** The wave's comments summarised by theme for the report (all towns: the report is the office's). */
export async function commentsForReport(
  db: Database,
  waveId: number,
  options: { examplesPerTheme?: number; examplesPerTown?: number } = {},
): Promise<ReportComments> {
  const examplesPerTheme = options.examplesPerTheme ?? 3;
  const examplesPerTown = options.examplesPerTown ?? 2;
  const [counts, { comments }] = await Promise.all([commentCounts(db, null, waveId), loadComments(db, null, waveId)]);
  const themes = counts.themes
    .map((theme): ReportTheme => {
      const ofTheme = comments.filter((comment) => comment.themes.includes(theme.code));
      const towns = counts.towns.filter((town) => (town.counts[theme.code] ?? 0) > 0);
      return {
        ...theme,
        total: counts.counts[theme.code] ?? 0,
        byTown: Object.fromEntries(counts.towns.map((town) => [town.code, town.counts[theme.code] ?? 0])),
        examples: representativeComments(ofTheme, examplesPerTheme).map(asExample),
        townExamples: Object.fromEntries(
          towns.map((town) => [
            town.code,
            representativeComments(
              ofTheme.filter((comment) => comment.townCode === town.code),
              examplesPerTown,
            ).map(asExample),
          ]),
        ),
      };
    })
    .filter((theme) => theme.total > 0);
  return {
    total: counts.total,
    towns: counts.towns.map(({ code, name, total }) => ({ code, name, total })),
    themes,
  };
}
