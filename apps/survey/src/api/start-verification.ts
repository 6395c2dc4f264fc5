import type { ChallengeSolution, ProofOfWorkChallenge } from "@survey/contract";
import { useCallback, useState } from "react";
import { ApiError, request } from "./http";
import type { VerificationStarted } from "./types";
import { type Action, useAction } from "./use-api";

export interface VerificationRequest {
  idNumber: string;
  phone: string;
  communityCode: string;
}

/** A new challenge after a stale or replayed solution is solved again, a few times at most. */
const MAX_CHALLENGES = 3;

/**
 * Solves the proof-of-work challenge in the browser (Web Crypto SHA-256): the library is loaded only when a
 * challenge is asked for, so a resident who never meets one downloads none of it.
 */
async function solve(challenge: ProofOfWorkChallenge): Promise<ChallengeSolution> {
  const [{ solveChallenge }, { deriveKey }] = await Promise.all([
    import("altcha-lib"),
    import("altcha-lib/algorithms/web/sha"),
  ]);
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 120_000 });
  if (!solution) throw new ApiError(0, "challenge_unsolved", "");
  return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

/**
 * POST /api/waves/:waveId/verifications — sends the SMS code. While the service is busy it may first ask for
 * a proof-of-work challenge (428 `challenge_required`): the app solves it by itself and asks again, telling the
 * resident through `onSolving` (the challenge is never the resident's to do).
 */
export async function startVerification(
  waveId: number,
  body: VerificationRequest,
  onSolving: (solving: boolean) => void = () => {},
): Promise<VerificationStarted> {
  let challenge: ChallengeSolution | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const payload = challenge ? { ...body, challenge } : body;
      return (await request<VerificationStarted>("POST", `/api/waves/${waveId}/verifications`, { body: payload })).data;
    } catch (error) {
      const asked = error instanceof ApiError && error.code === "challenge_required" && error.body.challenge;
      if (!asked || attempt >= MAX_CHALLENGES) throw error;
      onSolving(true);
      try {
        challenge = await solve(error.body.challenge as ProofOfWorkChallenge);
      } finally {
        onSolving(false);
      }
    }
  }
}

export function useStartVerification(
  waveId: number,
): Action<[VerificationRequest], VerificationStarted> & { solving: boolean } {
  const [solving, setSolving] = useState(false);
  const onSolving = useCallback((value: boolean) => setSolving(value), []);
  const action = useAction((body: VerificationRequest) => startVerification(waveId, body, onSolving));
  return { ...action, solving };
}
