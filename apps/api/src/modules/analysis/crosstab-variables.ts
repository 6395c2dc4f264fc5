/**
 * The variables a cross-tab can use (STATISTICS.md §3), with Chinese labels, their categories and the SQL
 * expression that gives a respondent's category (alias `r` = responses, `rs` = respondent scores). Only
 * names from this catalogue reach SQL; question names go in as bound parameters.
 */
import type { CrosstabCategory, CrosstabVariable } from "@survey/contract";
import { ageGroupLabel, ageGroups } from "@survey/identity";
import { SATISFACTION_LABELS, type ScoringMap } from "@survey/questionnaire";
import { type SQL, sql } from "drizzle-orm";

export interface VariableDefinition extends CrosstabVariable {
  /** The respondent's category as text, null when missing. */
  expression: SQL;
  /** Needs the respondent-level score (joined as `rs`). */
  usesScore: boolean;
}

/** Respondent-level score bands (mean of valid items when at least half are valid; STATISTICS §1). */
const SCORE_BANDS: readonly (CrosstabCategory & { below: number })[] = [
  { value: "0-40", label: "不满意（低于40分）", below: 40 },
  { value: "40-60", label: "一般（40至60分）", below: 60 },
  { value: "60-80", label: "比较满意（60至80分）", below: 80 },
  { value: "80-100", label: "满意（80分及以上）", below: Number.POSITIVE_INFINITY },
];

function bandExpression(): SQL {
  const cases = SCORE_BANDS.map((band) =>
    Number.isFinite(band.below) ? `when rs.score < ${band.below} then '${band.value}'` : `else '${band.value}'`,
  ).join(" ");
  return sql.raw(`(case when rs.score is null then null ${cases} end)`);
}

const answer = (name: string) => sql`(r.answers ->> ${name})`;

/** Every variable of a wave, built-in ones first, then the questionnaire's coded questions. */
export function crosstabVariables(scoring: ScoringMap, towns: readonly { code: string; name: string }[]) {
  const variables: VariableDefinition[] = [
    {
      name: "satisfaction_band",
      label: "满意度分组（个人平均得分）",
      group: "score",
      categories: SCORE_BANDS.map(({ value, label }) => ({ value, label })),
      expression: bandExpression(),
      usesScore: true,
    },
    {
      name: "town",
      label: "街镇",
      group: "respondent",
      categories: towns.map((town) => ({ value: town.code, label: town.name })),
      expression: sql`r.town_code`,
      usesScore: false,
    },
    {
      name: "sex",
      label: "性别",
      group: "respondent",
      categories: [
        { value: "male", label: "男" },
        { value: "female", label: "女" },
      ],
      expression: sql`r.sex`,
      usesScore: false,
    },
    {
      name: "age_group",
      label: "年龄组",
      group: "respondent",
      categories: ageGroups
        .filter((group) => group !== "under-18")
        .map((value) => ({ value, label: ageGroupLabel(value) })),
      expression: sql`r.age_group`,
      usesScore: false,
    },
    {
      name: "registered",
      label: "户籍",
      group: "respondent",
      categories: [
        { value: "yes", label: "户籍居民" },
        { value: "no", label: "非户籍居民" },
      ],
      expression: sql`(case when r.registered then 'yes' when not r.registered then 'no' end)`,
      usesScore: false,
    },
    {
      name: "mode",
      label: "调查方式",
      group: "respondent",
      categories: [
        { value: "online", label: "网上填写" },
        { value: "interviewer", label: "入户访问" },
        { value: "import", label: "批量导入" },
      ],
      expression: sql`r.mode`,
      usesScore: false,
    },
  ];
  const reserved = new Set(variables.map((variable) => variable.name));
  const coded = (group: "demographic" | "policy", items: ScoringMap["demographicItems"]) =>
    items
      .filter((item) => !reserved.has(item.name))
      .map((item) => ({
        name: item.name,
        label: item.title,
        group,
        categories: item.choices.map((choice) => ({ value: String(choice.value), label: choice.text })),
        expression: answer(item.name),
        usesScore: false,
      }));
  const rated = [...scoring.items, ...(scoring.overall ? [scoring.overall] : [])]
    .filter((item) => !reserved.has(item.name))
    .map((item) => {
      const codes = [
        ...item.scale,
        ...(scoring.byName.has(item.name) ? [item.dontKnowCode, item.notApplicableCode] : []),
      ];
      return {
        name: item.name,
        label: item.title,
        group: "satisfaction" as const,
        categories: codes.map((code) => ({ value: String(code), label: SATISFACTION_LABELS[code] ?? String(code) })),
        expression: answer(item.name),
        usesScore: false,
      };
    });
  variables.push(...coded("demographic", scoring.demographicItems), ...coded("policy", scoring.policyItems), ...rated);
  return variables;
}

/** The public view of a variable (no SQL). */
export const publicVariable = ({ name, label, group, categories }: VariableDefinition): CrosstabVariable => ({
  name,
  label,
  group,
  categories,
});
