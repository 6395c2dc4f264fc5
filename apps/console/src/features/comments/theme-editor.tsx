import type { CommentTheme, CommentThemeList } from "@survey/contract";
import { useState } from "react";
import { errorMessage } from "../../shared/api/http";
import { Dialog } from "../../shared/components/dialog";
import { Notice } from "../../shared/components/feedback";
import { TextField } from "../../shared/components/fields";
import { useSaveCommentThemes } from "./api";
import { commentsStrings as text } from "./strings";

interface Draft {
  code: string;
  label: string;
  keywords: string;
}

const toDraft = (theme: CommentTheme): Draft => ({ ...theme, keywords: theme.keywords.join("、") });
const splitKeywords = (keywords: string) => keywords.split(/[、，,;；\s]+/).filter(Boolean);

/** A code for a theme the office adds: `custom_<n>`, unused so far. */
function newCode(drafts: Draft[]): string {
  for (let n = 1; ; n++) if (!drafts.some((draft) => draft.code === `custom_${n}`)) return `custom_${n}`;
}

/** The theme list with its keywords, and a dialog to edit labels and keywords, add and remove themes. */
export function ThemeEditor({ waveId, list, canEdit }: { waveId: number; list: CommentThemeList; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useSaveCommentThemes(waveId);
  const change = (index: number, patch: Partial<Draft>) =>
    setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, ...patch } : draft)));
  return (
    <>
      {list.custom ? null : <p className="muted small">{text.themesDefault}</p>}
      <dl className="theme-keywords">
        {list.themes.map((theme) => (
          <div key={theme.code}>
            <dt>{theme.label}</dt>
            <dd>{theme.keywords.join("、") || "—"}</dd>
          </div>
        ))}
      </dl>
      {saved ? <Notice tone="success">{text.themesSaved}</Notice> : null}
      {canEdit ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {text.editKeywords}
        </button>
      ) : null}
      <Dialog
        open={open}
        wide
        title={text.themesTitle}
        confirmLabel={text.saveThemes}
        busy={save.isPending}
        onOpen={() => {
          setDrafts(list.themes.map(toDraft));
          save.reset();
          setSaved(false);
        }}
        onCancel={() => setOpen(false)}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            drafts.map((draft) => ({ code: draft.code, label: draft.label, keywords: splitKeywords(draft.keywords) })),
            {
              onSuccess: () => {
                setOpen(false);
                setSaved(true);
              },
            },
          );
        }}
      >
        <p className="muted small">{text.themesIntro}</p>
        {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        <div className="theme-rows">
          {drafts.map((draft, index) => (
            <fieldset key={draft.code} className="theme-row">
              <legend className="visually-hidden">{draft.label}</legend>
              <TextField
                label={text.themeLabel}
                value={draft.label}
                required
                maxLength={40}
                onChange={(label) => change(index, { label })}
              />
              <TextField
                label={text.keywords}
                className="field--wide"
                value={draft.keywords}
                onChange={(keywords) => change(index, { keywords })}
              />
              <button
                type="button"
                className="button button--small button--link"
                onClick={() => setDrafts((current) => current.filter((_, at) => at !== index))}
              >
                {text.removeThisTheme(draft.label)}
              </button>
            </fieldset>
          ))}
        </div>
        <button
          type="button"
          className="button"
          onClick={() =>
            setDrafts((current) => [...current, { code: newCode(current), label: text.newThemeLabel, keywords: "" }])
          }
        >
          {text.addNewTheme}
        </button>
      </Dialog>
    </>
  );
}
