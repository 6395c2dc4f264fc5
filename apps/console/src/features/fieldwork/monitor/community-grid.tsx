import type { FieldworkCommunity, FieldworkTown } from "@survey/contract";
import { useState } from "react";
import { EmptyState } from "../../../shared/components/feedback";
import { namedOptions, Segmented, SelectField } from "../../../shared/components/fields";
import { strings } from "../../../shared/strings";
import { monitorStrings } from "../strings";
import { type CommunityFilter, fillLevel, matchesFilter } from "./community-fill";

const text = monitorStrings;

const filters: { value: CommunityFilter; label: string }[] = [
  { value: "all", label: text.filterAll },
  { value: "empty", label: text.filterEmpty },
  { value: "belowHalf", label: text.filterBelowHalf },
  { value: "full", label: text.filterFull },
];

export function CommunityGrid({
  towns,
  communities,
  townCode,
  onTownChange,
}: {
  towns: FieldworkTown[];
  communities: FieldworkCommunity[];
  townCode: string | null;
  onTownChange: (townCode: string | null) => void;
}) {
  const [filter, setFilter] = useState<CommunityFilter>("all");
  const townNames = new Map(towns.map((town) => [town.code, town.name]));
  const shown = communities.filter(
    (community) => (townCode === null || community.townCode === townCode) && matchesFilter(community, filter),
  );
  const byTown = new Map<string, FieldworkCommunity[]>();
  for (const community of shown) {
    const list = byTown.get(community.townCode) ?? [];
    list.push(community);
    byTown.set(community.townCode, list);
  }

  return (
    <div className="community-grid">
      <div className="toolbar">
        <SelectField
          inline
          label={text.gridTownLabel}
          value={townCode ?? ""}
          options={[{ value: "", label: strings.all }, ...namedOptions(towns)]}
          onChange={(value) => onTownChange(value || null)}
        />
        <Segmented
          bare
          label={text.gridFilterLabel}
          name="community-filter"
          value={filter}
          options={filters}
          onChange={setFilter}
        />
        <div className="fill-legend" aria-hidden="true">
          <span>{text.gridLegendLow}</span>
          {[0, 1, 2, 3, 4, 5].map((level) => (
            <span key={level} className={`fill-legend__step fill-${level}`} />
          ))}
          <span>{text.gridLegendHigh}</span>
        </div>
      </div>
      {shown.length === 0 ? (
        <EmptyState>{text.gridEmpty}</EmptyState>
      ) : (
        <div className="community-grid__scroll">
          {[...byTown.entries()].map(([code, list]) => (
            <section key={code} className="community-grid__town" aria-label={townNames.get(code) ?? code}>
              {townCode === null ? <h3 className="community-grid__town-name">{townNames.get(code) ?? code}</h3> : null}
              <ul className="community-grid__tiles">
                {list.map((community) => (
                  <li
                    key={community.code}
                    className={`tile fill-${fillLevel(community)}`}
                    title={text.tileTitle(community.name, community.completed, community.reserved, community.cap)}
                  >
                    <span className="tile__name">{community.name}</span>
                    <span className="tile__count">
                      {community.completed}/{community.cap}
                      {community.reserved > 0 ? <span className="tile__reserved">+{community.reserved}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
