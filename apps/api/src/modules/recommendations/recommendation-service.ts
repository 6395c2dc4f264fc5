import type {
  NewRecommendation,
  Recommendation,
  RecommendationBasis,
  RecommendationResponse,
  SessionUser,
} from "@survey/contract";
import type { Database } from "@survey/db";
import { canAccessTown } from "../../platform/auth/scopes";
import { ForbiddenError, InvalidRecommendationError, UnknownRecommendationError } from "../../platform/errors";
import {
  basisFigures,
  basisLabel,
  basisProblem,
  type IndicatorFacts,
  indicatorFacts,
  ownDepartments,
  unitName,
} from "../indicators";
import {
  findRecommendation,
  insertRecommendation,
  listRecommendations,
  type RecommendationRow,
  saveResponse,
} from "./data/recommendations";
import { SatisfactionSource } from "./satisfaction-figure";

/** The office's calendar: a due date is passed once the day has ended in China time (UTC+8). */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** May this user answer this recommendation: the addressed department's clerk or the addressed town's staff. */
function isAddressee(row: RecommendationRow, user: SessionUser, departments: Set<string>): boolean {
  if (row.addresseeDepartment !== null) return user.role === "department" && departments.has(row.addresseeDepartment);
  if (row.addresseeTown !== null) return user.role === "staff" && canAccessTown(user, row.addresseeTown);
  return false;
}

/** The office sees every recommendation; a department or a town's staff those addressed to them. */
function maySee(row: RecommendationRow, user: SessionUser, departments: Set<string>): boolean {
  return user.role === "admin" || user.role === "office" || isAddressee(row, user, departments);
}

async function present(
  db: Database,
  satisfaction: SatisfactionSource,
  facts: IndicatorFacts,
  row: RecommendationRow,
  user: SessionUser,
  departments: Set<string>,
  today: string,
): Promise<Recommendation> {
  const basis = row.basis as RecommendationBasis;
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    basis,
    basisLabel: basisLabel(facts, basis),
    addressee:
      row.addresseeDepartment !== null
        ? { department: row.addresseeDepartment }
        : { townCode: row.addresseeTown as string },
    addresseeName: row.addresseeDepartment ?? unitName(facts, row.addresseeTown),
    dueDate: row.dueDate,
    status: row.status,
    measures: row.measures,
    overdue: row.status !== "done" && today > row.dueDate,
    createdAt: row.createdAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    nextYear: basis.year + 1,
    figures: [
      ...(await basisFigures(db, facts, basis)),
      ...(basis.kind === "weakness" ? [await satisfaction.figure(basis)] : []),
    ],
    canRespond: isAddressee(row, user, departments),
  };
}

/** The recommendations the user may see, earliest due first, with next year's figures of their basis. */
export async function recommendationList(db: Database, user: SessionUser, now: Date): Promise<Recommendation[]> {
  const facts = await indicatorFacts(db);
  const departments = ownDepartments(facts, user);
  const rows = (await listRecommendations(db)).filter((row) => maySee(row, user, departments));
  const today = chinaDate(now);
  const satisfaction = new SatisfactionSource(db);
  return Promise.all(rows.map((row) => present(db, satisfaction, facts, row, user, departments, today)));
}

/** The office drafts a recommendation on a basis that exists, to a department of the catalogue or a town. */
export async function createRecommendation(
  db: Database,
  user: SessionUser,
  input: NewRecommendation,
  now: Date,
): Promise<Recommendation> {
  const facts = await indicatorFacts(db);
  const problems: string[] = [];
  const basis = basisProblem(facts, input.basis);
  if (basis) problems.push(basis);
  if ("department" in input.addressee && !facts.departments.has(input.addressee.department.trim())) {
    problems.push(`指标目录中没有“${input.addressee.department}”这个部门。`);
  }
  if ("townCode" in input.addressee && !facts.towns.has(input.addressee.townCode)) {
    problems.push(`未知的街镇代码“${input.addressee.townCode}”。`);
  }
  if (Number.isNaN(Date.parse(input.dueDate))) problems.push(`截止日期“${input.dueDate}”无效。`);
  if (problems.length > 0) throw new InvalidRecommendationError({ details: problems }, problems.join(""));
  const row = await insertRecommendation(db, {
    title: input.title.trim(),
    body: input.body.trim(),
    basis: input.basis,
    addresseeDepartment: "department" in input.addressee ? input.addressee.department.trim() : null,
    addresseeTown: "townCode" in input.addressee ? input.addressee.townCode : null,
    dueDate: input.dueDate,
    createdAt: now,
    createdBy: user.id,
  });
  return present(db, new SatisfactionSource(db), facts, row, user, ownDepartments(facts, user), chinaDate(now));
}

/** The addressee answers: measures taken and the status. Anyone else is refused (403), an unknown id is 404. */
export async function respondToRecommendation(
  db: Database,
  user: SessionUser,
  id: number,
  response: RecommendationResponse,
  now: Date,
): Promise<{ recommendation: Recommendation; before: Pick<RecommendationRow, "status" | "measures"> }> {
  const facts = await indicatorFacts(db);
  const departments = ownDepartments(facts, user);
  const current = await findRecommendation(db, id);
  if (!current || !maySee(current, user, departments)) throw new UnknownRecommendationError({ id });
  if (!isAddressee(current, user, departments)) {
    throw new ForbiddenError({ id }, "只有收到这条整改建议的部门或街镇可以反馈整改情况。");
  }
  const row = await saveResponse(db, id, {
    status: response.status,
    measures: response.measures.trim(),
    respondedAt: now,
    respondedBy: user.id,
  });
  return {
    recommendation: await present(db, new SatisfactionSource(db), facts, row, user, departments, chinaDate(now)),
    before: { status: current.status, measures: current.measures },
  };
}
