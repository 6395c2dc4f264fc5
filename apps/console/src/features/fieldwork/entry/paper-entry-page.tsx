import { useState } from "react";
import { Tabs } from "../../../shared/components/tabs";
import { SelectedWaveState, useSelectedWave, WavePageHeader } from "../../waves/selected-wave";
import { entryStrings } from "../strings";
import { InterviewEntry } from "./interview-entry";
import { ResponsesImport } from "./responses-import";

const text = entryStrings;

export function PaperEntryPage() {
  const selection = useSelectedWave((wave) => wave.status === "open");
  const [tab, setTab] = useState<"form" | "import">("form");

  return (
    <>
      <WavePageHeader title={text.title} intro={text.intro} selection={selection} />
      <SelectedWaveState selection={selection} noWave={text.noOpenWave}>
        {(wave) => (
          <Tabs
            label={text.title}
            idPrefix="entry"
            tabs={[
              { value: "form", label: text.tabForm },
              { value: "import", label: text.tabImport },
            ]}
            value={tab}
            onChange={setTab}
          >
            {tab === "form" ? (
              <InterviewEntry key={wave.id} wave={wave} />
            ) : (
              <ResponsesImport key={wave.id} wave={wave} />
            )}
          </Tabs>
        )}
      </SelectedWaveState>
    </>
  );
}
