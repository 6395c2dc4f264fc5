import { useState } from "react";
import { Badge } from "../../shared/components/badge";
import { ErrorNotice, Loading, Notice } from "../../shared/components/feedback";
import type { AllocationPlan } from "./api";
import { useAllocation } from "./api";
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
        <fieldset className="segmented">
          <legend className="visually-hidden">{text.planLabel}</legend>
          {(
            [
              ["cap", text.allocationCap],
              ["proportional", text.allocationProportional],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className={`segmented__item${plan === value ? " is-active" : ""}`}>
              <input
                type="radio"
                name="allocation-plan"
                value={value}
                checked={plan === value}
                onChange={() => setPlan(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </div>
      {allocation.isPending ? (
        <Loading />
      ) : allocation.isError ? (
        <ErrorNotice error={allocation.error} onRetry={() => allocation.refetch()} />
      ) : (
        <>
          {allocation.data.summary.infeasibleTowns > 0 ? (
            <Notice tone="warning">
              {text.allocationTotals(
                allocation.data.summary.target,
                allocation.data.summary.capacity,
                allocation.data.summary.infeasibleTowns,
              )}
            </Notice>
          ) : (
            <Notice tone="success">{text.allocationAllFeasible}</Notice>
          )}
          <div className="table-wrap">
            <table className="table table--compact" aria-label={text.allocationTitle}>
              <thead>
                <tr>
                  <th scope="col">{text.allocationTown}</th>
                  <th scope="col" className="num">
                    {text.allocationTarget}
                  </th>
                  <th scope="col" className="num">
                    {text.allocationCommunities}
                  </th>
                  <th scope="col" className="num">
                    {text.allocationCapacity}
                  </th>
                  <th scope="col" className="num">
                    {text.allocationPlanned}
                  </th>
                  <th scope="col" className="num">
                    {text.allocationMissing}
                  </th>
                  <th scope="col" className="num">
                    {text.allocationSmallestCap}
                  </th>
                  <th scope="col">{text.allocationNote}</th>
                </tr>
              </thead>
              <tbody>
                {allocation.data.towns.map((town) => (
                  <tr key={town.code} className={town.feasible ? undefined : "row--danger"}>
                    <th scope="row">{town.name}</th>
                    <td className="num">{town.target}</td>
                    <td className="num">{town.communityCount}</td>
                    <td className="num">{town.capacity}</td>
                    <td className="num">{town.planned}</td>
                    <td className="num">
                      {town.missing > 0 ? <Badge tone="danger">{String(town.missing)}</Badge> : 0}
                    </td>
                    <td className="num">{town.smallestFeasibleCap ?? "—"}</td>
                    <td className={town.feasible ? "muted small" : "small allocation-warning"}>
                      {town.warning ?? town.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
