import type { ReportKind } from "@survey/contract";
import { useState } from "react";
import { Dialog } from "../../../shared/components/dialog";
import { namedOptions, Segmented, SelectField } from "../../../shared/components/fields";
import { Icon } from "../../../shared/components/icon";
import { resultsStrings } from "../strings";
import { buildReport } from "./report-build";

const text = resultsStrings.report;
const KINDS = (Object.keys(text.kinds) as ReportKind[]).map((value) => ({ value, label: text.kinds[value] }));

type Status =
  | { state: "idle" }
  | { state: "running"; done: number; total: number; step: string }
  | { state: "done"; fileName: string }
  | { state: "failed"; message: string };

/** "生成报告": the district report, one town's card or every town's card, with the server's progress meanwhile. */
export function ReportButton({ waveId, towns }: { waveId: number; towns: readonly { code: string; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ReportKind>("district");
  const [town, setTown] = useState(towns[0]?.code ?? "");
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const running = status.state === "running";

  const start = () => {
    setStatus({ state: "running", done: 0, total: 1, step: "" });
    buildReport(waveId, { kind, town: kind === "town" ? town : undefined }, ({ done, total, step }) =>
      setStatus({ state: "running", done, total, step }),
    ).then(
      (fileName) => setStatus({ state: "done", fileName }),
      (error: unknown) => setStatus({ state: "failed", message: error instanceof Error ? error.message : text.failed }),
    );
  };

  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        <Icon name="download" size={16} />
        {text.button}
      </button>
      <Dialog
        open={open}
        title={text.title}
        wide
        confirmLabel={text.start}
        busy={running}
        cancelDisabled={false}
        onOpen={() => setStatus({ state: "idle" })}
        onConfirm={start}
        onCancel={() => setOpen(false)}
      >
        <p className="muted small">{text.note}</p>
        <Segmented label={text.kindLabel} showLabel value={kind} options={KINDS} onChange={setKind} />
        {kind === "town" ? (
          <SelectField label={text.townLabel} value={town} options={namedOptions(towns)} onChange={setTown} />
        ) : null}
        <div className="report-status" aria-live="polite">
          {status.state === "running" ? (
            <>
              <progress
                className="report-progress"
                aria-label={text.progressLabel}
                max={status.total}
                value={status.done}
              />
              <span>{status.step}</span>
            </>
          ) : null}
          {status.state === "done" ? <span>{text.saved(status.fileName)}</span> : null}
          {status.state === "failed" ? (
            <span className="report-status__error" role="alert">
              {status.message}
            </span>
          ) : null}
        </div>
      </Dialog>
    </>
  );
}
