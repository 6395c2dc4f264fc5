/**
 * Residents' comments (SPEC §4): the open answers, read with the question, the town and the date — never who —
 * searched, filtered, tagged with the office's themes (STATISTICS §7) and counted per town.
 */
import { type Static, Type } from "typebox";

export const CommentTheme = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: "^[a-z][a-z0-9_]*$" }),
  label: Type.String({ minLength: 1, maxLength: 40 }),
  keywords: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 200 }),
});
export type CommentTheme = Static<typeof CommentTheme>;

/** `GET/PUT /api/admin/waves/:waveId/comment-themes`. `custom`: false while the default list is in use. */
export const CommentThemeList = Type.Object({
  themes: Type.Array(CommentTheme, { minItems: 1, maxItems: 40 }),
  custom: Type.Boolean(),
});
export type CommentThemeList = Static<typeof CommentThemeList>;

export const CommentThemesBody = Type.Object(
  { themes: Type.Array(CommentTheme, { minItems: 1, maxItems: 40 }) },
  { additionalProperties: false },
);
export type CommentThemesBody = Static<typeof CommentThemesBody>;

/** Filters of the list and the export: town, community, words in the text, theme (effective themes). */
const commentFilters = {
  town: Type.Optional(Type.String({ maxLength: 40 })),
  community: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  theme: Type.Optional(Type.String({ maxLength: 40 })),
  /** "true": only comments no one has tagged by hand yet. */
  untagged: Type.Optional(Type.Union([Type.Literal("true"), Type.Literal("false")])),
};

export const CommentsExportQuery = Type.Object(commentFilters, { additionalProperties: false });
export type CommentsExportQuery = Static<typeof CommentsExportQuery>;

export const CommentsQuery = Type.Object(
  {
    ...commentFilters,
    page: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,5}$" })),
    pageSize: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,2}$" })),
  },
  { additionalProperties: false },
);
export type CommentsQuery = Static<typeof CommentsQuery>;

export const CommentItem = Type.Object({
  /** `<response id>:<question name>`. */
  id: Type.String(),
  townCode: Type.String(),
  townName: Type.String(),
  communityCode: Type.String(),
  communityName: Type.String(),
  question: Type.String(),
  questionTitle: Type.String(),
  /** As stored: ID numbers, phone numbers and long digit runs already masked. */
  text: Type.String(),
  /** The day it was submitted (Beijing time), YYYY-MM-DD. */
  date: Type.String(),
  /** The themes that count: set by hand when `tagged`, suggested otherwise. */
  themes: Type.Array(Type.String()),
  suggestedThemes: Type.Array(Type.String()),
  tagged: Type.Boolean(),
});
export type CommentItem = Static<typeof CommentItem>;

export const CommentsPage = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(CommentItem),
});
export type CommentsPage = Static<typeof CommentsPage>;

/**
 * `POST /api/admin/waves/:waveId/comments/tags`: `set` replaces the themes of each selected comment, `add` and
 * `remove` change one or more themes across a selection (bulk tagging); `reset` goes back to the suggestion.
 */
export const TagCommentsBody = Type.Object(
  {
    ids: Type.Array(Type.String({ maxLength: 200 }), { minItems: 1, maxItems: 500 }),
    action: Type.Union([Type.Literal("set"), Type.Literal("add"), Type.Literal("remove"), Type.Literal("reset")]),
    themes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40 }),
  },
  { additionalProperties: false },
);
export type TagCommentsBody = Static<typeof TagCommentsBody>;

export const TagCommentsReply = Type.Object({ updated: Type.Integer() });
export type TagCommentsReply = Static<typeof TagCommentsReply>;

/** `GET /api/admin/waves/:waveId/comments/counts`: comments (not words) per town × theme. */
export const CommentCounts = Type.Object({
  themes: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  towns: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      total: Type.Integer(),
      counts: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
  total: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type CommentCounts = Static<typeof CommentCounts>;
