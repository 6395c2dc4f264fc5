/**
 * Everything the annual report shows, gathered from the same services as the console's endpoints (results,
 * comparison with last year's wave, subjective–objective comparison, priorities, cross-tabs for policy
 * awareness), so that every figure in the documents equals theirs. Plain JSON: it is handed to the worker
 * thread that writes the documents.
 */
import type {
  ComparisonReport,
  CrosstabResult,
  IndicatorWarning,
  WaveComparison,
  WavePriorities,
  WaveRef,
  WaveResults,
} from "@survey/contract";
import { type Database, waves } from "@survey/db";
import { and, desc, lt, ne } from "drizzle-orm";
import { AppError, ComparisonUnavailableError, InvalidRequestError, NoResultsError } from "../../platform/errors";
import { compareWaves, comparison, computeWaveResults, crosstab, wavePriorities } from "../analysis";
import { commentsForReport, type ReportComments } from "../comments";
import { townWarnings } from "../indicators";
import { questionnaireOfWave } from "../questionnaires";
import { requireWave } from "../waves";
import { type TownFieldwork, townFieldwork } from "./data/report-sql";
import { type QuestionnaireOutline, questionnaireOutline } from "./questionnaire-outline";

export interface PolicyAwareness {
  question: string;
  /** The policy's name. */
  title: string;
  /** The answer counted as aware (the policy question's first choice, 知道). */
  awareLabel: string;
  /** Weighted percent aware, district and per town code (the cross-tab's figures). */
  district: number;
  towns: Record<string, number>;
  n: number;
}

export interface ReportData {
  generatedAt: string;
  wave: WaveRef & { townTarget: number; communityCap: number; questionnaireTitle: string };
  results: WaveResults;
  /** Change since the previous year's wave (the latest earlier wave with results), or why there is none. */
  previous: { comparison: WaveComparison } | { unavailable: string };
  /** Subjective against objective (overall satisfaction against the composite index), or why there is none. */
  objective: { report: ComparisonReport } | { unavailable: string };
  priorities: WavePriorities;
  policies: PolicyAwareness[];
  fieldwork: TownFieldwork[];
  questionnaire: QuestionnaireOutline;
  /** Section 9 and the cards' 居民意见: theme counts per town and masked representative comments. */
  comments: ReportComments;
  /**
   * The towns' objective indicators that miss or near their plan target, or worsen, in the wave's year (for the
   * towns whose cards are written; the district report has none).
   */
  warnings: Record<string, IndicatorWarning[]>;
}

/** A section that cannot be computed says why, in the error's own Chinese sentence; anything else is a bug. */
async function unlessUnavailable<T>(compute: () => Promise<T>): Promise<T | { unavailable: string }> {
  try {
    return await compute();
  } catch (error) {
    if (error instanceof AppError && [ComparisonUnavailableError.code, NoResultsError.code].includes(error.code)) {
      return { unavailable: error.message };
    }
    throw error;
  }
}

async function previousWaveComparison(db: Database, wave: { id: number; year: number }) {
  const earlier = await db
    .select({ id: waves.id })
    .from(waves)
    .where(and(lt(waves.year, wave.year), ne(waves.id, wave.id)))
    .orderBy(desc(waves.year), desc(waves.id))
    .limit(1);
  const base = earlier[0];
  if (!base) return { unavailable: "没有往年的调查，无法比较变化。" };
  return unlessUnavailable(async () => ({
    comparison: await compareWaves(db, wave.id, base.id, { poststratify: false }),
  }));
}

/** The policy's name: the question title up to its colon (“长期护理保险：在今天之前，您知道这项政策吗？”). */
const policyName = (title: string) => title.split(/[：:]/)[0]?.trim() || title;

function awareness(result: CrosstabResult, title: string, question: string): PolicyAwareness {
  const aware = result.rows[0];
  return {
    question,
    title: policyName(title),
    awareLabel: aware?.label ?? "",
    district: aware?.percent ?? 0,
    towns: Object.fromEntries(result.columns.map((column, j) => [column.value, result.cells[0]?.[j]?.percent ?? 0])),
    n: result.total.n,
  };
}

/** `warningTowns`: the towns whose cards are written (their indicator warnings are gathered). */
export async function gatherReportData(
  db: Database,
  waveId: number,
  now: Date,
  warningTowns: readonly string[] = [],
): Promise<ReportData> {
  const wave = await requireWave(db, waveId);
  const questionnaire = await questionnaireOfWave(db, wave);
  const results = await computeWaveResults(db, wave, { poststratify: false });
  const policies: PolicyAwareness[] = [];
  for (const item of questionnaire.scoring.policyItems) {
    try {
      const table = await crosstab(db, wave.id, { row: item.name, column: "town", percent: "column" });
      policies.push(awareness(table, item.title, item.name));
    } catch (error) {
      // A policy question nobody answered has no table; any other failure is real.
      if (!(error instanceof AppError && error.code === InvalidRequestError.code)) throw error;
    }
  }
  return {
    generatedAt: now.toISOString(),
    wave: {
      id: wave.id,
      code: wave.code,
      title: wave.title,
      year: wave.year,
      townTarget: wave.townTarget,
      communityCap: wave.communityCap,
      questionnaireTitle: questionnaire.title,
    },
    results,
    previous: await previousWaveComparison(db, wave),
    objective: await unlessUnavailable(async () => ({ report: await comparison(db, wave.id, { domain: "overall" }) })),
    priorities: await wavePriorities(db, wave.id, { poststratify: false }),
    policies,
    fieldwork: await townFieldwork(db, wave.id),
    questionnaire: questionnaireOutline(questionnaire.definition, questionnaire.scoring),
    comments: await commentsForReport(db, wave.id),
    warnings: await warningsOf(db, warningTowns, wave.year),
  };
}

/** A town's indicators that need attention: missed or near the target, or moving away from it. */
async function warningsOf(db: Database, townCodes: readonly string[], year: number) {
  const warnings: Record<string, IndicatorWarning[]> = {};
  for (const code of townCodes) {
    warnings[code] = (await townWarnings(db, code, year)).filter((w) => w.status !== "met" || w.worsening);
  }
  return warnings;
}
