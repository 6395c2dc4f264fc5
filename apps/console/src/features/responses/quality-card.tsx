import { Link } from "react-router-dom";
import { canOpen } from "../../layout/navigation";
import { Card } from "../../shared/components/page";
import { useSessionQuery } from "../accounts/api";
import { useResponseQuality } from "./api";
import { flagLabels, responsesStrings } from "./strings";
import "./responses.css";

const text = responsesStrings;
const FLAGS = ["too_fast", "straight_lining", "duplicate_entry"] as const;

/** The monitor's block: quality flags and voids among the wave's responses, each linking to the list. */
export function QualityCard({ waveId, version }: { waveId: number; version?: string }) {
  const quality = useResponseQuality(waveId, version);
  const role = useSessionQuery().data?.user.role;
  const linked = role !== undefined && canOpen(role, "responses");
  if (!quality.data) return null;
  const { flags, statuses } = quality.data;
  const item = (key: string, label: string, count: number, query: string) => (
    <span key={key} className="quality-counts__item" data-testid={`quality-${key}`}>
      {linked && count > 0 ? <Link to={`/responses?wave=${waveId}&${query}`}>{label}</Link> : label}
      <strong>{count}</strong>
    </span>
  );
  return (
    <Card title={text.qualityTitle} labelledBy="quality-title">
      <div className="quality-counts">
        {FLAGS.map((flag) => item(flag, flagLabels[flag], flags[flag], `flag=${flag}`))}
        {item("void", text.qualityVoid, statuses.void, "status=void")}
        {item("late", text.qualityLate, statuses.late, "status=late")}
      </div>
    </Card>
  );
}
