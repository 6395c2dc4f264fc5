import type {
  IndicatorCatalogue,
  IndicatorDefinition,
  IndicatorUpdate,
  NewIndicator,
  SessionUser,
} from "@survey/contract";
import { INDICATOR_NUMBER_FIELDS } from "@survey/contract";
import type { Database, Executor } from "@survey/db";
import { DOMAINS, type Indicator, indicatorDefinitionProblems, isDomainCode } from "@survey/indices";
import { DuplicateCodeError, InvalidIndicatorError, UnknownIndicatorError } from "../../platform/errors";
import { pgErrorCode } from "../../platform/transaction-retry";
import {
  findIndicator,
  type IndicatorRow,
  insertIndicators,
  listIndicators,
  type NewIndicatorRow,
  replaceIndicator,
} from "./data/indicators";

/** The catalogue as the indices package reads it; a row with a domain outside DOMAINS is a bug, not data. */
export function toIndicator(row: IndicatorRow): Indicator {
  if (!isDomainCode(row.domain)) throw new Error(`indicator ${row.code} has unknown domain ${row.domain}`);
  return { ...row, domain: row.domain };
}

function toDefinition(row: IndicatorRow): IndicatorDefinition {
  return {
    code: row.code,
    name: row.name,
    domain: row.domain,
    unit: row.unit,
    direction: row.direction,
    level: row.level,
    method: row.method,
    lower: row.lower,
    upper: row.upper,
    target: row.target,
    intervalLow: row.intervalLow,
    intervalHigh: row.intervalHigh,
    minValue: row.minValue,
    maxValue: row.maxValue,
    weight: row.weight,
    department: row.department,
    planTarget: row.planTarget,
    townPlanTarget: row.townPlanTarget,
    planEndYear: row.planEndYear,
    demo: row.demo,
  };
}

/** Domains a user may supply values for: a department user limited to domains gets those, everyone else all. */
export function userDomains(user: SessionUser): Set<string> {
  const all = DOMAINS.map((d) => d.code as string);
  if (user.role !== "department" || user.domains.length === 0) return new Set(all);
  return new Set(all.filter((code) => user.domains.includes(code)));
}

export async function catalogue(db: Executor): Promise<IndicatorCatalogue> {
  const rows = await listIndicators(db);
  return {
    domains: DOMAINS.map(({ code, name }) => ({ code, name })),
    indicators: sortByDomain(rows).map(toDefinition),
  };
}

/** Catalogue order: the domains' order in DOMAINS, then code. */
export function sortByDomain<T extends { domain: string; code: string }>(rows: readonly T[]): T[] {
  const order = new Map(DOMAINS.map((d, index) => [d.code as string, index]));
  return [...rows].sort(
    (a, b) => (order.get(a.domain) ?? 99) - (order.get(b.domain) ?? 99) || a.code.localeCompare(b.code),
  );
}

const OPTIONAL_NUMBERS = INDICATOR_NUMBER_FIELDS;

function checked(row: NewIndicatorRow): NewIndicatorRow {
  if (!isDomainCode(row.domain)) {
    throw new InvalidIndicatorError({ details: [`未知的领域“${row.domain}”`] }, `未知的领域“${row.domain}”。`);
  }
  const indicator: Indicator = {
    ...row,
    domain: row.domain,
    method: row.method ?? "threshold",
    weight: row.weight ?? 1,
  };
  const problems = indicatorDefinitionProblems(indicator);
  if (problems.length > 0) throw new InvalidIndicatorError({ details: problems }, `${problems.join("；")}。`);
  return row;
}

export async function createIndicator(db: Database, input: NewIndicator): Promise<IndicatorDefinition> {
  const row: NewIndicatorRow = {
    code: input.code,
    name: input.name.trim(),
    domain: input.domain,
    unit: input.unit.trim(),
    direction: input.direction,
    level: input.level,
    method: input.method ?? "threshold",
    weight: input.weight ?? 1,
    department: input.department.trim(),
    demo: false,
  };
  for (const field of OPTIONAL_NUMBERS) row[field] = input[field] ?? null;
  try {
    const [stored] = await insertIndicators(db, [checked(row)]);
    if (!stored) throw new Error("indicator insert returned nothing");
    return toDefinition(stored);
  } catch (error) {
    // The code is the table's only unique key.
    if (pgErrorCode(error) === "23505") {
      throw new DuplicateCodeError({ code: input.code }, `指标代码“${input.code}”已经存在。`);
    }
    throw error;
  }
}

/**
 * Applies the given fields (null clears a number) and checks the whole definition again. An edited
 * indicator is no longer the unreviewed demo default, so `demo` turns false.
 */
export async function updateIndicator(
  db: Database,
  code: string,
  patch: IndicatorUpdate,
): Promise<IndicatorDefinition> {
  return db.transaction(async (tx) => {
    const current = await findIndicator(tx, code);
    if (!current) throw new UnknownIndicatorError({ code });
    const next: NewIndicatorRow = { ...current, demo: false };
    for (const [key, value] of Object.entries(patch) as [keyof IndicatorUpdate, unknown][]) {
      if (value === undefined) continue;
      (next as Record<string, unknown>)[key] = typeof value === "string" ? value.trim() : value;
    }
    return toDefinition(await replaceIndicator(tx, code, checked(next)));
  });
}
