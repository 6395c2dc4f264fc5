import { Type } from "typebox";

export const RoleSchema = Type.Union([
  Type.Literal("admin"),
  Type.Literal("office"),
  Type.Literal("staff"),
  Type.Literal("department"),
]);

export const SessionUserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  townCodes: Type.Array(Type.String()),
  domains: Type.Array(Type.String()),
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const SessionResponseSchema = Type.Object({
  user: SessionUserSchema,
  csrfToken: Type.String(),
});
