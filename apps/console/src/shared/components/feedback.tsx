import type { ReactNode } from "react";
import { errorMessage } from "../api/http";
import { strings } from "../strings";

export function Loading({ label = strings.loading }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

type Tone = "error" | "success" | "warning" | "info";

export function Notice({ tone, title, children }: { tone: Tone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title ? <div className="notice__title">{title}</div> : null}
      {children ? <div className="notice__body">{children}</div> : null}
    </div>
  );
}

/** The server's Chinese message for a failed request, with an optional retry. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Notice tone="error">
      {errorMessage(error)}
      {onRetry ? (
        <button type="button" className="button button--link" onClick={onRetry}>
          {strings.retry}
        </button>
      ) : null}
    </Notice>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}
