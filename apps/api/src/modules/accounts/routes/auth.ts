import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ChangePasswordRequest, errorResponses, LoginRequest, NoContent, SessionResponse } from "@survey/contract";
import { actorOf, requireUser } from "../../../platform/auth/request-user";
import { clearSessionCookie, setSessionCookie } from "../../../platform/auth/session-cookie";
import { SignInDelayedError, UnauthenticatedError } from "../../../platform/errors";
import { recordAudit } from "../audit-service";
import { endSession, SignInRefused, signIn, toSessionUser } from "../auth-service";
import { changeOwnPassword } from "../password-change-service";

/** Console sign-in (SPEC §3a): a session cookie plus a CSRF token for state-changing requests. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/api/auth/login",
    {
      // Each attempt costs an argon2 verification, and password spraying stays under every name's delay.
      config: { rateLimit: { max: app.config.loginRateLimit, timeWindow: 60_000 } },
      schema: {
        tags: ["console"],
        summary: "登录",
        body: LoginRequest,
        response: { 200: SessionResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      try {
        const signedIn = await signIn(
          app.database.db,
          app.config.piiSecret,
          { username, password, address: request.ip },
          app.now(),
        );
        const user = toSessionUser(signedIn.user);
        request.user = user;
        await recordAudit(app.database.db, actorOf(request), "auth.login", `user:${user.id}`);
        setSessionCookie(request, reply, signedIn.sessionToken);
        return { user, csrfToken: signedIn.csrfToken };
      } catch (error) {
        if (!(error instanceof SignInRefused)) throw error;
        const action = error.refusal instanceof SignInDelayedError ? "auth.delayed" : "auth.login_failed";
        // A name that is no account's is not kept: it may be a password typed into the wrong field.
        const details = error.nameIsAccount ? { username } : { unknownName: true };
        const nobody = { ...actorOf(request), actor: { userId: null, username: null } };
        await recordAudit(app.database.db, nobody, action, null, details);
        throw error.refusal;
      }
    },
  );

  app.get(
    "/api/auth/me",
    {
      schema: {
        tags: ["console"],
        summary: "当前登录的用户",
        response: { 200: SessionResponse, ...errorResponses(401) },
      },
    },
    async (request) => {
      await app.authenticate(request);
      const user = requireUser(request);
      const session = request.authSession;
      if (!session) throw new UnauthenticatedError();
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    "/api/auth/password",
    {
      // The current password is checked with argon2: a stolen session must not become a fast password oracle.
      config: { rateLimit: { max: app.config.loginRateLimit, timeWindow: 60_000 } },
      schema: {
        tags: ["console"],
        summary: "修改自己的密码（其他设备上的登录随之失效）",
        body: ChangePasswordRequest,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 422, 429) },
      },
    },
    async (request, reply) => {
      await app.authenticate(request);
      const user = requireUser(request);
      const session = request.authSession;
      if (!session) throw new UnauthenticatedError();
      app.verifyCsrf(request);
      await changeOwnPassword(app.database.db, {
        userId: user.id,
        sessionIdHash: session.idHash,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
      });
      app.accessChanges.changed(user.id);
      await recordAudit(app.database.db, actorOf(request), "auth.password_change", `user:${user.id}`);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/auth/logout",
    {
      schema: {
        tags: ["console"],
        summary: "退出登录",
        response: { 204: NoContent, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await app.authenticate(request);
      const session = request.authSession;
      if (!session) throw new UnauthenticatedError();
      app.verifyCsrf(request);
      await endSession(app.database.db, session.idHash);
      await recordAudit(app.database.db, actorOf(request), "auth.logout", `user:${session.userId}`);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );
};

export default authRoutes;
