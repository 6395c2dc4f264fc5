import { Type } from "typebox";
import { RoleSchema } from "./auth";

const Code = Type.String({ minLength: 1, maxLength: 40 });

export const AdminUserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  townCodes: Type.Array(Type.String()),
  domains: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  createdAt: Type.String({ format: "date-time" }),
});

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 60, pattern: "^[A-Za-z0-9._@-]+$" }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ maxLength: 1000 }),
    role: RoleSchema,
    townCodes: Type.Optional(Type.Array(Code, { maxItems: 500 })),
    domains: Type.Optional(Type.Array(Code, { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(RoleSchema),
    townCodes: Type.Optional(Type.Array(Code, { maxItems: 500 })),
    domains: Type.Optional(Type.Array(Code, { maxItems: 100 })),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  // An empty change is a mistake of the caller, not something to write (and audit).
  { additionalProperties: false, minProperties: 1 },
);

export const UserIdParams = Type.Object({ userId: Type.String({ maxLength: 20 }) });

export const AuditQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.String({ pattern: "^[0-9]{1,4}$" })),
    before: Type.Optional(Type.String({ pattern: "^[0-9]{1,15}$" })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    user: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: "date-time" }),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export const AuditPageSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
