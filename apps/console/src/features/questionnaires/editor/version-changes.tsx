import { DOMAINS } from "@survey/indices";
import type { VersionChanges as Changes } from "@survey/questionnaire";
import { studioStrings as text } from "../strings";

const domainName = (code: string | null) => DOMAINS.find((domain) => domain.code === code)?.name ?? "—";

/** What changed against the version this one was copied from, in words: added, removed, reworded, re-mapped. */
export function VersionChanges({ changes, sourceVersion }: { changes: Changes; sourceVersion: number }) {
  const none =
    changes.added.length +
      changes.removed.length +
      changes.reworded.length +
      changes.remapped.length +
      changes.recoded.length ===
    0;
  return (
    <div className="studio-changes" data-testid="version-changes">
      <h3 className="studio-changes__title">{text.compareTitle(sourceVersion)}</h3>
      {none ? <p>{text.compareSame}</p> : null}
      {changes.added.length > 0 ? (
        <section>
          <h4>{`${text.added}（${changes.added.length}）`}</h4>
          <ul>
            {changes.added.map((item) => (
              <li key={item.name}>
                {item.title || item.name}
                {item.domain ? `（${domainName(item.domain)}）` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes.removed.length > 0 ? (
        <section>
          <h4>{`${text.removed}（${changes.removed.length}）`}</h4>
          <ul>
            {changes.removed.map((item) => (
              <li key={item.name}>{item.title}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes.reworded.length > 0 ? (
        <section>
          <h4>{`${text.reworded}（${changes.reworded.length}）`}</h4>
          <ul>
            {changes.reworded.map((item) => (
              <li key={item.name}>
                <span className="muted">{text.before}：</span>
                <del>{item.before}</del>
                <br />
                <span className="muted">{text.after}：</span>
                <ins>{item.after}</ins>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes.remapped.length > 0 ? (
        <section>
          <h4>{`${text.remapped}（${changes.remapped.length}）`}</h4>
          <ul>
            {changes.remapped.map((item) => (
              <li key={item.name}>
                {item.title}：{text.domainChange(domainName(item.before.domain), domainName(item.after.domain))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes.recoded.length > 0 ? (
        <section>
          <h4>{`${text.recoded}（${changes.recoded.length}）`}</h4>
          <ul>
            {changes.recoded.map((item) => (
              <li key={item.name}>{item.title}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="field__help">{text.keptCount(changes.kept)}</p>
    </div>
  );
}
