import { makeIdNumber } from "@survey/identity";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { completeDefaultAnswers } from "../../packages/questionnaire/src/default-questionnaire.fixture";

let sequence = 0;

/** A valid, adult (born 1960–1999) Shanghai ID number, different on every call within a test file. */
export function adultIdNumber(options: { birth?: string; region?: string; seq?: number } = {}): string {
  const seq = options.seq ?? ++sequence;
  const birth = options.birth ?? `19${60 + (seq % 40)}0${1 + (seq % 9)}1${seq % 10}`;
  const order = String(seq % 1000).padStart(3, "0");
  return makeIdNumber(`${options.region ?? "310104"}${birth}${order}`);
}

let phoneSequence = 0;
/** A valid mainland mobile number, different on every call. */
export function mobilePhone(seq?: number): string {
  const n = seq ?? ++phoneSequence + Math.floor(Math.random() * 1000) * 10000;
  return `139${String(n % 100_000_000).padStart(8, "0")}`;
}

export async function currentWaveId(app: FastifyInstance): Promise<number> {
  const response = await app.inject({ method: "GET", url: "/api/waves/current" });
  expect(response.statusCode).toBe(200);
  return response.json().id;
}

export async function firstCommunity(app: FastifyInstance, waveId: number, townCode = "310117001"): Promise<string> {
  const response = await app.inject({ method: "GET", url: `/api/waves/${waveId}/towns/${townCode}/communities` });
  return response.json()[0].code;
}

export async function startVerification(
  app: FastifyInstance,
  waveId: number,
  person: { idNumber: string; phone: string; communityCode: string },
  headers: Record<string, string> = {},
) {
  return app.inject({ method: "POST", url: `/api/waves/${waveId}/verifications`, payload: person, headers });
}

export async function latestCode(app: FastifyInstance, phone: string): Promise<string> {
  const response = await app.inject({ method: "GET", url: `/api/dev/sms-outbox?phone=${encodeURIComponent(phone)}` });
  expect(response.statusCode).toBe(200);
  const messages = response.json() as { code: string }[];
  const code = messages[0]?.code;
  if (!code) throw new Error("no SMS in the dev outbox");
  return code;
}

export async function confirm(
  app: FastifyInstance,
  verificationId: string,
  code: string,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: "POST",
    url: `/api/verifications/${verificationId}/confirm`,
    payload: { code },
    headers,
  });
}

/** Start + read the code + confirm; returns the confirm response. */
export async function verifyResident(
  app: FastifyInstance,
  waveId: number,
  person: { idNumber: string; phone: string; communityCode: string },
) {
  const started = await startVerification(app, waveId, person);
  if (started.statusCode !== 201) return started;
  const code = await latestCode(app, person.phone);
  return confirm(app, started.json().verificationId, code);
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** `POST /api/responses` with the reservation's token: a complete default questionnaire unless `answers` say otherwise. */
export async function submitResponse(app: FastifyInstance, token: string, answers?: Record<string, unknown>) {
  return app.inject({
    method: "POST",
    url: "/api/responses",
    headers: bearer(token),
    payload: { answers: answers ?? completeDefaultAnswers() },
  });
}

/** A paper questionnaire entered as data-entry staff do (a complete one), with `comment` in its comment box. */
export async function enterPaperComment(
  app: FastifyInstance,
  headers: Record<string, string>,
  waveId: number,
  townCode: string,
  comment: string,
): Promise<void> {
  const response = await app.inject({
    method: "POST",
    url: `/api/admin/waves/${waveId}/interviews`,
    headers,
    payload: {
      communityCode: await firstCommunity(app, waveId, townCode),
      answers: { ...completeDefaultAnswers(), comment },
    },
  });
  expect(response.statusCode, response.body).toBe(201);
}
