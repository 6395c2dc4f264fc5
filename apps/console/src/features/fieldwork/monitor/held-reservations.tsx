import type { FieldworkTown, HeldCommunity } from "@survey/contract";
import { EmptyState } from "../../../shared/components/feedback";
import { monitorStrings } from "../strings";
import { ColumnHeaders } from "./column-headers";

const text = monitorStrings;

/** Reservations held right now per community, against each community's usual level; spikes first. */
export function HeldReservations({ held, towns }: { held: HeldCommunity[]; towns: FieldworkTown[] }) {
  if (held.length === 0) return <EmptyState>{text.heldNone}</EmptyState>;
  const townNames = new Map(towns.map((town) => [town.code, town.name]));
  const spikes = held.filter((row) => row.spike).length;
  return (
    <div className="held" data-testid="held-reservations">
      <p className="muted">{text.heldIntro}</p>
      {spikes > 0 ? <p className="notice notice--warning">{text.heldSpikeCount(spikes)}</p> : null}
      <table className="table table--compact held__table">
        <ColumnHeaders text={[text.heldCommunity, text.heldTown]} numeric={[text.heldNow, text.heldUsual]} />
        <tbody>
          {held.map((row) => (
            <tr key={row.code} className={row.spike ? "held__spike" : undefined} data-testid={`held-${row.code}`}>
              <th scope="row">
                {row.name}
                {row.spike ? <span className="badge badge--warn">{text.heldSpike}</span> : null}
              </th>
              <td>{townNames.get(row.townCode) ?? row.townCode}</td>
              <td className="num">{row.heldNow}</td>
              <td className="num">{row.usual.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
