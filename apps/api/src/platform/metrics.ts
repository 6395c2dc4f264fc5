import { timingSafeEqual } from "node:crypto";
import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { AppError, ForbiddenError, UnauthenticatedError } from "./errors";

/** What `/metrics` reports besides Node's own process figures; names are Prometheus conventions (`survey_…`). */
export interface Metrics {
  registry: Registry;
  smsSent: Counter<"provider">;
  smsRefused: Counter<"provider" | "error">;
}

declare module "fastify" {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** Successful answers of these routes are the resident's milestones: a quota slot held, a response counted. */
const MILESTONES: Record<string, { status: number; counter: "claims" | "submissions"; channel?: string }> = {
  "POST /api/verifications/:verificationId/confirm": { status: 201, counter: "claims" },
  "POST /api/responses": { status: 201, counter: "submissions", channel: "online" },
  "POST /api/admin/waves/:waveId/interviews": { status: 201, counter: "submissions", channel: "paper" },
};

function tokensEqual(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics of this process (several processes are several scrape targets, summed by Prometheus):
 * requests and latency per route, SMS sent and refused, quota claims and quota-full refusals, submissions,
 * every refusal by its error code; at scrape time, the held reservations and completed responses of open
 * waves (from the database, the same for every process) and this process's database pool.
 */
export default fp(
  async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const requests = new Counter({
      name: "survey_http_requests_total",
      help: "HTTP requests answered, by route pattern and status",
      labelNames: ["method", "route", "status"] as const,
      registers: [registry],
    });
    const latency = new Histogram({
      name: "survey_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route pattern",
      labelNames: ["method", "route"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const smsSent = new Counter({
      name: "survey_sms_sent_total",
      help: "Verification codes handed to the SMS provider",
      labelNames: ["provider"] as const,
      registers: [registry],
    });
    const smsRefused = new Counter({
      name: "survey_sms_refused_total",
      help: "Codes the SMS provider refused or could not take, by the error the resident got",
      labelNames: ["provider", "error"] as const,
      registers: [registry],
    });
    const claims = new Counter({
      name: "survey_quota_claims_total",
      help: "Quota slots held by confirmed residents",
      registers: [registry],
    });
    const quotaFull = new Counter({
      name: "survey_quota_full_refusals_total",
      help: "Residents refused because their community's or town's quota was full",
      labelNames: ["scope"] as const,
      registers: [registry],
    });
    const submissions = new Counter({
      name: "survey_submissions_total",
      help: "Responses counted, by channel (online, paper entry)",
      labelNames: ["channel"] as const,
      registers: [registry],
    });
    const refusals = new Counter({
      name: "survey_refusals_total",
      help: "Requests refused, by the stable error code of the answer",
      labelNames: ["error"] as const,
      registers: [registry],
    });
    new Gauge({
      name: "survey_reservations_held",
      help: "Quota slots held now (reserved, not yet submitted) in open waves",
      registers: [registry],
      async collect() {
        this.set((await openWaveCounts()).reserved);
      },
    });
    new Gauge({
      name: "survey_responses_completed",
      help: "Completed responses counted against the quotas of open waves",
      registers: [registry],
      async collect() {
        this.set((await openWaveCounts()).completed);
      },
    });
    new Gauge({
      name: "survey_db_pool_connections",
      help: "This process's database connections: size (the limit), open, idle, and requests waiting for one",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const use = app.database.poolUse();
        this.set({ state: "size" }, use.size);
        this.set({ state: "open" }, use.total);
        this.set({ state: "idle" }, use.idle);
        this.set({ state: "waiting" }, use.waiting);
      },
    });

    // One query per scrape serves both gauges.
    let counts: Promise<{ reserved: number; completed: number }> | undefined;
    const openWaveCounts = () => {
      counts ??= queryRows<{ reserved: number; completed: number }>(
        app.database.db,
        sql`select coalesce(sum(t.reserved), 0)::int as reserved, coalesce(sum(t.completed), 0)::int as completed
            from wave_towns t join waves w on w.id = t.wave_id where w.status = 'open'`,
      )
        .then((rows) => rows[0] ?? { reserved: 0, completed: 0 })
        .finally(() => setTimeout(() => (counts = undefined), 0));
      return counts;
    };

    app.decorate("metrics", { registry, smsSent, smsRefused });

    app.addHook("onError", async (_request, _reply, error) => {
      if (!(error instanceof AppError)) return;
      refusals.inc({ error: error.code });
      if (error.code === "quota_full") quotaFull.inc({ scope: String(error.details.scope ?? "unknown") });
    });

    app.addHook("onResponse", async (request: FastifyRequest, reply: FastifyReply) => {
      const route = request.routeOptions.url ?? "unmatched";
      requests.inc({ method: request.method, route, status: reply.statusCode });
      latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      const milestone = MILESTONES[`${request.method} ${route}`];
      if (milestone && reply.statusCode === milestone.status) {
        if (milestone.counter === "claims") claims.inc();
        else submissions.inc({ channel: milestone.channel ?? "online" });
      }
    });

    app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
      const token = app.config.metricsToken;
      const authorization = request.headers.authorization;
      const bearer = authorization?.startsWith("Bearer ") ? authorization.slice(7) : undefined;
      if (!(token && bearer !== undefined && tokensEqual(bearer, token))) {
        if (bearer !== undefined) throw new UnauthenticatedError();
        const user = await app.authenticate(request);
        if (!user) throw new UnauthenticatedError();
        if (user.role !== "admin") throw new ForbiddenError({ roles: ["admin"] });
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: "metrics", dependencies: ["database", "auth", "error-handler"] },
);
