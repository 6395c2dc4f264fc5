import type { AreaScores, TownResult, TownTier } from "@survey/contract";
import { useMemo } from "react";
import { analysisColours, CHART_FONT } from "../../../shared/chart/analysis-charts";
import { Chart, type ChartOption } from "../../../shared/chart/chart";
import { escapeHtml } from "../../../shared/chart/escape-html";
import { formatCi, formatScore, formatSigned } from "../../../shared/format";
import { strings } from "../../../shared/strings";
import { BelowTargetMark, BelowTargetNote } from "../below-target";
import { belowTargetStrings, resultsStrings } from "../strings";
import { ciBarSeries } from "./ci-bars";

const text = resultsStrings;
const TIERS: TownTier[] = ["above", "average", "below"];
const tierColour = (tier: TownTier) => analysisColours[tier];

/** Towns ordered by overall score with their 95 % CIs against the district's; colour = tier. */
function RankingChart({ towns, district }: { towns: TownResult[]; district: AreaScores }) {
  const option = useMemo<ChartOption>(() => {
    // Category axes run bottom-up: the best town goes last so it is drawn at the top.
    const ordered = [...towns].sort((a, b) => a.overall.mean - b.overall.mean);
    const lows = ordered.map((town) => town.overall.ciLow);
    const highs = ordered.map((town) => town.overall.ciHigh);
    const min = Math.floor(Math.min(district.overall.ciLow, ...lows) / 5) * 5 - 5;
    const max = Math.ceil(Math.max(district.overall.ciHigh, ...highs) / 5) * 5 + 5;
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      grid: { left: 92, right: 24, top: 28, bottom: 30 },
      tooltip: {
        trigger: "item",
        formatter: (params: { dataIndex: number }) => {
          const town = ordered[params.dataIndex];
          if (!town) return "";
          return [
            `<b>${escapeHtml(town.name)}</b>`,
            `${text.overall}：${formatScore(town.overall.mean)}（${formatCi(town.overall.ciLow, town.overall.ciHigh)}）`,
            `${text.vsDistrict}：${formatSigned(town.comparison.difference)}`,
            text.tiers[town.tier],
          ].join("<br/>");
        },
      },
      xAxis: {
        type: "value",
        min,
        max,
        name: text.scoreAxis,
        nameLocation: "middle",
        nameGap: 22,
        splitLine: { lineStyle: { color: analysisColours.grid } },
      },
      yAxis: {
        type: "category",
        data: ordered.map((town) => (town.belowTarget ? `${town.name}${belowTargetStrings.mark}` : town.name)),
        axisTick: { show: false },
        axisLine: { show: false },
      },
      series: [
        ciBarSeries(
          ordered.map((town, index) => [index, town.overall.ciLow, town.overall.ciHigh, tierColour(town.tier)]),
          text.ciSeries,
        ),
        {
          type: "scatter",
          name: text.overall,
          z: 3,
          symbolSize: 9,
          data: ordered.map((town, index) => ({
            value: [town.overall.mean, index],
            itemStyle: { color: tierColour(town.tier), borderColor: "#fff", borderWidth: 1 },
          })),
          markLine: {
            silent: true,
            symbol: "none",
            label: {
              formatter: `${strings.district} ${formatScore(district.overall.mean)}`,
              color: analysisColours.district,
            },
            lineStyle: { color: analysisColours.district, type: "dashed" },
            data: [{ xAxis: district.overall.mean }],
          },
          markArea: {
            silent: true,
            itemStyle: { color: analysisColours.band },
            data: [[{ xAxis: district.overall.ciLow }, { xAxis: district.overall.ciHigh }]],
          },
        },
      ],
    };
  }, [towns, district]);
  return (
    <Chart
      option={option}
      height={Math.max(300, towns.length * 26 + 70)}
      label={text.rankingChartLabel(towns.length, formatScore(district.overall.mean))}
    />
  );
}

/** The ranking as it is published: tiers against the district, with the chart of CIs beside them. */
export function TierRanking({ towns, district }: { towns: TownResult[]; district: AreaScores }) {
  return (
    <div className="tier-ranking">
      <div className="tier-ranking__chart">
        <RankingChart towns={towns} district={district} />
      </div>
      <div className="tier-ranking__lists">
        {TIERS.map((tier) => {
          const members = towns.filter((town) => town.tier === tier).sort((a, b) => a.rank - b.rank);
          return (
            <section key={tier} className={`tier-group tier-group--${tier}`} aria-label={text.tiers[tier]}>
              <h3 className="tier-group__title">
                {text.tiers[tier]}
                <span className="tier-group__count">{text.townCount(members.length)}</span>
              </h3>
              {members.length === 0 ? (
                <p className="muted small">{strings.none}</p>
              ) : (
                <ul className="tier-group__list" data-testid={`tier-${tier}`}>
                  {members.map((town) => (
                    <li key={town.code}>
                      <span className="tier-group__rank">{town.rank}</span>
                      <span className="tier-group__name">
                        {town.name}
                        <BelowTargetMark below={town.belowTarget} />
                      </span>
                      <span className="tier-group__score">
                        {formatScore(town.overall.mean)}
                        <span className="muted">（{formatSigned(town.comparison.difference)}）</span>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
        <p className="footnote">{text.tierFootnote}</p>
        <BelowTargetNote towns={towns.filter((town) => town.belowTarget)} />
      </div>
    </div>
  );
}
