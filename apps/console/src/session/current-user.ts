import type { SessionUser } from "@survey/contract";
import { useSessionQuery } from "../api/session";

/** The signed-in user; only used below the session gate, which guarantees one. */
export function useCurrentUser(): SessionUser {
  const { data } = useSessionQuery();
  if (!data) throw new Error("useCurrentUser outside a signed-in session");
  return data.user;
}
