import type { SessionUser } from "@survey/contract";
import { createContext, useContext } from "react";

/** Provided by the session gate, so pages below it always have a user (and are unmounted without one). */
export const CurrentUserContext = createContext<SessionUser | null>(null);

export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser outside the session gate");
  return user;
}
