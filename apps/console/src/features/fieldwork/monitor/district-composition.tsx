import type { CompositionShare, DistrictComposition } from "@survey/contract";
import { EmptyState } from "../../../shared/components/feedback";
import { formatShare } from "../../../shared/format";
import { categoryLabel } from "../../../shared/strings";
import { monitorStrings } from "../strings";
import { ColumnHeaders } from "./column-headers";

const text = monitorStrings;
const GAP = 0.05;

function isGap(share: CompositionShare): boolean {
  return share.populationShare !== null && Math.abs(share.sampleShare - share.populationShare) + 1e-12 >= GAP;
}

function DimensionTable({ title, shares }: { title: string; shares: CompositionShare[] }) {
  return (
    <table className="table table--compact district-composition__table">
      <caption>{title}</caption>
      <ColumnHeaders
        text={[text.districtCategory]}
        numeric={[text.districtSample, text.districtPopulation, text.districtDifference]}
      />
      <tbody>
        {shares.map((share) => {
          const gap = isGap(share);
          return (
            <tr key={share.category} className={gap ? "district-composition__gap" : undefined}>
              <th scope="row">{categoryLabel(share.category)}</th>
              <td className="num">
                {formatShare(share.sampleShare)}（{share.sample}）
              </td>
              <td className="num">{share.populationShare === null ? "—" : formatShare(share.populationShare)}</td>
              <td className="num">
                {share.populationShare === null ? "—" : text.points(share.sampleShare - share.populationShare)}
                {gap ? <span className="badge badge--warn">{text.districtGapBadge}</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The whole sample by sex, age group and registration against the district's adult population, gaps first. */
export function DistrictCompositionPanel({ district }: { district: DistrictComposition }) {
  if (district.n === 0) return <EmptyState>{text.dailyEmpty}</EmptyState>;
  return (
    <div className="district-composition" data-testid="district-composition">
      <p className="muted">{text.districtIntro(district.n)}</p>
      {district.populationSource === "none" ? (
        <p className="notice notice--info">{text.districtNoPopulation}</p>
      ) : district.gaps.length === 0 ? (
        <p className="notice notice--info">{text.districtGapsNone}</p>
      ) : (
        <div className="notice notice--warning" data-testid="composition-gaps">
          {text.districtGapsLead}
          <ul>
            {district.gaps.map((gap) => (
              <li key={`${gap.dimension}-${gap.category}`}>
                {text.districtGap(
                  categoryLabel(gap.category),
                  formatShare(gap.sampleShare),
                  formatShare(gap.populationShare),
                  Math.abs(gap.difference * 100).toFixed(1),
                  gap.difference < 0,
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="district-composition__tables">
        <DimensionTable title={text.compositionAge} shares={district.ageGroup} />
        <DimensionTable title={text.compositionSex} shares={district.sex} />
        <DimensionTable title={text.compositionRegistered} shares={district.registered} />
      </div>
    </div>
  );
}
