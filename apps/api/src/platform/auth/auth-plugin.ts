import { timingSafeEqual } from "node:crypto";
import cookie from "@fastify/cookie";
import { CSRF_HEADER, type Role, SESSION_COOKIE, type SessionUser } from "@survey/contract";
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { CsrfError, ForbiddenError, UnauthenticatedError } from "../errors";
import { AccessChanges } from "./access-changes";
import { hasRole } from "./scopes";
import type { AuthSession, SessionAuthority } from "./session-authority";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Roles allowed on an /api/admin route; a route without it is for admins only. */
    roles?: Role[];
  }
  interface FastifyRequest {
    /** The signed-in user, once `authenticate` (or the /api/admin hook) has run; null without a session. */
    user: SessionUser | null;
    /** The session behind the cookie, for CSRF checks and sign-out. */
    authSession: AuthSession | null;
  }
  interface FastifyInstance {
    /** Loads the session named by the cookie (once per request) and sets `request.user`. */
    authenticate: (request: FastifyRequest) => Promise<SessionUser | null>;
    /** onRequest hook for the /api/admin scope: 401 without a session, 403 without a listed role or CSRF token. */
    authorize: (request: FastifyRequest) => Promise<void>;
    /** 403 `csrf_failed` unless the request carries its session's token in `x-csrf-token`. */
    verifyCsrf: (request: FastifyRequest) => void;
    /** Ends a user's open streams when an administrator changes their access. */
    accessChanges: AccessChanges;
  }
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const DEFAULT_ROLES: Role[] = ["admin"];
const loaded = Symbol("sessionLoaded");

function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Sessions, roles and CSRF for the console. Also creates the first administrator at first start
 * (from ADMIN_USERNAME / ADMIN_PASSWORD, else with a generated password written once to the log).
 */
export default fp<{ sessions: SessionAuthority }>(
  async (app, { sessions }) => {
    await app.register(cookie);
    app.decorateRequest("user", null);
    app.decorateRequest("authSession", null);
    app.decorate("accessChanges", new AccessChanges());

    app.decorate("authenticate", async (request: FastifyRequest) => {
      const state = request as FastifyRequest & { [loaded]?: boolean };
      if (state[loaded]) return request.user;
      state[loaded] = true;
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return null;
      const active = await sessions.resumeSession(app.database.db, token, app.now());
      if (!active) return null;
      request.user = active.user;
      request.authSession = active.session;
      return request.user;
    });

    app.decorate("verifyCsrf", (request: FastifyRequest) => {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.authSession?.csrfToken;
      if (typeof sent !== "string" || !expected || !tokensEqual(sent, expected)) throw new CsrfError();
    });

    app.decorate("authorize", async (request: FastifyRequest) => {
      const user = await app.authenticate(request);
      if (!user) throw new UnauthenticatedError();
      const roles = request.routeOptions.config.roles ?? DEFAULT_ROLES;
      if (!hasRole(user, roles)) throw new ForbiddenError({ roles });
      if (STATE_CHANGING.has(request.method)) app.verifyCsrf(request);
    });

    app.addHook("onReady", async () => {
      const result = await sessions.ensureFirstAdmin(app.database.db, app.config);
      if (!result.created) return;
      if (result.generatedPassword) {
        // Shown once: later starts find a user and create nothing. The message is not a redacted field.
        app.log.warn(
          `created the first administrator "${result.username}" with the generated password ${result.generatedPassword} — sign in and change it; it will not be shown again`,
        );
      } else {
        app.log.info(`created the first administrator "${result.username}" from ADMIN_PASSWORD`);
      }
    });
  },
  { name: "auth", dependencies: ["database", "clock"] },
);
