import type { CompositionShare, FieldworkTown, TownComposition } from "@survey/contract";
import { EmptyState } from "../../../shared/components/feedback";
import { namedOptions, SelectField } from "../../../shared/components/fields";
import { formatShare } from "../../../shared/format";
import { categoryLabel } from "../../../shared/strings";
import { monitorStrings } from "../strings";

const text = monitorStrings;

const sourceNote: Record<TownComposition["populationSource"], string> = {
  town: text.compositionSourceTown,
  district: text.compositionSourceDistrict,
  none: text.compositionSourceNone,
};

function ShareRows({ title, shares }: { title: string; shares: CompositionShare[] }) {
  return (
    <div className="composition__group">
      <h3 className="composition__title">{title}</h3>
      <table className="composition__table">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">
              {text.compositionSample} / {text.compositionPopulation}
            </th>
          </tr>
        </thead>
        <tbody>
          {shares.map((share) => (
            <tr key={share.category}>
              <th scope="row" className="composition__category">
                {categoryLabel(share.category)}
              </th>
              <td className="composition__bars">
                <div className="share-bar">
                  <span
                    className="share-bar__fill share-bar__fill--sample"
                    style={{ width: `${share.sampleShare * 100}%` }}
                  />
                  <span className="share-bar__value">
                    {text.compositionSample} {formatShare(share.sampleShare)}（{share.sample}）
                  </span>
                </div>
                {share.populationShare !== null ? (
                  <div className="share-bar">
                    <span
                      className="share-bar__fill share-bar__fill--population"
                      style={{ width: `${share.populationShare * 100}%` }}
                    />
                    <span className="share-bar__value">
                      {text.compositionPopulation} {formatShare(share.populationShare)}
                    </span>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The sample of one town by sex, age group and registration, beside the town's population. */
export function CompositionPanel({
  towns,
  composition,
  townCode,
  onTownChange,
}: {
  towns: FieldworkTown[];
  composition: TownComposition[];
  townCode: string | null;
  onTownChange: (townCode: string | null) => void;
}) {
  const chosen = townCode ?? towns[0]?.code ?? null;
  const current = composition.find((item) => item.townCode === chosen);
  return (
    <div className="composition">
      <div className="toolbar">
        <SelectField
          inline
          label={text.compositionTown}
          value={chosen ?? ""}
          options={namedOptions(towns)}
          onChange={(value) => onTownChange(value || null)}
        />
        {current ? (
          <span className="muted">
            {text.compositionN(current.n)} · {sourceNote[current.populationSource]}
          </span>
        ) : null}
      </div>
      {!current || current.n === 0 ? (
        <EmptyState>{text.dailyEmpty}</EmptyState>
      ) : (
        <div className="composition__grid">
          <ShareRows title={text.compositionSex} shares={current.sex} />
          <ShareRows title={text.compositionAge} shares={current.ageGroup} />
          <ShareRows title={text.compositionRegistered} shares={current.registered} />
        </div>
      )}
    </div>
  );
}
