import type { ReactNode } from "react";
import { EmptyState, ErrorNotice, Loading } from "./feedback";

/** What QueryState reads of a TanStack query (a plain or an infinite one). */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * The three states every query shows the same way: a spinner while it loads, the server's message with a
 * retry button when it failed, and a sentence when it has nothing to show; the children get the data.
 */
export function QueryState<T>({
  query,
  loadingLabel,
  empty,
  retry = true,
  keepDataOnError = false,
  children,
}: {
  query: QueryLike<T>;
  loadingLabel?: string;
  /** The sentence to show instead of the children when the data is empty; a falsy value when it is not. */
  empty?: (data: T) => ReactNode;
  /** Offer the retry button with the error (default). */
  retry?: boolean;
  /** When a refetch fails, keep showing the data it had under the error. */
  keepDataOnError?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) {
    const notice = <ErrorNotice error={query.error} onRetry={retry ? () => query.refetch() : undefined} />;
    if (!keepDataOnError || query.data === undefined) return notice;
    return (
      <>
        {notice}
        {children(query.data)}
      </>
    );
  }
  const data = query.data as T;
  const emptyMessage = empty?.(data);
  if (emptyMessage) return <EmptyState>{emptyMessage}</EmptyState>;
  return children(data);
}
