import type { AuditEntry, AuditPage, AuditQuery } from "@survey/contract";
import { auditActionLabel } from "@survey/contract";
import type { Database, Executor } from "@survey/db";
import { newWorkbook } from "../../platform/workbook";
import { describeAuditEntry } from "./audit-description";
import { auditNames, insertAuditEntry, listAuditEntries } from "./data/audit";

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
/** An export holds at most this many entries (the newest); the filters narrow it down. */
const AUDIT_EXPORT_MAX = 50_000;
const DAY_MS = 24 * 3600 * 1000;

/** `AuditQuery`: days are YYYY-MM-DD in Asia/Shanghai (where the office is). */
type AuditQueryValues = AuditQuery;

/** Midnight of a Shanghai calendar day (UTC+8, no daylight saving). */
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

async function readableEntries(db: Database, query: AuditQueryValues, limit: number) {
  const rows = await listAuditEntries(db, {
    limit,
    before: query.before,
    action: query.action,
    username: query.user,
    from: query.from ? shanghaiMidnight(query.from) : undefined,
    until: query.to ? new Date(shanghaiMidnight(query.to).getTime() + DAY_MS) : undefined,
  });
  const names = await auditNames(db);
  return rows.map(
    (row): AuditEntry => ({
      id: row.id,
      at: row.at.toISOString(),
      userId: row.userId,
      username: row.username,
      action: row.action,
      target: row.target,
      details: (row.details ?? {}) as Record<string, unknown>,
      ip: row.ip,
      displayName: row.displayName,
      actionLabel: auditActionLabel(row.action),
      description: describeAuditEntry({ ...row, details: (row.details ?? {}) as Record<string, unknown> }, names),
    }),
  );
}

export async function auditPage(db: Database, query: AuditQueryValues): Promise<AuditPage> {
  const limit = Math.min(query.limit ?? AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX);
  const rows = await readableEntries(db, query, limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextBefore: rows.length > limit && last ? last.id : null };
}

/** The entries the filters select (newest first) as an Excel sheet a person reads: names and sentences. */
export async function auditWorkbook(db: Database, query: AuditQueryValues): Promise<Buffer> {
  const entries = await readableEntries(db, { ...query, before: undefined }, AUDIT_EXPORT_MAX);
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet("操作日志", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "时间", key: "at", width: 20 },
    { header: "用户", key: "user", width: 22 },
    { header: "操作", key: "action", width: 18 },
    { header: "说明", key: "description", width: 80 },
    { header: "来源地址", key: "ip", width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) {
    sheet.addRow({
      at: new Date(entry.at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }),
      user: entry.displayName ? `${entry.displayName}（${entry.username}）` : (entry.username ?? "系统"),
      action: entry.actionLabel,
      description: entry.description,
      ip: entry.ip ?? "",
    });
  }
  sheet.getColumn("description").alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
