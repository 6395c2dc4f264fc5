import type { Role, SessionUser } from "@survey/contract";
import { ForbiddenError } from "../errors";

/** The towns a user is limited to, or undefined for all (only staff users carry a town scope). */
export function townScope(user: SessionUser): string[] | undefined {
  return user.role === "staff" && user.townCodes.length > 0 ? user.townCodes : undefined;
}

export function canAccessTown(user: SessionUser, townCode: string): boolean {
  const scope = townScope(user);
  return scope === undefined || scope.includes(townCode);
}

/** Throws 403 `forbidden` when a town-scoped staff user asks for another town. */
export function assertTownAccess(user: SessionUser, townCode: string): void {
  if (!canAccessTown(user, townCode)) throw new ForbiddenError({ townCode }, "您只能查看分配给您的街镇。");
}

export function hasRole(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}
