import { createHmac } from "node:crypto";
import type { ChallengeSolution, ProofOfWorkChallenge } from "@survey/contract";
import type { Database } from "@survey/db";
import { hashClientAddress } from "@survey/identity/pii-hash";
import { createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import type { Config } from "../../platform/config";
import { ChallengeRequiredError } from "../../platform/errors";
import { recordVerificationStart, spendChallenge } from "./data/verification-starts";

/** How long a challenge may take from being issued to being solved and sent back. */
const CHALLENGE_LIFETIME_MS = 10 * 60_000;
const ADDRESS_WINDOW_MS = 10 * 60_000;

type ChallengeConfig = Pick<Config, "piiSecret" | "challenge">;

/** The challenges' signing key, derived from the PII secret (never the secret itself). */
function signingKey(config: ChallengeConfig): string {
  return createHmac("sha256", config.piiSecret).update("proof-of-work-challenge").digest("hex");
}

/**
 * A new challenge: the solver counts up from 0 to a counter chosen at random below `difficulty` (SHA-256).
 * Its expiry is signed with it, by the server's clock (the library's own expiry reads the wall clock).
 */
export async function issueChallenge(config: ChallengeConfig, now: Date): Promise<ProofOfWorkChallenge> {
  const { difficulty } = config.challenge;
  const challenge = await createChallenge({
    algorithm: "SHA-256",
    cost: 1,
    counter: randomInt(Math.floor(difficulty / 4), difficulty),
    deriveKey,
    data: { expiresAt: now.getTime() + CHALLENGE_LIFETIME_MS },
    hmacSignatureSecret: signingKey(config),
  });
  return challenge as ProofOfWorkChallenge;
}

/** Whether the solution is right for a challenge this server signed, still fresh, and not used before. */
async function acceptSolution(db: Database, config: ChallengeConfig, sent: ChallengeSolution, now: Date) {
  const parameters = sent.challenge.parameters as { data?: { expiresAt?: unknown } };
  const expiresAt = Number(parameters.data?.expiresAt);
  if (!Number.isFinite(expiresAt) || expiresAt <= now.getTime()) return false;
  const result = await verifySolution({
    challenge: sent.challenge as Parameters<typeof verifySolution>[0]["challenge"],
    solution: sent.solution,
    deriveKey,
    hmacSignatureSecret: signingKey(config),
  });
  if (!result.verified) return false;
  return spendChallenge(db, sent.challenge.signature, new Date(expiresAt));
}

/**
 * Counts this start for its address and the service. While the address started `perAddress` in the last 10
 * minutes, or the service `servicePerMinute` in the last minute, a start needs a solved challenge: without one
 * (or with a wrong, stale or replayed one) it is refused with 428 `challenge_required` and a new challenge.
 * Nothing here depends on who the person is.
 */
export async function requireChallengeIfBusy(
  db: Database,
  config: ChallengeConfig,
  input: { clientAddress: string; solution?: ChallengeSolution; now: Date },
): Promise<void> {
  const { now } = input;
  const counts = await recordVerificationStart(db, {
    clientHash: hashClientAddress(config.piiSecret, input.clientAddress),
    now,
    addressSince: new Date(now.getTime() - ADDRESS_WINDOW_MS),
    serviceSince: new Date(now.getTime() - 60_000),
  });
  const busy =
    counts.fromAddress >= config.challenge.perAddress || counts.inService >= config.challenge.servicePerMinute;
  if (!busy) return;
  if (input.solution && (await acceptSolution(db, config, input.solution, now))) return;
  throw new ChallengeRequiredError({ challenge: await issueChallenge(config, now) });
}
