import { Type } from "typebox";

export const CurrentWave = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  status: Type.Union([Type.Literal("draft"), Type.Literal("open"), Type.Literal("closed")]),
  townTarget: Type.Integer(),
  communityCap: Type.Integer(),
  closesAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

export const TownQuota = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal("street"), Type.Literal("town")]),
  target: Type.Integer(),
  completed: Type.Integer(),
  reserved: Type.Integer(),
  full: Type.Boolean(),
});

export const CommunityQuota = Type.Object({
  code: Type.String(),
  name: Type.String(),
  cap: Type.Integer(),
  completed: Type.Integer(),
  reserved: Type.Integer(),
  full: Type.Boolean(),
});
