import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  AdminUser,
  AdminUserList,
  CreateUserRequest,
  errorResponses,
  rolesOf,
  UpdateUserRequest,
  UserIdParams,
} from "@survey/contract";
import { actorOf } from "../../../platform/auth/request-user";
import { UnknownUserError } from "../../../platform/errors";
import { pathId } from "../../../platform/ids";
import { recordAudit } from "../audit-service";
import { createUser, listAdminUsers, updateUser } from "../user-service";

/** User management (admin only). */
const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/users",
    {
      config: { roles: rolesOf("users") },
      schema: {
        tags: ["console"],
        summary: "用户列表",
        response: { 200: AdminUserList, ...errorResponses(401, 403) },
      },
    },
    () => listAdminUsers(app.database.db, app.now()),
  );

  app.post(
    "/api/admin/users",
    {
      config: { roles: rolesOf("users") },
      schema: {
        tags: ["console"],
        summary: "新建用户",
        body: CreateUserRequest,
        response: { 201: AdminUser, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = await createUser(app.database.db, request.body, app.now());
      await recordAudit(app.database.db, actorOf(request), "user.create", `user:${user.id}`, {
        username: user.username,
        role: user.role,
        townCodes: user.townCodes,
        domains: user.domains,
      });
      return reply.code(201).send(user);
    },
  );

  app.patch(
    "/api/admin/users/:userId",
    {
      config: { roles: rolesOf("users") },
      schema: {
        tags: ["console"],
        summary: "修改用户（角色、范围、停用、重置密码）",
        params: UserIdParams,
        body: UpdateUserRequest,
        response: { 200: AdminUser, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const userId = pathId(request.params.userId, UnknownUserError);
      const { user, changes } = await updateUser(app.database.db, userId, request.body, app.now());
      // A demoted, re-scoped or disabled user's live streams stop now, not at their next poll.
      if (Object.keys(changes).some((field) => field !== "displayName")) app.accessChanges.changed(user.id);
      if (Object.keys(changes).length > 0) {
        await recordAudit(app.database.db, actorOf(request), "user.update", `user:${user.id}`, {
          username: user.username,
          changes,
        });
      }
      return user;
    },
  );
};

export default userRoutes;
