import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { runSeed, SeededRandom } from "./support/fuzz-random";
import { casesFor, type FuzzContext, operationsOf } from "./support/fuzz-requests";
import { adultIdNumber, currentWaveId, mobilePhone, startVerification, verifyResident } from "./support/resident";
import { createTestApp, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * Bad input on every route of the OpenAPI document, public and admin: the answer is never a 5xx, and every
 * 4xx is the SPEC error body `{ error, message }`. The run is seeded (printed); FUZZ_SEED=<n> replays it.
 */
describe(`fuzz: every route, bad input (${testDriver})`, () => {
  let t: TestApp;
  let context: FuzzContext;
  const seed = runSeed();

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000" } });
    const waveId = await currentWaveId(t.app);
    const admin = await signIn(t.app, "admin");
    const community = (
      await t.app.inject({ method: "GET", url: `/api/waves/${waveId}/towns/310117001/communities` })
    ).json()[0].code;
    const confirmed = await verifyResident(t.app, waveId, {
      idNumber: adultIdNumber(),
      phone: mobilePhone(),
      communityCode: community,
    });
    const pending = await startVerification(t.app, waveId, {
      idNumber: adultIdNumber(),
      phone: mobilePhone(),
      communityCode: community,
    });
    expect([confirmed.statusCode, pending.statusCode]).toEqual([201, 201]);
    const questionnaires = (
      await t.app.inject({ method: "GET", url: "/api/admin/questionnaires", headers: admin.headers })
    ).json();
    const indicators = (
      await t.app.inject({ method: "GET", url: "/api/admin/indicators", headers: admin.headers })
    ).json();
    context = {
      validParams: {
        waveId: String(waveId),
        baseWaveId: String(waveId),
        townCode: "310117001",
        userId: String(admin.userId),
        id: String(questionnaires[0]?.id ?? 1),
        code: String(indicators?.[0]?.code ?? indicators?.indicators?.[0]?.code ?? "x"),
        verificationId: pending.json().verificationId,
      },
      adminHeaders: admin.headers,
      reservationToken: confirmed.json().reservationToken,
      questionNames: Object.keys(completeDefaultAnswers()),
    };
  });
  afterAll(() => t?.close());

  it("answers every request with a 2xx/3xx or a 4xx error body, never a 5xx", { timeout: 120_000 }, async () => {
    console.info(`fuzz seed ${seed} (${testDriver}); replay with FUZZ_SEED=${seed}`);
    const random = new SeededRandom(seed);
    const document = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    // Requests that end the session or close the wave go last, so that the rest still reach deep code.
    const last = (path: string) => /logout|close/.test(path);
    const operations = operationsOf(document).sort((a, b) => Number(last(a.path)) - Number(last(b.path)));
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.some((operation) => operation.path.startsWith("/api/admin"))).toBe(true);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const operation of operations) {
      for (const request of casesFor(operation, random, context)) {
        const response = await t.app.inject(request);
        sent += 1;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const sentType = (request.headers as Record<string, string> | undefined)?.["content-type"] ?? "none";
        const sentBody = typeof request.payload === "string" ? request.payload.slice(0, 200) : "";
        const where = `${request.label}: ${request.method} ${String(request.url).slice(0, 200)} [${sentType}] ${JSON.stringify(sentBody)} → ${response.statusCode}`;
        if (response.statusCode >= 500) {
          failures.push(`${where} ${response.body.slice(0, 300)}`);
          continue;
        }
        if (response.statusCode >= 400) {
          let body: { error?: unknown; message?: unknown } | undefined;
          try {
            body = response.json();
          } catch {
            body = undefined;
          }
          if (typeof body?.error !== "string" || !body.error || typeof body.message !== "string" || !body.message) {
            failures.push(`${where} without {error, message}: ${response.body.slice(0, 300)}`);
          }
        }
      }
      // A fuzzed logout ends the admin session: sign in again for the operations that follow.
      const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: context.adminHeaders });
      if (me.statusCode !== 200) context.adminHeaders = (await signIn(t.app, "admin")).headers;
    }
    console.info(
      `fuzz: ${sent} requests over ${operations.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures, `seed ${seed}`).toEqual([]);
  });
});
