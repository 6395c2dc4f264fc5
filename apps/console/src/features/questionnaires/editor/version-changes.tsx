import { DOMAINS } from "@survey/indices";
import type { VersionChanges as Changes } from "@survey/questionnaire";
import type { ReactNode } from "react";
import { studioStrings as text } from "../strings";

const domainName = (code: string | null) => DOMAINS.find((domain) => domain.code === code)?.name ?? "—";

/** One kind of change: its heading and, per item, what to say. */
function ChangeList<T extends { name: string }>({
  title,
  items,
  render,
}: {
  title: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <section>
      <h4>{`${title}（${items.length}）`}</h4>
      <ul>
        {items.map((item) => (
          <li key={item.name}>{render(item)}</li>
        ))}
      </ul>
    </section>
  );
}

/** What changed against the version this one was copied from, in words: added, removed, reworded, re-mapped. */
export function VersionChanges({ changes, sourceVersion }: { changes: Changes; sourceVersion: number }) {
  const { added, removed, reworded, remapped, recoded } = changes;
  const none = added.length + removed.length + reworded.length + remapped.length + recoded.length === 0;
  return (
    <div className="studio-changes" data-testid="version-changes">
      <h3 className="studio-changes__title">{text.compareTitle(sourceVersion)}</h3>
      {none ? <p>{text.compareSame}</p> : null}
      <ChangeList
        title={text.added}
        items={added}
        render={(item) => `${item.title || item.name}${item.domain ? `（${domainName(item.domain)}）` : ""}`}
      />
      <ChangeList title={text.removed} items={removed} render={(item) => item.title} />
      <ChangeList
        title={text.reworded}
        items={reworded}
        render={(item) => (
          <>
            <span className="muted">{text.before}：</span>
            <del>{item.before}</del>
            <br />
            <span className="muted">{text.after}：</span>
            <ins>{item.after}</ins>
          </>
        )}
      />
      <ChangeList
        title={text.remapped}
        items={remapped}
        render={(item) =>
          `${item.title}：${text.domainChange(domainName(item.before.domain), domainName(item.after.domain))}`
        }
      />
      <ChangeList title={text.recoded} items={recoded} render={(item) => item.title} />
      <p className="field__help">{text.keptCount(changes.kept)}</p>
    </div>
  );
}
