import { Type } from "typebox";

const Share = Type.Object({
  category: Type.String(),
  sample: Type.Integer(),
  sampleShare: Type.Number(),
  populationShare: Type.Union([Type.Number(), Type.Null()]),
});

export const FieldworkSummarySchema = Type.Object({
  wave: Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    title: Type.String(),
    status: Type.Union([Type.Literal("draft"), Type.Literal("open"), Type.Literal("closed")]),
    closesAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  }),
  generatedAt: Type.String({ format: "date-time" }),
  totals: Type.Object({ target: Type.Integer(), completed: Type.Integer(), reserved: Type.Integer() }),
  towns: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      target: Type.Integer(),
      completed: Type.Integer(),
      reserved: Type.Integer(),
      fillRate: Type.Number(),
      communities: Type.Object({ empty: Type.Integer(), full: Type.Integer(), belowHalf: Type.Integer() }),
      projection: Type.Object({
        perDay: Type.Number(),
        projected: Type.Integer(),
        expectedCompletionDate: Type.Union([Type.String(), Type.Null()]),
        atRisk: Type.Boolean(),
      }),
    }),
  ),
  communities: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      townCode: Type.String(),
      cap: Type.Integer(),
      completed: Type.Integer(),
      reserved: Type.Integer(),
    }),
  ),
  daily: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() })),
  composition: Type.Array(
    Type.Object({
      townCode: Type.String(),
      n: Type.Integer(),
      sex: Type.Array(Share),
      ageGroup: Type.Array(Share),
      registered: Type.Array(Share),
      populationSource: Type.Union([Type.Literal("town"), Type.Literal("district"), Type.Literal("none")]),
    }),
  ),
});

export const WaveTownParams = Type.Object({
  waveId: Type.String({ maxLength: 40 }),
  townCode: Type.String({ maxLength: 40 }),
});
