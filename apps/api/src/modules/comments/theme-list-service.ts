/**
 * The office's comment themes per wave (STATISTICS §7): by default the questionnaire's objective domains, each
 * with a starting keyword list, plus 其他; edited in the console (labels, keywords, themes added or removed).
 */

import { cleanKeywords, DEFAULT_DOMAIN_KEYWORDS, OTHER_THEME } from "@survey/comments";
import type { CommentTheme, CommentThemeList } from "@survey/contract";
import type { Database, Executor } from "@survey/db";
import { DOMAINS } from "@survey/indices";
import { InvalidCommentThemesError } from "../../platform/errors";
import { type AuditSource, recordAudit } from "../accounts";
import { questionnaireOfWave } from "../questionnaires";
import { requireWave, type WaveRow } from "../waves";
import { dropThemesFromTags, findThemeList, saveThemeList } from "./data/comments";

/** The questionnaire's domains in the catalogue's order, each with its starting keywords, then 其他. */
async function defaultThemes(db: Executor, wave: WaveRow): Promise<CommentTheme[]> {
  const { scoring } = await questionnaireOfWave(db, wave);
  const used = new Set<string>(scoring.items.map((item) => item.domain));
  return [
    ...DOMAINS.filter((domain) => used.has(domain.code)).map((domain) => ({
      code: domain.code,
      label: domain.name,
      keywords: [...(DEFAULT_DOMAIN_KEYWORDS[domain.code] ?? [])],
    })),
    { ...OTHER_THEME, keywords: [] },
  ];
}

export async function themeListOfWave(db: Executor, wave: WaveRow): Promise<CommentThemeList> {
  const stored = await findThemeList(db, wave.id);
  if (stored) return { themes: stored as CommentTheme[], custom: true };
  return { themes: await defaultThemes(db, wave), custom: false };
}

export async function getThemeList(db: Executor, waveId: number): Promise<CommentThemeList> {
  return themeListOfWave(db, await requireWave(db, waveId));
}

/** Codes and labels unique; keywords trimmed and without repeats. */
function checkedThemes(themes: readonly CommentTheme[]): CommentTheme[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  const labels = new Set<string>();
  for (const theme of themes) {
    if (codes.has(theme.code)) problems.push(`主题编码“${theme.code}”重复`);
    const label = theme.label.trim();
    if (!label) problems.push(`主题“${theme.code}”缺少名称`);
    if (labels.has(label)) problems.push(`主题名称“${label}”重复`);
    codes.add(theme.code);
    labels.add(label);
  }
  if (problems.length > 0) throw new InvalidCommentThemesError({ details: problems });
  return themes.map((theme) => ({
    code: theme.code,
    label: theme.label.trim(),
    keywords: cleanKeywords(theme.keywords),
  }));
}

/**
 * Saves a wave's theme list. A theme taken off the list is also taken off the comments tagged with it by hand,
 * so that no count refers to a theme that no longer exists.
 */
export async function saveThemeListOfWave(
  db: Database,
  source: AuditSource,
  waveId: number,
  themes: readonly CommentTheme[],
): Promise<CommentThemeList> {
  const wave = await requireWave(db, waveId);
  const checked = checkedThemes(themes);
  await db.transaction(async (tx) => {
    await saveThemeList(tx, wave.id, checked, source.at, source.actor.userId);
    await dropThemesFromTags(
      tx,
      wave.id,
      checked.map((theme) => theme.code),
    );
    await recordAudit(tx, source, "comments.themes", `wave:${wave.id}`, {
      themes: checked.map((theme) => `${theme.label}（${theme.keywords.length}个关键词）`),
    });
  });
  return { themes: checked, custom: true };
}
