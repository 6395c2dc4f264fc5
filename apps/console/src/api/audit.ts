import { type AuditPage, type AuditQuery, consoleApiPaths } from "@survey/contract";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "./http";

export function fetchAuditPage(query: AuditQuery): Promise<AuditPage> {
  return apiRequest<AuditPage>(consoleApiPaths.audit, {
    query: { limit: query.limit, before: query.before, action: query.action, user: query.user },
  });
}

/** Newest first, one page of 100 at a time; `fetchNextPage` loads older entries. */
export function useAuditLog(filter: { action?: string; user?: string }) {
  return useInfiniteQuery({
    queryKey: ["audit", filter],
    queryFn: ({ pageParam }) => fetchAuditPage({ ...filter, limit: 100, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    staleTime: 0,
  });
}
