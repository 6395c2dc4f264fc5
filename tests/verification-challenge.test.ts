import type { ProofOfWorkChallenge } from "@survey/contract";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adultIdNumber, mobilePhone } from "./support/resident";
import { openDemoWave, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

/** A start from one client address (the socket's: no proxy is trusted here). */
function startFrom(t: TestApp, waveId: number, communityCode: string, address: string, extra: object = {}) {
  return t.app.inject({
    method: "POST",
    url: `/api/waves/${waveId}/verifications`,
    remoteAddress: address,
    payload: { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode, ...extra },
  });
}

async function solve(challenge: ProofOfWorkChallenge) {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("the challenge could not be solved");
  return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

/** A demo wave whose challenge thresholds are `env`'s, on a settable clock; opened in beforeAll. */
function challengeWave(env: Record<string, string>) {
  const state = { clock: new TestClock() } as {
    clock: TestClock;
    t: TestApp;
    waveId: number;
    communityCode: string;
  };
  beforeAll(async () => {
    const opened = await openDemoWave({
      now: state.clock.now,
      env: { CHALLENGE_DIFFICULTY: "400", VERIFY_RATE_LIMIT_PER_MINUTE: "100000", ...env },
    });
    Object.assign(state, { t: opened.t, waveId: opened.waveId, communityCode: opened.communityCode });
  });
  afterAll(() => state.t.close());
  return state;
}

describe(`the proof-of-work challenge for an address that starts many verifications (${testDriver})`, () => {
  const wave = challengeWave({ CHALLENGE_STARTS_PER_ADDRESS: "3", CHALLENGE_STARTS_PER_MINUTE: "1000000" });
  const startFromAddress = (address: string, extra: object = {}) =>
    startFrom(wave.t, wave.waveId, wave.communityCode, address, extra);

  it("a resident starting once never meets the challenge", async () => {
    const started = await startFromAddress("203.0.113.7");
    expect(started.statusCode).toBe(201);
    expect(started.json()).not.toHaveProperty("challenge");
  });

  it("the 4th start from one address within 10 minutes needs a solved challenge; a solution opens one start", async () => {
    const address = "198.51.100.20";
    for (let i = 0; i < 3; i++) expect((await startFromAddress(address)).statusCode).toBe(201);

    const refused = await startFromAddress(address);
    expect(refused.statusCode).toBe(428);
    expect(refused.json().error).toBe("challenge_required");
    expect(refused.json().message).toMatch(/安全验证/);
    const challenge = refused.json().challenge as ProofOfWorkChallenge;
    expect(challenge.parameters.algorithm).toBe("SHA-256");

    // Unsolved, or with a wrong counter: refused, with a new challenge.
    const wrong = { challenge, solution: { counter: 1, derivedKey: "00".repeat(32) } };
    expect((await startFromAddress(address, { challenge: wrong })).statusCode).toBe(428);
    // A challenge whose parameters were changed (an easier key prefix) fails its signature.
    const solved = await solve(challenge);
    const forged = {
      ...solved,
      challenge: { ...challenge, parameters: { ...challenge.parameters, cost: challenge.parameters.cost + 1 } },
    };
    expect((await startFromAddress(address, { challenge: forged })).statusCode).toBe(428);

    const passed = await startFromAddress(address, { challenge: solved });
    expect(passed.statusCode).toBe(201);
    expect(passed.json().verificationId).toEqual(expect.any(String));

    // The same solution again (another person, the same address or another one): refused, a new challenge.
    const replayed = await startFromAddress(address, { challenge: solved });
    expect(replayed.statusCode).toBe(428);
    expect(replayed.json().challenge.signature).not.toBe(challenge.signature);
    // Other addresses are not affected.
    expect((await startFromAddress("198.51.100.21")).statusCode).toBe(201);
  });

  it("a challenge is good for 10 minutes only", async () => {
    const address = "198.51.100.30";
    for (let i = 0; i < 3; i++) await startFromAddress(address);
    const refused = await startFromAddress(address);
    expect(refused.statusCode).toBe(428);
    const solved = await solve(refused.json().challenge);
    // Keep the address busy past the challenge's lifetime, then send the old solution.
    for (let minute = 0; minute < 11; minute++) {
      wave.clock.advance(60_000);
      await startFromAddress(address);
    }
    expect((await startFromAddress(address, { challenge: solved })).statusCode).toBe(428);
  });

  it("the address is asked no more once its starts are older than 10 minutes", async () => {
    const address = "198.51.100.40";
    for (let i = 0; i < 3; i++) await startFromAddress(address);
    expect((await startFromAddress(address)).statusCode).toBe(428);
    wave.clock.advance(10 * 60_000 + 1000);
    expect((await startFromAddress(address)).statusCode).toBe(201);
  });
});

describe(`the proof-of-work challenge for everyone while the whole service starts unusually many (${testDriver})`, () => {
  const wave = challengeWave({ CHALLENGE_STARTS_PER_ADDRESS: "1000000", CHALLENGE_STARTS_PER_MINUTE: "5" });
  const startFromAddress = (address: string, extra: object = {}) =>
    startFrom(wave.t, wave.waveId, wave.communityCode, address, extra);

  it("after 5 starts in a minute from 5 addresses, a 6th address is asked; a minute later no one is", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await startFromAddress(`192.0.2.${i + 1}`)).statusCode).toBe(201);
    }
    const sixth = await startFromAddress("192.0.2.99");
    expect(sixth.statusCode).toBe(428);
    const solved = await solve(sixth.json().challenge);
    expect((await startFromAddress("192.0.2.99", { challenge: solved })).statusCode).toBe(201);
    wave.clock.advance(61_000);
    expect((await startFromAddress("192.0.2.100")).statusCode).toBe(201);
  });
});
