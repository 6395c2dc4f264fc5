import type { CommentItem } from "@survey/contract";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { apiRequest, errorMessage } from "../../shared/api/http";
import { Dialog } from "../../shared/components/dialog";
import { DownloadButton } from "../../shared/components/download-button";
import { Notice } from "../../shared/components/feedback";
import { CheckboxGroup, namedOptions, SelectField, TextField } from "../../shared/components/fields";
import { Card } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { useCurrentUser } from "../accounts/current-user";
import { SelectedWaveState, useSelectedWave, WavePageHeader } from "../waves/selected-wave";
import {
  type CommentFilters,
  commentsWorkbookUrl,
  useCommentCounts,
  useComments,
  useCommentThemes,
  useTagComments,
} from "./api";
import { CommentList } from "./comment-list";
import { CountsTable } from "./counts-table";
import { commentsStrings as text } from "./strings";
import { ThemeEditor } from "./theme-editor";
import "./comments.css";

const PAGE_SIZE = 20;

/** The communities of a town, from the public list the survey app uses. */
function useTownCommunities(waveId: number, townCode: string) {
  return useQuery({
    queryKey: ["comments", waveId, "communities", townCode],
    queryFn: () => apiRequest<{ code: string; name: string }[]>(`/api/waves/${waveId}/towns/${townCode}/communities`),
    enabled: townCode !== "",
  });
}

function BulkBar({
  count,
  themeOptions,
  busy,
  onApply,
  onClear,
}: {
  count: number;
  themeOptions: { value: string; label: string }[];
  busy: boolean;
  onApply: (action: "add" | "remove" | "reset", theme: string) => void;
  onClear: () => void;
}) {
  const [theme, setTheme] = useState(themeOptions[0]?.value ?? "");
  return (
    <section className="bulk-bar" aria-label={text.selected(count)}>
      <strong>{text.selected(count)}</strong>
      <SelectField inline label={text.bulkTheme} value={theme} options={themeOptions} onChange={setTheme} />
      <button type="button" className="button button--primary" disabled={busy} onClick={() => onApply("add", theme)}>
        {text.addTheme}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => onApply("remove", theme)}>
        {text.removeTheme}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => onApply("reset", theme)}>
        {text.resetThemes}
      </button>
      <button type="button" className="button button--link" onClick={onClear}>
        {text.clearSelection}
      </button>
    </section>
  );
}

