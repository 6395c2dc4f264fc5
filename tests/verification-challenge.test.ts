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

describe(`the proof-of-work challenge for an address that starts many verifications (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let communityCode: string;
  const clock = new TestClock();

  beforeAll(async () => {
    ({ t, waveId, communityCode } = await openDemoWave({
      now: clock.now,
      env: {
        CHALLENGE_STARTS_PER_ADDRESS: "3",
        CHALLENGE_STARTS_PER_MINUTE: "1000000",
        CHALLENGE_DIFFICULTY: "400",
        VERIFY_RATE_LIMIT_PER_MINUTE: "100000",
      },
    }));
  });
  afterAll(() => t.close());

  it("a resident starting once never meets the challenge", async () => {
    const started = await startFrom(t, waveId, communityCode, "203.0.113.7");
    expect(started.statusCode).toBe(201);
    expect(started.json()).not.toHaveProperty("challenge");
  });

  it("the 4th start from one address within 10 minutes needs a solved challenge; a solution opens one start", async () => {
    const address = "198.51.100.20";
    for (let i = 0; i < 3; i++) expect((await startFrom(t, waveId, communityCode, address)).statusCode).toBe(201);

    const refused = await startFrom(t, waveId, communityCode, address);
    expect(refused.statusCode).toBe(428);
    expect(refused.json().error).toBe("challenge_required");
    expect(refused.json().message).toMatch(/安全验证/);
    const challenge = refused.json().challenge as ProofOfWorkChallenge;
    expect(challenge.parameters.algorithm).toBe("SHA-256");

    // Unsolved, or with a wrong counter: refused, with a new challenge.
    const wrong = { challenge, solution: { counter: 1, derivedKey: "00".repeat(32) } };
    expect((await startFrom(t, waveId, communityCode, address, { challenge: wrong })).statusCode).toBe(428);
    // A challenge whose parameters were changed (an easier key prefix) fails its signature.
    const solved = await solve(challenge);
    const forged = {
      ...solved,
      challenge: { ...challenge, parameters: { ...challenge.parameters, cost: challenge.parameters.cost + 1 } },
    };
    expect((await startFrom(t, waveId, communityCode, address, { challenge: forged })).statusCode).toBe(428);

    const passed = await startFrom(t, waveId, communityCode, address, { challenge: solved });
    expect(passed.statusCode).toBe(201);
    expect(passed.json().verificationId).toEqual(expect.any(String));

    // The same solution again (another person, the same address or another one): refused, a new challenge.
    const replayed = await startFrom(t, waveId, communityCode, address, { challenge: solved });
    expect(replayed.statusCode).toBe(428);
    expect(replayed.json().challenge.signature).not.toBe(challenge.signature);
    // Other addresses are not affected.
    expect((await startFrom(t, waveId, communityCode, "198.51.100.21")).statusCode).toBe(201);
  });

  it("a challenge is good for 10 minutes only", async () => {
    const address = "198.51.100.30";
    for (let i = 0; i < 3; i++) await startFrom(t, waveId, communityCode, address);
    const refused = await startFrom(t, waveId, communityCode, address);
    expect(refused.statusCode).toBe(428);
    const solved = await solve(refused.json().challenge);
    // Keep the address busy past the challenge's lifetime, then send the old solution.
    for (let minute = 0; minute < 11; minute++) {
      clock.advance(60_000);
      await startFrom(t, waveId, communityCode, address);
    }
    expect((await startFrom(t, waveId, communityCode, address, { challenge: solved })).statusCode).toBe(428);
  });

  it("the address is asked no more once its starts are older than 10 minutes", async () => {
    const address = "198.51.100.40";
    for (let i = 0; i < 3; i++) await startFrom(t, waveId, communityCode, address);
    expect((await startFrom(t, waveId, communityCode, address)).statusCode).toBe(428);
    clock.advance(10 * 60_000 + 1000);
    expect((await startFrom(t, waveId, communityCode, address)).statusCode).toBe(201);
  });
});

describe(`the proof-of-work challenge for everyone while the whole service starts unusually many (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let communityCode: string;
  const clock = new TestClock();

  beforeAll(async () => {
    ({ t, waveId, communityCode } = await openDemoWave({
      now: clock.now,
      env: { CHALLENGE_STARTS_PER_ADDRESS: "1000000", CHALLENGE_STARTS_PER_MINUTE: "5", CHALLENGE_DIFFICULTY: "400" },
    }));
  });
  afterAll(() => t.close());

  it("after 5 starts in a minute from 5 addresses, a 6th address is asked; a minute later no one is", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await startFrom(t, waveId, communityCode, `192.0.2.${i + 1}`)).statusCode).toBe(201);
    }
    const sixth = await startFrom(t, waveId, communityCode, "192.0.2.99");
    expect(sixth.statusCode).toBe(428);
    const solved = await solve(sixth.json().challenge);
    expect((await startFrom(t, waveId, communityCode, "192.0.2.99", { challenge: solved })).statusCode).toBe(201);
    clock.advance(61_000);
    expect((await startFrom(t, waveId, communityCode, "192.0.2.100")).statusCode).toBe(201);
  });
});
