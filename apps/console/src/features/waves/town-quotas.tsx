import type { AdminWaveDetail, UpdateWaveBody } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { Badge } from "../../shared/components/badge";
import { DataTable } from "../../shared/components/data-table";
import { Dialog } from "../../shared/components/dialog";
import { ErrorNotice } from "../../shared/components/feedback";
import { TextField } from "../../shared/components/fields";
import { ProgressBar } from "../../shared/components/progress-bar";
import { useUpdateWave } from "./api";
import { wavesStrings } from "./strings";

const text = wavesStrings;

type Town = AdminWaveDetail["towns"][number];

/** Only what changed is sent: per-town target and per-community caps become overrides of this town. */
function changesOf(town: Town, target: string, caps: Record<string, string>): UpdateWaveBody {
  const body: UpdateWaveBody = {};
  if (Number(target) !== town.target) body.townTargets = { [town.code]: Number(target) };
  const communityCaps: Record<string, number> = {};
  for (const community of town.communities) {
    const cap = Number(caps[community.code]);
    if (cap !== community.cap) communityCaps[community.code] = cap;
  }
  if (Object.keys(communityCaps).length > 0) body.communityCaps = communityCaps;
  return body;
}

/** One town's target and its communities' caps, never below completed + held, with a reason for the audit log. */
function TownQuotaDialog({
  wave,
  town,
  onClose,
  onSaved,
}: {
  wave: AdminWaveDetail;
  town: Town | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const update = useUpdateWave(wave.id);
  const [target, setTarget] = useState("");
  const [caps, setCaps] = useState<Record<string, string>>({});
  const [reason, setReason] = useState("");
  const [nothing, setNothing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!town) return;
    const changes = changesOf(town, target, caps);
    if (!changes.townTargets && !changes.communityCaps) {
      setNothing(true);
      return;
    }
    update.mutate({ ...changes, reason: reason.trim() }, { onSuccess: () => onSaved(text.quotaSaved(town.name)) });
  };
  return (
    <Dialog
      open={town !== null}
      wide
      title={town ? text.quotaDialogTitle(town.name) : ""}
      confirmLabel={text.quotaEdit}
      busy={update.isPending}
      onOpen={() => {
        update.reset();
        setNothing(false);
        setReason("");
        setTarget(String(town?.target ?? ""));
        setCaps(
          Object.fromEntries((town?.communities ?? []).map((community) => [community.code, String(community.cap)])),
        );
      }}
      onCancel={onClose}
      onSubmit={submit}
    >
      {update.error ? <ErrorNotice error={update.error} /> : null}
      {nothing ? <p role="status">{text.quotaNothing}</p> : null}
      {town ? (
        <>
          <TextField
            label={text.quotaTownTarget}
            hint={text.quotaMinimum(town.completed + town.reserved)}
            type="number"
            inputMode="numeric"
            required
            min={Math.max(1, town.completed + town.reserved)}
            max={100000}
            step={1}
            value={target}
            onChange={setTarget}
          />
          <fieldset className="quota-caps">
            <legend>{text.quotaCap}</legend>
            <div className="form-grid">
              {town.communities.map((community) => (
                <TextField
                  key={community.code}
                  label={community.name}
                  hint={text.quotaMinimum(community.completed + community.reserved)}
                  type="number"
                  inputMode="numeric"
                  required
                  min={Math.max(1, community.completed + community.reserved)}
                  max={10000}
                  step={1}
                  value={caps[community.code] ?? ""}
                  onChange={(value) => setCaps((previous) => ({ ...previous, [community.code]: value }))}
                />
              ))}
            </div>
          </fieldset>
          <TextField
            label={text.reason}
            className="field--wide"
            required={wave.status !== "draft"}
            minLength={2}
            maxLength={500}
            value={reason}
            onChange={setReason}
          />
        </>
      ) : null}
    </Dialog>
  );
}

/** Every town's target and fill; a town's target and its communities' caps are changed in a dialog. */
export function TownQuotas({ wave, onSaved }: { wave: AdminWaveDetail; onSaved: (message: string) => void }) {
  const [editing, setEditing] = useState<Town | null>(null);
  const editable = wave.status !== "closed";
  return (
    <>
      <p className="summary-line">{text.quotasIntro}</p>
      <DataTable
        label={text.quotasTitle}
        className="table--compact"
        rows={wave.towns}
        rowKey={(town) => town.code}
        columns={[
          { key: "town", header: text.quotaTown, rowHeader: true, cell: (town) => town.name },
          {
            key: "target",
            header: text.quotaTarget,
            className: "num",
            cell: (town) => (
              <>
                {town.target} {town.targetOverridden ? <Badge tone="muted">{text.quotaOverridden}</Badge> : null}
              </>
            ),
          },
          {
            key: "filled",
            header: text.quotaFilled,
            cell: (town) => (
              <div className="town-progress__cell">
                <ProgressBar
                  completed={town.completed}
                  reserved={town.reserved}
                  target={town.target}
                  label={`${town.name} ${town.completed} + ${town.reserved} / ${town.target}`}
                />
                <span className="town-progress__count">
                  {town.completed} + {town.reserved}
                </span>
              </div>
            ),
          },
          {
            key: "actions",
            header: text.actions,
            hiddenHeader: true,
            cell: (town) =>
              editable ? (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={text.quotaEditLabel(town.name)}
                  onClick={() => setEditing(town)}
                >
                  {text.quotaEdit}
                </button>
              ) : null,
          },
        ]}
      />
      <TownQuotaDialog
        wave={wave}
        town={editing}
        onClose={() => setEditing(null)}
        onSaved={(message) => {
          setEditing(null);
          onSaved(message);
        }}
      />
    </>
  );
}
