import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPii, hashSecretToken, hashSmsCode, randomSmsCode, randomToken, timingSafeEqualHex } from "./pii-hash";

const secret = "test-secret";

describe("hashPii", () => {
  it("is HMAC-SHA256 of kind:value, in hex", () => {
    const expected = createHmac("sha256", secret).update("id:11010519491231002X").digest("hex");
    expect(hashPii(secret, "id", "11010519491231002X")).toBe(expected);
    expect(hashPii(secret, "id", "11010519491231002X")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("separates the kinds and depends on the secret", () => {
    expect(hashPii(secret, "id", "13812345678")).not.toBe(hashPii(secret, "phone", "13812345678"));
    expect(hashPii(secret, "phone", "13812345678")).not.toBe(hashPii("other", "phone", "13812345678"));
    expect(hashPii(secret, "phone", "13812345678")).toBe(hashPii(secret, "phone", "13812345678"));
  });

  it("refuses an empty secret", () => {
    expect(() => hashPii("", "id", "x")).toThrow(/secret/);
    expect(() => hashSmsCode("", "v1", "123456")).toThrow(/secret/);
  });
});

describe("hashSecretToken", () => {
  it("is SHA-256 hex", () => {
    expect(hashSecretToken("abc")).toBe(createHash("sha256").update("abc").digest("hex"));
    expect(hashSecretToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("hashSmsCode", () => {
  it("depends on the verification it belongs to, the code and the secret", () => {
    const base = hashSmsCode(secret, "verification-1", "123456");
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSmsCode(secret, "verification-1", "123456")).toBe(base);
    expect(hashSmsCode(secret, "verification-2", "123456")).not.toBe(base);
    expect(hashSmsCode(secret, "verification-1", "123457")).not.toBe(base);
    expect(hashSmsCode("other", "verification-1", "123456")).not.toBe(base);
  });
});

describe("random values", () => {
  it("randomToken gives base64url of the requested length and never repeats", () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(48)).toHaveLength(64);
    expect(new Set(Array.from({ length: 100 }, () => randomToken())).size).toBe(100);
    expect(() => randomToken(8)).toThrow(RangeError);
  });

  it("randomSmsCode gives 6 digits and uses every position", () => {
    const codes = Array.from({ length: 2000 }, () => randomSmsCode());
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    // Each of the 6 positions shows all 10 digits over 2000 draws (failure odds ~ 1e-90).
    for (let position = 0; position < 6; position++) {
      expect(new Set(codes.map((code) => code[position])).size).toBe(10);
    }
  });
});

describe("timingSafeEqualHex", () => {
  it("compares hex digests, case-insensitively", () => {
    const digest = hashSecretToken("abc");
    expect(timingSafeEqualHex(digest, digest)).toBe(true);
    expect(timingSafeEqualHex(digest, digest.toUpperCase())).toBe(true);
    expect(timingSafeEqualHex(digest, hashSecretToken("abd"))).toBe(false);
  });

  it("returns false for different lengths and malformed hex instead of throwing", () => {
    expect(timingSafeEqualHex("abcd", "abcdef")).toBe(false);
    expect(timingSafeEqualHex("zz", "zz")).toBe(false);
    expect(timingSafeEqualHex("abc", "abc")).toBe(false);
    expect(timingSafeEqualHex("", "")).toBe(true);
  });
});
