import { useState } from "react";
import { EmptyState, ErrorNotice, Loading } from "../../../shared/components/feedback";
import { PageHeader } from "../../../shared/components/page";
import { useSelectedWave } from "../../waves/use-selected-wave";
import { WavePicker } from "../../waves/wave-picker";
import { entryStrings } from "../strings";
import { InterviewEntry } from "./interview-entry";
import { ResponsesImport } from "./responses-import";

const text = entryStrings;

type Tab = "form" | "import";

export function PaperEntryPage() {
  const { waves, query, selected, select } = useSelectedWave((wave) => wave.status === "open");
  const [tab, setTab] = useState<Tab>("form");

  return (
    <>
      <PageHeader
        title={text.title}
        intro={text.intro}
        actions={selected ? <WavePicker waves={waves} value={selected.id} onChange={select} /> : null}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => query.refetch()} />
      ) : !selected ? (
        <EmptyState>{text.noOpenWave}</EmptyState>
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label={text.title}>
            {(
              [
                ["form", text.tabForm],
                ["import", text.tabImport],
              ] as const
            ).map(([value, label]) => (
              <button
                key={value}
                type="button"
                role="tab"
                id={`entry-tab-${value}`}
                aria-selected={tab === value}
                aria-controls={`entry-panel-${value}`}
                className="tabs__tab"
                onClick={() => setTab(value)}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`entry-panel-${tab}`} aria-labelledby={`entry-tab-${tab}`}>
            {tab === "form" ? (
              <InterviewEntry key={selected.id} wave={selected} />
            ) : (
              <ResponsesImport key={selected.id} wave={selected} />
            )}
          </div>
        </>
      )}
    </>
  );
}
