/**
 * Residents' comments (SPEC §4): every open answer of a wave with its question, town, community and day — never
 * who wrote it — searchable, filtered, tagged with themes (suggested from the keyword lists, corrected by hand,
 * also for a whole selection at once) and counted per town. Staff limited to some towns see only theirs.
 */

import { suggestThemes } from "@survey/comments";
import type {
  CommentCounts,
  CommentItem,
  CommentsExportQuery,
  CommentsPage,
  CommentsQuery,
  CommentTheme,
  SessionUser,
  TagCommentsBody,
} from "@survey/contract";
import type { Database, Executor } from "@survey/db";
import { chinaCalendarDate, formatCalendarDate } from "@survey/identity";
import { openQuestions } from "@survey/questionnaire";
import { townScope } from "../../platform/auth/scopes";
import { UnknownCommentError, UnknownThemeError } from "../../platform/errors";
import { type AuditSource, recordAudit } from "../accounts";
import { questionnaireOfWave } from "../questionnaires";
import { listWaveTowns, requireWave, type WaveRow } from "../waves";
import { type CommentFilter, deleteCommentTags, listStoredComments, saveCommentTags } from "./data/comments";
import { themeListOfWave } from "./theme-list-service";

const DEFAULT_PAGE_SIZE = 50;

/** A comment with how clearly its text speaks to its suggested themes (for picking examples). */
export interface LoadedComment extends CommentItem {
  hits: number;
}

export interface LoadedComments {
  wave: WaveRow;
  themes: CommentTheme[];
  comments: LoadedComment[];
}

type Filters = CommentsExportQuery & { ids?: readonly (readonly [string, string])[] };

/** Town codes a request may see: the filter within the user's scope (none outside it: an empty list). */
function visibleTowns(user: SessionUser | null, town: string | undefined): string[] | undefined {
  const scope = user ? townScope(user) : undefined;
  if (town) return !scope || scope.includes(town) ? [town] : [];
  return scope;
}

/** The wave's comments that pass the filters, with their themes, newest first. */
export async function loadComments(
  db: Executor,
  user: SessionUser | null,
  waveId: number,
  filters: Filters = {},
): Promise<LoadedComments> {
  const wave = await requireWave(db, waveId);
  const questionnaire = await questionnaireOfWave(db, wave);
  const questions = openQuestions(questionnaire.definition);
  const titles = new Map(questions.map((question) => [question.name, question.title]));
  const { themes } = await themeListOfWave(db, wave);
  const filter: CommentFilter = {
    waveId: wave.id,
    questions: questions.map((question) => question.name),
    townCodes: visibleTowns(user, filters.town),
    communityCode: filters.community,
    search: filters.q?.trim() || undefined,
    ids: filters.ids,
  };
  const stored = await listStoredComments(db, filter);
  const known = new Set(themes.map((theme) => theme.code));
  let comments = stored.map((row): LoadedComment => {
    const suggestion = suggestThemes(row.text, themes);
    const tagged = row.taggedThemes !== null;
    return {
      id: `${row.responseId}:${row.question}`,
      townCode: row.townCode,
      townName: row.townName ?? row.townCode,
      communityCode: row.communityCode,
      communityName: row.communityName ?? row.communityCode,
      question: row.question,
      questionTitle: titles.get(row.question) ?? row.question,
      text: row.text,
      date: formatCalendarDate(chinaCalendarDate(new Date(row.submittedAt))),
      themes: tagged ? (row.taggedThemes ?? []).filter((code) => known.has(code)) : suggestion.themes,
      suggestedThemes: suggestion.themes,
      tagged,
      hits: suggestion.hits,
    };
  });
  if (filters.theme) comments = comments.filter((comment) => comment.themes.includes(filters.theme as string));
  if (filters.untagged === "true") comments = comments.filter((comment) => !comment.tagged);
  return { wave, themes, comments };
}

const withoutHits = ({ hits: _hits, ...comment }: LoadedComment): CommentItem => comment;

