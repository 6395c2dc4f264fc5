import { SESSION_COOKIE } from "@survey/contract";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * The session cookie: httpOnly, same-site, and Secure when the request came over HTTPS (request.protocol
 * follows X-Forwarded-Proto only when TRUST_PROXY is set) or always when configured (COOKIE_SECURE, the
 * default in production).
 */
function secure(request: FastifyRequest): boolean {
  return request.protocol === "https" || request.server.config.cookieSecure;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: secure(request),
    path: "/",
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "strict",
    secure: secure(request),
    path: "/",
  });
}
