import { Type } from "typebox";

/** SPEC §3 error body: a stable code, a Chinese sentence, and any details. */
export const ErrorBody = Type.Object(
  { error: Type.String(), message: Type.String() },
  { additionalProperties: true, description: "错误：稳定的错误代码和给人看的中文说明" },
);

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as Record<number, typeof ErrorBody>;

/** Path ids are validated in the service (an unknown or malformed id is a 404, not a 400). */
export const WaveIdParams = Type.Object({ waveId: Type.String({ maxLength: 40 }) });

export function parseId(raw: string): number | undefined {
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  return Number(raw);
}
