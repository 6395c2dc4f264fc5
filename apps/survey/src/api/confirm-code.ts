import { request } from "./http";
import type { VerificationConfirmed } from "./types";
import { type Action, useAction } from "./use-api";

/** POST /api/verifications/:id/confirm — holds a quota slot and returns the reservation token. */
export async function confirmCode(verificationId: string, code: string): Promise<VerificationConfirmed> {
  const path = `/api/verifications/${encodeURIComponent(verificationId)}/confirm`;
  return (await request<VerificationConfirmed>("POST", path, { body: { code } })).data;
}

export function useConfirmCode(): Action<[string, string], VerificationConfirmed> {
  return useAction(confirmCode);
}
