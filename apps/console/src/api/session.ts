import { consoleApiPaths, type LoginRequest, type SessionResponse } from "@survey/contract";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError, apiRequest, setCsrfToken } from "./http";

export const sessionQueryKey = ["session"] as const;

/** The signed-in user, or null when there is no session (401). */
export async function fetchSession(): Promise<SessionResponse | null> {
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

export async function login(request: LoginRequest): Promise<SessionResponse> {
  const session = await apiRequest<SessionResponse>(consoleApiPaths.login, { method: "POST", json: request });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
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
