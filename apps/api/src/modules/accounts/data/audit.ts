import { auditLog, type Executor } from "@survey/db";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: Executor, entry: NewAuditRow): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export interface AuditFilter {
  limit: number;
  before?: number;
  action?: string;
  username?: string;
}

/** Newest first; `before` pages by id. */
export async function listAuditEntries(db: Executor, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));
  if (filter.action !== undefined) conditions.push(eq(auditLog.action, filter.action));
  if (filter.username !== undefined) conditions.push(eq(auditLog.username, filter.username));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