function CommentsBody({
  waveId,
  filters,
  setFilters,
}: {
  waveId: number;
  filters: CommentFilters;
  setFilters: (next: CommentFilters) => void;
}) {
  const user = useCurrentUser();
  const canTag = user.role === "admin" || user.role === "office";
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState(filters.q ?? "");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<CommentItem | null>(null);
  const [editThemes, setEditThemes] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const comments = useComments(waveId, filters, page, PAGE_SIZE);
  const counts = useCommentCounts(waveId);
  const themes = useCommentThemes(waveId);
  const communities = useTownCommunities(waveId, filters.town ?? "");
  const tag = useTagComments(waveId);

  const themeList = themes.data?.themes ?? [];
  const labels = new Map(themeList.map((theme) => [theme.code, theme.label]));
  const themeOptions = themeList.map((theme) => ({ value: theme.code, label: theme.label }));
  const filter = (patch: CommentFilters) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
    setSelected(new Set());
  };
  const apply = (ids: string[], action: "set" | "add" | "remove" | "reset", codes: string[], after?: () => void) =>
    tag.mutate(
      { ids, action, themes: action === "reset" ? [] : codes },
      {
        onSuccess: (reply) => {
          setMessage(text.tagged(reply.updated));
          after?.();
        },
      },
    );
  const pageItems = comments.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((comments.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <form
        className="toolbar comment-filters"
        aria-label={text.filters}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          filter({ q: search.trim() || undefined });
        }}
      >
        <SelectField
          inline
          label={text.town}
          value={filters.town ?? ""}
          options={[{ value: "", label: text.allTowns }, ...namedOptions(counts.data?.towns ?? [])]}
          onChange={(town) => filter({ town: town || undefined, community: undefined })}
        />
        {filters.town ? (
          <SelectField
            inline
            label={text.community}
            value={filters.community ?? ""}
            options={[{ value: "", label: text.allCommunities }, ...namedOptions(communities.data ?? [])]}
            onChange={(community) => filter({ community: community || undefined })}
          />
        ) : null}
        <SelectField
          inline
          label={text.theme}
          value={filters.theme ?? ""}
          options={[{ value: "", label: text.allThemes }, ...themeOptions]}
          onChange={(theme) => filter({ theme: theme || undefined })}
        />
        <TextField
          inline
          type="search"
          label={text.search}
          placeholder={text.searchHint}
          value={search}
          maxLength={100}
          onChange={setSearch}
        />
        <button type="submit" className="button">
          {text.searchButton}
        </button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.untagged === "true"}
            onChange={(event) => filter({ untagged: event.target.checked ? "true" : undefined })}
          />
          {text.untaggedOnly}
        </label>
      </form>
      {canTag ? null : <p className="muted small">{text.readOnlyNote}</p>}
      {message ? <Notice tone="success">{message}</Notice> : null}
      {tag.isError ? <Notice tone="error">{errorMessage(tag.error)}</Notice> : null}
      {canTag && selected.size > 0 ? (
        <BulkBar
          count={selected.size}
          themeOptions={themeOptions}
          busy={tag.isPending}
          onApply={(action, theme) => apply([...selected], action, [theme], () => setSelected(new Set()))}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      <Card
        title={comments.data ? text.total(comments.data.total) : text.title}
        labelledBy="comments-title"
        actions={
          canTag && pageItems.length > 0 ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={pageItems.every((item) => selected.has(item.id))}
                onChange={(event) =>
                  setSelected((current) => {
                    const next = new Set(current);
                    for (const item of pageItems) {
                      if (event.target.checked) next.add(item.id);
                      else next.delete(item.id);
                    }
                    return next;
                  })
                }
              />
              {text.selectPage}
            </label>
          ) : null
        }
      >
        <QueryState query={comments} loadingLabel={text.loading} empty={(data) => data.total === 0 && text.empty}>
          {(data) => (
            <>
              <CommentList
                comments={data.items}
                labels={labels}
                canTag={canTag}
                selected={selected}
                onToggle={(id) =>
                  setSelected((current) => {
                    const next = new Set(current);
                    if (!next.delete(id)) next.add(id);
                    return next;
                  })
                }
                onEdit={(comment) => {
                  setEditThemes(comment.themes);
                  setEditing(comment);
                }}
              />
              <nav className="pager" aria-label={text.pageOf(page, pages)}>
                <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {text.previous}
                </button>
                <span>{text.pageOf(page, pages)}</span>
                <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                  {text.next}
                </button>
              </nav>
            </>
          )}
        </QueryState>
      </Card>
      <div className="comments-side">
        <Card title={text.countsTitle} labelledBy="counts-title">
          <p className="muted small">{text.countsIntro}</p>
          <QueryState query={counts}>{(data) => <CountsTable counts={data} />}</QueryState>
        </Card>
        <Card title={text.themesTitle} labelledBy="themes-title">
          <QueryState query={themes}>
            {(data) => <ThemeEditor waveId={waveId} list={data} canEdit={canTag} />}
          </QueryState>
        </Card>
      </div>
      <Dialog
        open={editing !== null}
        title={text.editThemesTitle}
        busy={tag.isPending}
        onCancel={() => setEditing(null)}
        onConfirm={() => editing && apply([editing.id], "set", editThemes, () => setEditing(null))}
      >
        {editing ? (
          <>
            <p className="comment__text">{editing.text}</p>
            <CheckboxGroup
              legend={text.theme}
              note={
                <p className="muted small">
                  {text.suggestedWas(editing.suggestedThemes.map((code) => labels.get(code) ?? code).join("、"))}
                </p>
              }
              options={themeOptions}
              checked={editThemes}
              onChange={setEditThemes}
            />
          </>
        ) : null}
      </Dialog>
    </>
  );
}

export function CommentsPage() {
  const selection = useSelectedWave();
  const [filters, setFilters] = useState<CommentFilters>({});
  return (
    <>
      <WavePageHeader
        title={text.title}
        intro={text.intro}
        selection={selection}
        actions={(wave) => <DownloadButton href={commentsWorkbookUrl(wave.id, filters)}>{text.export}</DownloadButton>}
      />
      <SelectedWaveState selection={selection} noWave={text.noWave}>
        {(wave) => <CommentsBody key={wave.id} waveId={wave.id} filters={filters} setFilters={setFilters} />}
      </SelectedWaveState>
    </>
  );
}
