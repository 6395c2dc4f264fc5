import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import {
  adultIdNumber,
  bearer,
  confirm,
  latestCode,
  mobilePhone,
  startVerification,
  verifyResident,
} from "./support/resident";
import { openDemoWave, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * The attack: one phone starts verifications for candidate ID numbers and watches the answers. Before the code
 * is confirmed nothing may tell a person who took part (or holds a reservation) from one who never did.
 */
describe(`participation probe through start (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    ({ t, waveId, communityCode } = await openDemoWave({
      now: clock.now,
      env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000" },
    }));
  });
  afterAll(() => t.close());

  const outboxSize = async (phone: string) =>
    (await t.app.inject({ method: "GET", url: `/api/dev/sms-outbox?phone=${phone}` })).json().length as number;

  it("answers alike for a respondent, a person in progress and a stranger; only confirm's right code tells", async () => {
    const respondent = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    const submitted = await verifyResident(t.app, waveId, respondent);
    const answers = { answers: completeDefaultAnswers() };
    const token = submitted.json().reservationToken;
    const sent = await t.app.inject({
      method: "POST",
      url: "/api/responses",
      headers: bearer(token),
      payload: answers,
    });
    expect(sent.statusCode).toBe(201);
    const inProgress = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    expect((await verifyResident(t.app, waveId, inProgress)).statusCode).toBe(201);
    const stranger = adultIdNumber();

    const probePhone = mobilePhone();
    const probes: Record<
      string,
      { status: number; keys: string[]; smsSent: boolean; verificationId: string; code: string }
    > = {};
    for (const [name, idNumber] of [
      ["respondent", respondent.idNumber],
      ["stranger", stranger],
      ["inProgress", inProgress.idNumber],
    ] as const) {
      clock.advance(61_000);
      const before = await outboxSize(probePhone);
      const response = await startVerification(t.app, waveId, { idNumber, phone: probePhone, communityCode });
      probes[name] = {
        status: response.statusCode,
        keys: Object.keys(response.json()).sort(),
        smsSent: (await outboxSize(probePhone)) === before + 1,
        verificationId: response.json().verificationId,
        code: await latestCode(t.app, probePhone),
      };
    }
    const expected = { status: 201, keys: ["expiresAt", "phoneMasked", "verificationId"], smsSent: true };
    for (const probe of Object.values(probes)) expect(probe).toMatchObject(expected);

    // A wrong code tells nothing either: the same wrong_code for the respondent as for the stranger.
    const wrong = (code: string) => (code === "000000" ? "111111" : "000000");
    const wrongRespondent = await confirm(
      t.app,
      probes.respondent?.verificationId ?? "",
      wrong(probes.respondent?.code ?? ""),
    );
    const wrongStranger = await confirm(
      t.app,
      probes.stranger?.verificationId ?? "",
      wrong(probes.stranger?.code ?? ""),
    );
    expect(wrongRespondent.json()).toEqual(wrongStranger.json());
    expect(wrongRespondent.json().error).toBe("wrong_code");

    // Only the right code tells: already_responded for the one who took part, and for no one else.
    const confirmed = async (name: string) =>
      (await confirm(t.app, probes[name]?.verificationId ?? "", probes[name]?.code ?? "")).json();
    expect(await confirmed("respondent")).toMatchObject({ error: "already_responded" });
    expect(await confirmed("stranger")).toMatchObject({ reservationToken: expect.any(String) });
    expect(await confirmed("inProgress")).toMatchObject({ error: "in_progress" });

    // The respondent's own phone is sent a code too, and told at confirm.
    clock.advance(61_000);
    const ownPhone = await startVerification(t.app, waveId, respondent);
    expect(ownPhone.statusCode).toBe(201);
    const ownConfirm = await confirm(t.app, ownPhone.json().verificationId, await latestCode(t.app, respondent.phone));
    expect(ownConfirm.statusCode).toBe(409);
    expect(ownConfirm.json()).toMatchObject({ error: "already_responded", message: expect.stringMatching(/\S/) });
  });

  it("applies the phone's send limits before anything about the person: a probe costs the attacker a send", async () => {
    const respondent = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    const submitted = await verifyResident(t.app, waveId, respondent);
    const token = submitted.json().reservationToken;
    const answers = { answers: completeDefaultAnswers() };
    await t.app.inject({ method: "POST", url: "/api/responses", headers: bearer(token), payload: answers });
    const probePhone = mobilePhone();
    clock.advance(61_000);
    expect((await startVerification(t.app, waveId, { ...respondent, phone: probePhone })).statusCode).toBe(201);
    const second = await startVerification(t.app, waveId, { ...respondent, phone: probePhone });
    const third = await startVerification(t.app, waveId, {
      communityCode,
      idNumber: adultIdNumber(),
      phone: probePhone,
    });
    expect(second.json()).toEqual(third.json());
    expect(second.json().error).toBe("resend_too_soon");
  });
});
