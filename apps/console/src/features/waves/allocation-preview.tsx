import { useState } from "react";
import { Badge } from "../../shared/components/badge";
import { DataTable } from "../../shared/components/data-table";
import { Notice } from "../../shared/components/feedback";
import { optionsOf, Segmented } from "../../shared/components/fields";
import { QueryState } from "../../shared/components/query-state";
import { type AllocationPlan, useAllocation } from "./api";
import { wavesStrings } from "./strings";

const text = wavesStrings;

/** Per town: target, capacity under the caps, what can be completed; infeasible towns in red. */
export function AllocationPreview({
  waveId,
  initialPlan,
  trial,
}: {
  waveId: number;
  initialPlan: AllocationPlan;
  /** Unsaved target and cap from the form: previewed, not stored. */
  trial: { townTarget?: number; communityCap?: number };
}) {
  const [plan, setPlan] = useState<AllocationPlan>(initialPlan);
  const allocation = useAllocation(waveId, { plan, ...trial });

  return (
    <div>
      <p className="summary-line">
        {text.allocationIntro} {text.allocationBasis(allocation.data?.townTarget, allocation.data?.communityCap)}
      </p>
      <div className="toolbar">
        <Segmented
          bare
          label={text.planLabel}
          name="allocation-plan"
          value={plan}
          options={optionsOf(text.plans)}
          onChange={setPlan}
        />
      </div>
      <QueryState query={allocation}>
        {({ summary, towns }) => (
          <>
            {summary.infeasibleTowns > 0 ? (
              <Notice tone="warning">
                {text.allocationTotals(summary.target, summary.capacity, summary.infeasibleTowns)}
              </Notice>
            ) : (
              <Notice tone="success">{text.allocationAllFeasible}</Notice>
            )}
            <DataTable
              label={text.allocationTitle}
              className="table--compact"
              rows={towns}
              rowKey={(town) => town.code}
              rowProps={(town) => ({ className: town.feasible ? undefined : "row--danger" })}
              columns={[
                { key: "town", header: text.allocationTown, rowHeader: true, cell: (town) => town.name },
                { key: "target", header: text.allocationTarget, className: "num", cell: (town) => town.target },
                {
                  key: "communities",
                  header: text.allocationCommunities,
                  className: "num",
                  cell: (town) => town.communityCount,
                },
                { key: "capacity", header: text.allocationCapacity, className: "num", cell: (town) => town.capacity },
                { key: "planned", header: text.allocationPlanned, className: "num", cell: (town) => town.planned },
                {
                  key: "missing",
                  header: text.allocationMissing,
                  className: "num",
                  cell: (town) => (town.missing > 0 ? <Badge tone="danger">{String(town.missing)}</Badge> : 0),
                },
                {
                  key: "smallest",
                  header: text.allocationSmallestCap,
                  className: "num",
                  cell: (town) => town.smallestFeasibleCap ?? "—",
                },
                {
                  key: "quotas",
                  header: text.allocationQuotas,
                  cellClassName: "small",
                  // What each community is planned to give: its cap, or under "按人口比例" its proportional quota.
                  cell: (town) => (
                    <details className="allocation-quotas">
                      <summary>{text.allocationQuotasSummary(town.communities.length)}</summary>
                      <ul>
                        {town.communities.map((community) => (
                          <li key={community.code}>
                            {community.name} <span className="num">{community.quota}</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ),
                },
                {
                  key: "note",
                  header: text.allocationNote,
                  cellClassName: (town) => (town.feasible ? "muted small" : "small allocation-warning"),
                  cell: (town) => town.warning ?? town.message,
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
