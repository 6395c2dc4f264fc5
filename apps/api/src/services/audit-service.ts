import type { AuditEntry, AuditPage } from "@survey/contract";
import type { Database, Executor } from "@survey/db";
import type { FastifyRequest } from "fastify";
import { insertAuditEntry, listAuditEntries } from "../data/audit";

/** Who did it, when the request has no signed-in user (a failed sign-in names the attempted account). */
export interface AuditActor {
  userId: number | null;
  username: string | null;
}

/**
 * Writes one audit-log entry for a change made by this request: the signed-in user (or `actor`), the
 * server clock, and the client address (`request.ip`, which follows X-Forwarded-For when TRUST_PROXY
 * is set). Pass `executor` to write inside the transaction that makes the change.
 *
 * Call it after every change: `await audit(request, "wave.open", \`wave:${id}\`, { code })`.
 */
export async function audit(
  request: FastifyRequest,
  action: string,
  target: string | null,
  details: Record<string, unknown> = {},
  options: { actor?: AuditActor; executor?: Executor } = {},
): Promise<void> {
  const actor = options.actor ?? {
    userId: request.user?.id ?? null,
    username: request.user?.username ?? null,
  };
  await insertAuditEntry(options.executor ?? request.server.database.db, {
    at: request.server.now(),
    userId: actor.userId,
    username: actor.username,
    action,
    target,
    details,
    ip: request.ip,
  });
}

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 500;

export async function auditPage(
  db: Database,
  query: { limit?: number; before?: number; action?: string; user?: string },
): Promise<AuditPage> {
  const limit = Math.min(query.limit ?? AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX);
  const rows = await listAuditEntries(db, {
    limit: limit + 1,
    before: query.before,
    action: query.action,
    username: query.user,
  });
  const page = rows.slice(0, limit);
  const entries: AuditEntry[] = page.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    userId: row.userId,
    username: row.username,
    action: row.action,
    target: row.target,
    details: (row.details ?? {}) as Record<string, unknown>,
    ip: row.ip,
  }));
  const last = page.at(-1);
  return { entries, nextBefore: rows.length > limit && last ? last.id : null };
}
