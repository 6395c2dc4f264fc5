import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adultIdNumber, currentWaveId, firstCommunity, mobilePhone, startVerification } from "./support/resident";
import { createTestApp, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

describe(`http SMS provider against a local gateway (${testDriver})`, () => {
  let gateway: Server;
  let received: { authorization?: string; body: { phone: string; text: string } }[] = [];
  let gatewayStatus = 200;
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    gateway = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        received.push({ authorization: request.headers.authorization, body: JSON.parse(body) });
        response.statusCode = gatewayStatus;
        response.end("{}");
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
    const port = (gateway.address() as AddressInfo).port;
    t = await createTestApp({
      seedDemo: true,
      env: {
        SMS_PROVIDER: "http",
        SMS_HTTP_URL: `http://127.0.0.1:${port}/send`,
        SMS_HTTP_TOKEN: "gateway-secret",
        VERIFY_RATE_LIMIT_PER_MINUTE: "1000",
      },
    });
    waveId = await currentWaveId(t.app);
    communityCode = await firstCommunity(t.app, waveId);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => gateway.close(resolve));
  });

  it("posts {phone, text} with the bearer token; the text carries the 6-digit code", async () => {
    received = [];
    const phone = mobilePhone();
    const response = await startVerification(t.app, waveId, {
      idNumber: adultIdNumber(),
      phone: `+86-${phone}`,
      communityCode,
    });
    expect(response.statusCode).toBe(201);
    expect(received).toHaveLength(1);
    expect(received[0]?.authorization).toBe("Bearer gateway-secret");
    expect(received[0]?.body.phone).toBe(phone);
    expect(received[0]?.body.text).toMatch(/验证码是\d{6}/);
  });

  it("answers 503 sms_unavailable when the gateway fails, leaving nothing behind: the resident can ask again at once", async () => {
    const counts = () =>
      queryRows<{ v: number; w: number }>(
        t.database.handle.db,
        sql`select (select count(*)::int from verifications) as v,
          (select coalesce(sum(cardinality(sent_at)), 0)::int from phone_sms_windows) as w`,
      );
    const before = await counts();
    const resident = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    gatewayStatus = 500;
    const refused = await startVerification(t.app, waveId, resident);
    gatewayStatus = 200;
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toBe("sms_unavailable");
    expect(await counts()).toEqual(before);
    const reserved = await queryRows<{ n: number }>(
      t.database.handle.db,
      sql`select coalesce(sum(reserved), 0)::int as n from wave_towns`,
    );
    expect(reserved[0]?.n).toBe(0);

    // The failed attempt does not count toward the resend interval: asking again right away works.
    received = [];
    const again = await startVerification(t.app, waveId, resident);
    expect(again.statusCode).toBe(201);
    expect(received).toHaveLength(1);
  });

  it("answers 503 when the gateway is down altogether", async () => {
    const down = await createTestApp({
      seedDemo: true,
      env: { SMS_PROVIDER: "http", SMS_HTTP_URL: "http://127.0.0.1:1/send", SMS_HTTP_TOKEN: "x" },
    });
    try {
      const wave = await currentWaveId(down.app);
      const response = await startVerification(down.app, wave, {
        idNumber: adultIdNumber(),
        phone: mobilePhone(),
        communityCode: await firstCommunity(down.app, wave),
      });
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toBe("sms_unavailable");
      expect((await down.app.inject({ method: "GET", url: "/api/dev/sms-outbox?phone=13912345678" })).statusCode).toBe(
        404,
      );
    } finally {
      await down.close();
    }
  });
});