export async function listComments(
  db: Database,
  user: SessionUser,
  waveId: number,
  query: CommentsQuery,
): Promise<CommentsPage> {
  const { page: pageText, pageSize: sizeText, ...filters } = query;
  const { comments } = await loadComments(db, user, waveId, filters);
  const page = Number(pageText ?? 1);
  const pageSize = Math.min(200, Number(sizeText ?? DEFAULT_PAGE_SIZE));
  return {
    total: comments.length,
    page,
    pageSize,
    items: comments.slice((page - 1) * pageSize, page * pageSize).map(withoutHits),
  };
}

/** `<uuid>:<question>` → its parts; anything else is not a comment of this API. */
function parseCommentId(id: string): [string, string] {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(.+)$/i.exec(id);
  if (!match) throw new UnknownCommentError({ id });
  return [(match[1] as string).toLowerCase(), match[2] as string];
}

/**
 * Sets, adds or removes themes on a selection of comments (one or many: bulk tagging), or resets them to their
 * suggestions. Every id must be a comment of this wave the user may see; themes must be on the wave's list.
 */
export async function tagComments(
  db: Database,
  user: SessionUser,
  source: AuditSource,
  waveId: number,
  body: TagCommentsBody,
): Promise<{ updated: number }> {
  const ids = [...new Set(body.ids)].map(parseCommentId);
  return db.transaction(async (tx) => {
    const { wave, themes, comments } = await loadComments(tx, user, waveId, { ids });
    if (comments.length !== ids.length) {
      const found = new Set(comments.map((comment) => comment.id));
      throw new UnknownCommentError({ ids: ids.map(([r, q]) => `${r}:${q}`).filter((id) => !found.has(id)) });
    }
    const order = themes.map((theme) => theme.code);
    const unknown = body.themes.filter((code) => !order.includes(code));
    if (unknown.length > 0) throw new UnknownThemeError({ themes: unknown });
    if (body.action === "reset") {
      await deleteCommentTags(tx, ids);
    } else {
      const next = (current: readonly string[]) => {
        if (body.action === "set") return body.themes;
        if (body.action === "add") return [...current, ...body.themes];
        return current.filter((code) => !body.themes.includes(code));
      };
      const rows = comments.map((comment) => {
        const chosen = new Set(next(comment.themes));
        const [responseId, question] = parseCommentId(comment.id);
        return { responseId, question, themes: order.filter((code) => chosen.has(code)) };
      });
      await saveCommentTags(tx, rows, source.at, source.actor.userId);
    }
    const labels = new Map(themes.map((theme) => [theme.code, theme.label]));
    await recordAudit(tx, source, "comments.tag", `wave:${wave.id}`, {
      action: body.action,
      themes: body.themes.map((code) => labels.get(code) ?? code),
      comments: comments.length,
    });
    return { updated: comments.length };
  });
}

/** Comments (not words) per town × theme, for the towns the user may see; a comment counts once per theme. */
export async function commentCounts(db: Database, user: SessionUser | null, waveId: number): Promise<CommentCounts> {
  const { wave, themes, comments } = await loadComments(db, user, waveId);
  const scope = user ? townScope(user) : undefined;
  const towns = (await listWaveTowns(db, wave.id)).filter((town) => !scope || scope.includes(town.code));
  const zero = () => Object.fromEntries(themes.map((theme) => [theme.code, 0]));
  const byTown = new Map(
    towns.map((town) => [town.code, { code: town.code, name: town.name, total: 0, counts: zero() }]),
  );
  const district = { total: 0, counts: zero() };
  for (const comment of comments) {
    const town = byTown.get(comment.townCode);
    for (const target of town ? [town, district] : [district]) {
      target.total++;
      for (const code of comment.themes) target.counts[code] = (target.counts[code] ?? 0) + 1;
    }
  }
  return {
    themes: themes.map(({ code, label }) => ({ code, label })),
    towns: [...byTown.values()],
    ...district,
  };
}
