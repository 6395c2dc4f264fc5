import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/**
 * Keyed hashes and random secrets for personal data. Server-only (node:crypto), hence a separate
 * subpath export "@survey/identity/pii-hash" that the browser bundle never reaches.
 */

export type PiiKind = "id" | "phone";

function requireSecret(secret: string): void {
  if (secret.length === 0) throw new Error("the PII hashing secret is empty; set it in the configuration");
}

/**
 * HMAC-SHA256 hex of "kind:value". The kind separates domains so that an ID number and a phone number
 * with the same characters never share a hash; the secret stops anyone holding the database from
 * hashing the few billion possible values to reverse them. Pass normalised values.
 */
export function hashPii(secret: string, kind: PiiKind, normalizedValue: string): string {
  requireSecret(secret);
  return createHmac("sha256", secret).update(`${kind}:${normalizedValue}`).digest("hex");
}

/**
 * Keyed hash of a client's network address, for per-address limits kept in the database: the same address
 * always meets itself, and the stored value cannot be turned back into the address without the key.
 */
export function hashClientAddress(secret: string, address: string): string {
  requireSecret(secret);
  return createHmac("sha256", secret).update(`client:${address}`).digest("hex");
}

/** SHA-256 hex of a high-entropy secret (bearer token, session id): unguessable, so no key is needed. */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A 6-digit SMS code has only a million values, so a plain hash is reversed instantly: key it with the
 * secret and salt it with the verification it belongs to, so a code hash is useless for any other one.
 */
export function hashSmsCode(secret: string, verificationId: string, code: string): string {
  requireSecret(secret);
  return createHmac("sha256", secret).update(`sms:${verificationId}:${code}`).digest("hex");
}

/** `bytes` random bytes as base64url (32 bytes → 43 characters). */
export function randomToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 16) throw new RangeError("a token needs at least 16 random bytes");
  return randomBytes(bytes).toString("base64url");
}

/** Six uniformly random digits, leading zeros kept. */
export function randomSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

const HEX = /^(?:[0-9a-f]{2})*$/i;

/** Constant-time comparison of two hex digests; false for malformed hex or different lengths. */
export function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length || !HEX.test(a) || !HEX.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}
