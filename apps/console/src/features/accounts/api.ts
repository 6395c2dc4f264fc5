import {
  type AdminUser,
  type AuditPage,
  type ChangePasswordRequest,
  type CreateUserRequest,
  consoleApiPaths,
  type LoginRequest,
  type SessionResponse,
  type UpdateUserRequest,
} from "@survey/contract";
import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError, apiRequest, setCsrfToken } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";

// ---------------------------------------------------------------- session

export const sessionQueryKey = ["session"] as const;

/** The signed-in user, or null when there is no session (401). */
async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await apiRequest<SessionResponse>(consoleApiPaths.me);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

async function login(request: LoginRequest): Promise<SessionResponse> {
  const session = await apiRequest<SessionResponse>(consoleApiPaths.login, { method: "POST", json: request });
  setCsrfToken(session.csrfToken);
  return session;
}

async function logout(): Promise<void> {
  await apiRequest<void>(consoleApiPaths.logout, { method: "POST" });
  setCsrfToken(null);
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}

/**
 * A new (or no) user: the session query gets the new value in place, so the components watching it
 * re-render, and everything cached for the previous user is dropped.
 */
function switchSession(client: QueryClient, session: SessionResponse | null): void {
  client.setQueryData(sessionQueryKey, session);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => switchSession(client, session),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      switchSession(client, null);
    },
  });
}

/** The signed-in user's own new password (204); their other sessions end. */
export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) =>
      apiRequest<void>(consoleApiPaths.password, { method: "POST", json: request }),
  });
}

// ---------------------------------------------------------------- users

const usersQueryKey = ["users"] as const;

export function useUsers() {
  return useQuery({ queryKey: usersQueryKey, queryFn: () => apiRequest<AdminUser[]>(consoleApiPaths.users) });
}

export function useCreateUser() {
  return useInvalidatingMutation(
    (request: CreateUserRequest) => apiRequest<AdminUser>(consoleApiPaths.users, { method: "POST", json: request }),
    [usersQueryKey],
  );
}

export function useUpdateUser() {
  return useInvalidatingMutation(
    ({ userId, request }: { userId: number; request: UpdateUserRequest }) =>
      apiRequest<AdminUser>(consoleApiPaths.user(userId), { method: "PATCH", json: request }),
    [usersQueryKey],
  );
}

// ---------------------------------------------------------------- audit log

/** Newest first, one page of 100 at a time; `fetchNextPage` loads older entries. */
export interface AuditFilter {
  action?: string;
  user?: string;
  from?: string;
  to?: string;
}

export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ["audit", filter],
    queryFn: ({ pageParam }) =>
      apiRequest<AuditPage>(consoleApiPaths.audit, { query: { limit: 100, before: pageParam, ...filter } }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    staleTime: 0,
  });
}
