import type { SessionUser } from "@survey/contract";
import type { FastifyRequest } from "fastify";
import { UnauthenticatedError } from "../errors";

/** The signed-in user of a request that passed `authorize`; 401 if there is none. */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new UnauthenticatedError();
  return request.user;
}

/** Who made a change (null for nobody signed in). */
export interface Actor {
  userId: number | null;
  username: string | null;
}

/**
 * Who made this request's change, from where and when, for the audit log: the signed-in user, the client
 * address (`request.ip`, which follows X-Forwarded-For when TRUST_PROXY is set) and the server clock.
 */
export function actorOf(request: FastifyRequest): { actor: Actor; ip: string; at: Date } {
  return {
    actor: { userId: request.user?.id ?? null, username: request.user?.username ?? null },
    ip: request.ip,
    at: request.server.now(),
  };
}
