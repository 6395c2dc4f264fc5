import { Pool } from "undici";
import { LatencyRecorder } from "./latency";
import { type BenchResident, seededRandom } from "./residents";

/**
 * One request through undici's dispatcher, the answer collected as raw chunks and parsed once: the load
 * generator shares the machine with the API and PostgreSQL, so it skips the response-stream machinery of
 * `pool.request`. A `token` answer (confirm's, ~23 KB with the questionnaire) is not parsed at all when it
 * succeeded: only its reservation token is read, from the start of the body, as a phone app would read
 * the questionnaire once and not per resident.
 */
function exchange(
  pool: Pool,
  request: { method: "GET" | "POST"; path: string; body?: string; headers: Record<string, string> },
  read: "json" | "token" = "json",
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status = 0;
    pool.dispatch(request, {
      onRequestStart() {},
      onResponseStart(_controller, statusCode) {
        status = statusCode;
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        if (read === "token" && status === 201) {
          const token = TOKEN.exec(chunks[0]?.toString("latin1", 0, 512) ?? "")?.[1];
          if (token) return resolve({ status, body: { reservationToken: token } });
        }
        const text = Buffer.concat(chunks).toString("utf8");
        try {
          resolve({ status, body: text ? (JSON.parse(text) as AnswerBody) : undefined });
        } catch (error) {
          reject(error);
        }
      },
      onResponseError(_controller, error) {
        reject(error);
      },
    });
  });
}

const TOKEN = /"reservationToken":"([^"]+)"/;

export const STEPS = ["start", "outbox", "confirm", "submit"] as const;
export type Step = (typeof STEPS)[number];

export interface LoadResult {
  residents: number;
  requests: number;
  elapsedMs: number;
  /** How each resident's path ended: "submitted" or the error code of the step that stopped it. */
  outcomes: Map<string, number>;
  latency: LatencyRecorder;
}

/** The fields of the API's answers this driver reads (an error body, a step's result, or the outbox list). */
type AnswerBody = { error?: string; verificationId?: string; reservationToken?: string } & {
  [index: number]: { code?: string } | undefined;
};

interface Answer {
  status: number;
  body: AnswerBody | undefined;
}

/**
 * Drives the resident path — start verification, read the code from the dev outbox, confirm, submit —
 * for `residents.length` residents with `concurrency` of them in flight at any time, over a pool of
 * keep-alive connections (one per concurrent resident, as phones would have).
 */
export async function driveResidents(options: {
  /** One or more API processes; resident i is served by process i mod n, as a load balancer would spread them. */
  baseUrls: readonly string[];
  waveId: number;
  residents: readonly BenchResident[];
  concurrency: number;
  /** The answers resident i submits (they differ between residents, as real ones do). */
  answers: (i: number) => Record<string, unknown>;
  /** Add this run's latencies to an existing recorder (several rounds of one measurement). */
  latency?: LatencyRecorder;
  /**
   * Open loop: resident i arrives at i / arrivalsPerSecond seconds whatever the others are doing (as a
   * crowd does), instead of `concurrency` residents each starting the next one when done (closed loop);
   * `concurrency` then only bounds the connections.
   */
  arrivalsPerSecond?: number;
  /**
   * Each resident pauses this long between steps (reading the SMS, typing the code, filling in the
   * questionnaire): `concurrency` residents in flight as people are, not each firing its next request
   * the moment the last one answered. Step latencies exclude the pauses.
   */
  thinkMs?: number;
}): Promise<LoadResult> {
  const perProcess = Math.ceil(options.concurrency / options.baseUrls.length);
  const pools = options.baseUrls.map((url) => new Pool(url, { connections: perProcess, pipelining: 1 }));
  const latency = options.latency ?? new LatencyRecorder();
  const outcomes = new Map<string, number>();
  let requests = 0;

  const send = async (
    pool: Pool,
    step: Step,
    method: "GET" | "POST",
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const started = performance.now();
    const answer = await exchange(
      pool,
      {
        method,
        path,
        body,
        headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      },
      step === "confirm" ? "token" : "json",
    );
    latency.record(step, performance.now() - started);
    requests += 1;
    return answer;
  };

  // People neither start together nor pause alike: each pause is drawn between ½ and 1½ times thinkMs.
  const jitter = seededRandom(20261122);
  const pause = (scale: number) =>
    options.thinkMs ? new Promise((resolve) => setTimeout(resolve, scale * (options.thinkMs ?? 0))) : undefined;
  const think = () => pause(0.5 + jitter());

  const one = async (resident: BenchResident, pool: Pool, index: number): Promise<string> => {
    const started = await send(
      pool,
      "start",
      "POST",
      `/api/waves/${options.waveId}/verifications`,
      JSON.stringify(resident),
    );
    if (started.status !== 201) return started.body?.error ?? `http_${started.status}`;
    await think();
    const outbox = await send(pool, "outbox", "GET", `/api/dev/sms-outbox?phone=${resident.phone}`);
    const code = outbox.body?.[0]?.code;
    if (outbox.status !== 200 || !code) return outbox.body?.error ?? "no_sms";
    await think();
    const confirmed = await send(
      pool,
      "confirm",
      "POST",
      `/api/verifications/${started.body?.verificationId}/confirm`,
      JSON.stringify({ code }),
    );
    if (confirmed.status !== 201) return confirmed.body?.error ?? `http_${confirmed.status}`;
    await think();
    const submitted = await send(
      pool,
      "submit",
      "POST",
      "/api/responses",
      JSON.stringify({ answers: options.answers(index) }),
      {
        authorization: `Bearer ${confirmed.body?.reservationToken}`,
      },
    );
    if (submitted.status !== 201) return submitted.body?.error ?? `http_${submitted.status}`;
    return "submitted";
  };

  const runOne = async (index: number) => {
    const resident = options.residents[index];
    const pool = pools[index % pools.length];
    if (!resident || !pool) return;
    const residentStarted = performance.now();
    let outcome: string;
    try {
      outcome = await one(resident, pool, index);
    } catch (error) {
      outcome = `client_error:${(error as Error).message}`;
    }
    latency.record("resident", performance.now() - residentStarted);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  };

  const began = performance.now();
  const rate = options.arrivalsPerSecond;
  if (rate) {
    await Promise.all(
      options.residents.map(async (_, index) => {
        const wait = began + (index * 1000) / rate - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await runOne(index);
      }),
    );
  } else {
    let next = 0;
    const worker = async () => {
      // With pauses, the residents in flight also arrive spread over one pause rather than all at once.
      await pause(jitter());
      while (next < options.residents.length) await runOne(next++);
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  }
  const elapsedMs = performance.now() - began;
  await Promise.all(pools.map((pool) => pool.close()));
  // Timings of refusals alone (a limit, a full quota, a broken step) say nothing about the resident path.
  if (options.residents.length > 0 && !outcomes.has("submitted")) {
    throw new Error(`no resident got through: ${[...outcomes].map(([name, n]) => `${name} ${n}`).join(", ")}`);
  }
  return { residents: options.residents.length, requests, elapsedMs, outcomes, latency };
}
