import type { CommentItem } from "@survey/contract";
import { commentsStrings as text } from "./strings";

/** Theme chips of a comment: hand-set ones solid, suggested ones outlined. */
function ThemeChips({ comment, labels }: { comment: CommentItem; labels: Map<string, string> }) {
  return (
    <ul className="theme-chips" aria-label={comment.tagged ? text.byHand : text.suggested}>
      {comment.themes.map((code) => (
        <li key={code} className={`theme-chip${comment.tagged ? " theme-chip--tagged" : ""}`}>
          {labels.get(code) ?? code}
        </li>
      ))}
      <li className="theme-chips__source">{comment.tagged ? text.byHand : text.suggested}</li>
    </ul>
  );
}

/**
 * The comments of one page: the text first, then the question, town · community and day — never who wrote it.
 * Analysts tick comments for bulk tagging and open one to change its themes.
 */
export function CommentList({
  comments,
  labels,
  canTag,
  selected,
  onToggle,
  onEdit,
}: {
  comments: CommentItem[];
  labels: Map<string, string>;
  canTag: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onEdit: (comment: CommentItem) => void;
}) {
  return (
    <ul className="comment-list" data-testid="comment-list">
      {comments.map((comment) => (
        <li key={comment.id} className={`comment${selected.has(comment.id) ? " is-selected" : ""}`}>
          {canTag ? (
            <input
              type="checkbox"
              className="comment__check"
              aria-label={text.select(comment.text)}
              checked={selected.has(comment.id)}
              onChange={() => onToggle(comment.id)}
            />
          ) : null}
          <div className="comment__main">
            <p className="comment__text">{comment.text}</p>
            <p className="comment__meta">
              <span>{comment.questionTitle}</span>
              <span>
                {comment.townName} · {comment.communityName}
              </span>
              <time dateTime={comment.date}>{comment.date}</time>
            </p>
            <ThemeChips comment={comment} labels={labels} />
          </div>
          {canTag ? (
            <button type="button" className="button button--small" onClick={() => onEdit(comment)}>
              <span aria-hidden="true">{text.editButton}</span>
              <span className="visually-hidden">{text.editThemes(comment.text)}</span>
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
