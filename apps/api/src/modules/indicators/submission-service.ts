import { type DepartmentSubmission, DISTRICT_UNIT, type SubmissionReport } from "@survey/contract";
import type { Database } from "@survey/db";
import { listIndicators, listTownUnits } from "./data/indicators";
import { findDeadline, listValueChanges, listValueStamps, saveDeadline } from "./data/submissions";
import { DISTRICT_NAME } from "./indicator-template-layout";

/** The change history shows this many of the latest changes. */
const MAX_CHANGES = 500;

/** Without a set due date a year's values are due by the end of March of the following year. */
export const defaultDueDate = (year: number) => `${year + 1}-03-31`;

/** The end of the due day in China time (UTC+8), when a submission becomes late. */
const endOfDueDay = (dueDate: string) => new Date(`${dueDate}T23:59:59.999+08:00`);

/**
 * Which departments have supplied the year's values (SPEC §4, issue 22): per source department the values its
 * indicators need (each town for a town-level indicator, and the district figure), how many are in, when the
 * last came, and whether it was late; with the history of values changed after they were first supplied.
 */
export async function submissionReport(db: Database, year: number, now: Date): Promise<SubmissionReport> {
  const [rows, towns, stamps, changes, setDue] = await Promise.all([
    listIndicators(db),
    listTownUnits(db),
    listValueStamps(db, year),
    listValueChanges(db, year, MAX_CHANGES),
    findDeadline(db, year),
  ]);
  const dueDate = setDue ?? defaultDueDate(year);
  const due = endOfDueDay(dueDate);
  const townCodes = new Set(towns.map((town) => town.code));
  const byDepartment = new Map<string, typeof rows>();
  for (const row of rows) byDepartment.set(row.department, [...(byDepartment.get(row.department) ?? []), row]);
  const stampsByIndicator = new Map<string, Date[]>();
  for (const stamp of stamps) {
    if (stamp.townCode !== DISTRICT_UNIT && !townCodes.has(stamp.townCode)) continue;
    stampsByIndicator.set(stamp.indicatorCode, [
      ...(stampsByIndicator.get(stamp.indicatorCode) ?? []),
      stamp.updatedAt,
    ]);
  }
  const departments: DepartmentSubmission[] = [...byDepartment.entries()].map(([department, indicators]) => {
    const expected = indicators.reduce((sum, row) => sum + (row.level === "town" ? towns.length + 1 : 1), 0);
    const times = indicators.flatMap((row) => stampsByIndicator.get(row.code) ?? []);
    const submitted = Math.min(times.length, expected);
    const last = times.length === 0 ? null : new Date(Math.max(...times.map((t) => t.getTime())));
    const status = submitted === 0 ? "missing" : submitted < expected ? "partial" : "complete";
    const late = (last !== null && last > due) || (status !== "complete" && now > due);
    return {
      department,
      indicators: indicators.length,
      expected,
      submitted,
      lastSubmittedAt: last?.toISOString() ?? null,
      status,
      late,
    };
  });
  departments.sort(
    (a, b) =>
      rankOf(a) - rankOf(b) ||
      a.submitted / a.expected - b.submitted / b.expected ||
      a.department.localeCompare(b.department, "zh-CN"),
  );
  const indicatorByCode = new Map(rows.map((row) => [row.code, row]));
  const townNames = new Map(towns.map((town) => [town.code, town.name]));
  return {
    year,
    dueDate,
    departments,
    changes: changes.map((change) => {
      const indicator = indicatorByCode.get(change.indicatorCode);
      return {
        indicatorCode: change.indicatorCode,
        indicatorName: indicator?.name ?? change.indicatorCode,
        department: indicator?.department ?? "",
        townCode: change.townCode,
        townName:
          change.townCode === DISTRICT_UNIT ? DISTRICT_NAME : (townNames.get(change.townCode) ?? change.townCode),
        year: change.year,
        oldValue: change.oldValue,
        newValue: change.newValue,
        changedAt: change.changedAt.toISOString(),
        changedBy: change.changedBy ?? change.username ?? null,
      };
    }),
  };
}

/** Missing first, then partial, then complete: who the office has to chase. */
function rankOf(submission: DepartmentSubmission): number {
  return submission.status === "missing" ? 0 : submission.status === "partial" ? 1 : 2;
}

export async function setSubmissionDeadline(db: Database, year: number, dueDate: string): Promise<void> {
  await saveDeadline(db, year, dueDate);
}
