import { request } from "./http";
import type { VerificationStarted } from "./types";
import { type Action, useAction } from "./use-api";

export interface VerificationRequest {
  idNumber: string;
  phone: string;
  communityCode: string;
}

/** POST /api/waves/:waveId/verifications — sends the SMS code. */
export async function startVerification(waveId: number, body: VerificationRequest): Promise<VerificationStarted> {
  return (await request<VerificationStarted>("POST", `/api/waves/${waveId}/verifications`, { body })).data;
}

export function useStartVerification(waveId: number): Action<[VerificationRequest], VerificationStarted> {
  return useAction((body: VerificationRequest) => startVerification(waveId, body));
}
