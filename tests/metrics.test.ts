import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adultIdNumber,
  bearer,
  mobilePhone,
  startVerification,
  submitResponse,
  verifyResident,
} from "./support/resident";
import { openDemoWave, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

const METRICS_TOKEN = "metrics-token-0123456789abcdef";

/** `name{labels} value` of one sample in Prometheus' text format; 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? "").split(",");
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return 0;
}

describe(`Prometheus /metrics (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    ({ t, waveId, communityCode } = await openDemoWave({
      env: { METRICS_TOKEN, VERIFY_RATE_LIMIT_PER_MINUTE: "1000" },
    }));
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const response = await t.app.inject({ method: "GET", url: "/metrics", headers: bearer(METRICS_TOKEN) });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    return response.body;
  };

  it("counts a resident's way through: code sent, slot claimed, response submitted, a full quota refused", async () => {
    const before = await scrape();
    const resident = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    const confirmed = await verifyResident(t.app, waveId, resident);
    expect(confirmed.statusCode).toBe(201);
    const held = await scrape();
    expect(sample(held, "survey_reservations_held") - sample(before, "survey_reservations_held")).toBe(1);

    const submitted = await submitResponse(t.app, confirmed.json().reservationToken);
    expect(submitted.statusCode).toBe(201);

    // A community whose cap is already reached: start refuses with quota_full (scope community).
    const [full] = await queryRows<{ community_code: string }>(
      t.database.handle.db,
      sql`
        update wave_communities set cap = completed + reserved
        where wave_id = ${waveId} and community_code = (
          select community_code from wave_communities where wave_id = ${waveId} and community_code <> ${communityCode}
          order by community_code limit 1)
        returning community_code`,
    );
    const refused = await startVerification(t.app, waveId, {
      idNumber: adultIdNumber(),
      phone: mobilePhone(),
      communityCode: full?.community_code ?? "",
    });
    expect(refused.json().error).toBe("quota_full");

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(moved("survey_sms_sent_total", { provider: "dev-outbox" })).toBe(1);
    expect(moved("survey_quota_claims_total")).toBe(1);
    expect(moved("survey_submissions_total", { channel: "online" })).toBe(1);
    expect(moved("survey_quota_full_refusals_total", { scope: "community" })).toBe(1);
    expect(moved("survey_refusals_total", { error: "quota_full" })).toBe(1);
    expect(moved("survey_responses_completed")).toBe(1);
    expect(sample(after, "survey_reservations_held")).toBe(sample(before, "survey_reservations_held"));
    // Per route pattern (never the ids in the URL), with latency.
    expect(moved("survey_http_requests_total", { method: "POST", route: "/api/responses", status: "201" })).toBe(1);
    expect(
      moved("survey_http_requests_total", {
        method: "POST",
        route: "/api/waves/:waveId/verifications",
        status: "409",
      }),
    ).toBe(1);
    expect(moved("survey_http_request_duration_seconds_count", { method: "POST", route: "/api/responses" })).toBe(1);
    expect(after).not.toMatch(/verifications\/[0-9a-f]{8}-/);
    // Database pool use and Node's own process figures.
    expect(sample(after, "survey_db_pool_connections", { state: "size" })).toBeGreaterThanOrEqual(1);
    expect(after).toContain("process_cpu_seconds_total");
  });

  it("answers only the configured token or a signed-in administrator: 401 without, 403 for other roles", async () => {
    expect((await t.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    const wrong = await t.app.inject({ method: "GET", url: "/metrics", headers: bearer(`${METRICS_TOKEN}x`) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain("survey_");
    const staff = await signIn(t.app, "staff");
    const forbidden = await t.app.inject({ method: "GET", url: "/metrics", headers: { cookie: staff.cookie } });
    expect(forbidden.statusCode).toBe(403);
    const admin = await signIn(t.app, "admin");
    const allowed = await t.app.inject({ method: "GET", url: "/metrics", headers: { cookie: admin.cookie } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain("survey_http_requests_total");
  });
});
