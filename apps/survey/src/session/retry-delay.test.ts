import { describe, expect, it } from "vitest";
import { RETRY_MAX_MS, retryDelayMs } from "./retry-delay";

describe("retryDelayMs", () => {
  it("doubles from one second", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt))).toEqual([1000, 2000, 4000, 8000]);
  });

  it("never waits longer than the cap, however many attempts", () => {
    expect(retryDelayMs(6)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(500)).toBe(RETRY_MAX_MS);
  });

  it("waits at least as long as the server's retry-after", () => {
    expect(retryDelayMs(1, 45)).toBe(45_000);
    expect(retryDelayMs(5, 2)).toBe(16_000);
  });
});
