import type { EstimateChange } from "@survey/contract";
import { formatSigned } from "../../../shared/format";
import { trendsStrings } from "../strings";

const text = trendsStrings;

export type ChangeDirection = "up" | "down" | "none";

export function directionOf(change: EstimateChange): ChangeDirection {
  if (!change.significant) return "none";
  return change.difference > 0 ? "up" : "down";
}

/** The difference in points, coloured and marked when its 95 % CI excludes 0. */
export function ChangeValue({ change }: { change: EstimateChange }) {
  const direction = directionOf(change);
  return (
    <span className={`change change--${direction}`}>
      {direction === "up" ? "▲ " : direction === "down" ? "▼ " : ""}
      {formatSigned(change.difference)}
    </span>
  );
}

export function ChangeBadge({ change }: { change: EstimateChange }) {
  const direction = directionOf(change);
  const tone = direction === "up" ? "ok" : direction === "down" ? "danger" : "muted";
  return <span className={`badge badge--${tone}`}>{text.direction[direction]}</span>;
}
