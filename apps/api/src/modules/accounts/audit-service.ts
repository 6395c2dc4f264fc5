import type { AuditEntry, AuditPage } from "@survey/contract";
import type { Database, Executor } from "@survey/db";
import { insertAuditEntry, listAuditEntries } from "./data/audit";

/** Who made a change (null for nobody signed in: a failed sign-in). */
export interface AuditActor {
  userId: number | null;
  username: string | null;
}

/** Who made a change, from which client address, and when; the route reads these off its request. */
export interface AuditSource {
  actor: AuditActor;
  ip: string;
  at: Date;
}

/**
 * Writes one audit-log entry for a change: `await recordAudit(db, source, "wave.open", \`wave:${id}\`, { code })`.
 * Call it after every change.
 */
export async function recordAudit(
  db: Executor,
  source: AuditSource,
  action: string,
  target: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await insertAuditEntry(db, {
    at: source.at,
    userId: source.actor.userId,
    username: source.actor.username,
    action,
    target,
    details,
    ip: source.ip,
  });
}

const AUDIT_PAGE_DEFAULT = 100;
const AUDIT_PAGE_MAX = 500;

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
