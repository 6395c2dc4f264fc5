import type { BasisFigure, RecommendationBasis, WaveResults } from "@survey/contract";
import type { Database } from "@survey/db";
import { DOMAINS } from "@survey/indices";
import { waveResults } from "../analysis";
import { listWaves, type WaveRow } from "../waves";

type Weakness = Extract<RecommendationBasis, { kind: "weakness" }>;

/** One request's satisfaction results by wave, so several recommendations on the same waves compute them once. */
export class SatisfactionSource {
  private waves: Promise<WaveRow[]> | null = null;
  private results = new Map<number, Promise<WaveResults>>();

  constructor(private readonly db: Database) {}

  /** The latest wave of a year that counts in trends (a hidden test wave does not). */
  private async waveOf(year: number): Promise<WaveRow | undefined> {
    this.waves ??= listWaves(this.db);
    return (await this.waves).find((wave) => wave.year === year && !wave.hiddenFromTrends);
  }

  private async estimate(year: number, townCode: string, domain: string) {
    const wave = await this.waveOf(year);
    if (!wave) return null;
    let pending = this.results.get(wave.id);
    if (!pending) {
      pending = waveResults(this.db, wave.id, { poststratify: false });
      this.results.set(wave.id, pending);
    }
    return (await pending).towns.find((town) => town.code === townCode)?.domains[domain] ?? null;
  }

  /**
   * A shared weakness's satisfaction with the domain in the town, in the basis year's wave and the next year's,
   * with their 95 % confidence intervals (shown beside, so the reader sees whether the change is beyond the
   * sampling error); improved when next year's estimate is higher.
   */
  async figure(basis: Weakness): Promise<BasisFigure> {
    const [before, after] = await Promise.all([
      this.estimate(basis.year, basis.townCode, basis.domain),
      this.estimate(basis.year + 1, basis.townCode, basis.domain),
    ]);
    const domain = DOMAINS.find((d) => d.code === basis.domain)?.name ?? basis.domain;
    return {
      label: `“${domain}”满意度`,
      unit: "分",
      before: before?.mean ?? null,
      after: after?.mean ?? null,
      beforeCi: before ? { low: before.ciLow, high: before.ciHigh } : null,
      afterCi: after ? { low: after.ciLow, high: after.ciHigh } : null,
      improved: before && after ? after.mean > before.mean : null,
    };
  }
}
