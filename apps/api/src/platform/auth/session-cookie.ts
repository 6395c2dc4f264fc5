import { SESSION_COOKIE } from "@survey/contract";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The session cookie: httpOnly, same-site, and secure when the request came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    // request.protocol follows X-Forwarded-Proto only when TRUST_PROXY is set.
    secure: request.protocol === "https",
    path: "/",
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "strict",
    secure: request.protocol === "https",
    path: "/",
  });
}
