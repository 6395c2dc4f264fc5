import { auditLog, type Executor, queryRows, users } from "@survey/db";
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";

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
  /** Entries at or after `from` and before `until`. */
  from?: Date;
  until?: Date;
}

/** Newest first; `before` pages by id; each entry with its user's display name. */
export async function listAuditEntries(
  db: Executor,
  filter: AuditFilter,
): Promise<(AuditRow & { displayName: string | null })[]> {
  const conditions: SQL[] = [];
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));
  if (filter.action !== undefined) conditions.push(eq(auditLog.action, filter.action));
  if (filter.username !== undefined) conditions.push(eq(auditLog.username, filter.username));
  if (filter.from !== undefined) conditions.push(gte(auditLog.at, filter.from));
  if (filter.until !== undefined) conditions.push(lt(auditLog.at, filter.until));
  const rows = await db
    .select({ entry: auditLog, displayName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
  return rows.map((row) => ({ ...row.entry, displayName: row.displayName }));
}

/** The names an entry's ids and codes stand for: users, waves, towns and communities, responses' receipts. */
export interface AuditNames {
  users: Map<string, string>;
  waves: Map<string, string>;
  places: Map<string, string>;
}

export async function auditNames(db: Executor): Promise<AuditNames> {
  const rows = await queryRows<{ kind: string; key: string; name: string }>(
    db,
    sql`
      select 'user' as kind, id::text as key, display_name as name from users
      union all select 'wave', id::text, title from waves
      union all select 'place', code, name from towns
      union all select 'place', code, name from communities`,
  );
  const names: AuditNames = { users: new Map(), waves: new Map(), places: new Map() };
  for (const row of rows) {
    const map = row.kind === "user" ? names.users : row.kind === "wave" ? names.waves : names.places;
    map.set(row.key, row.name);
  }
  return names;
}
