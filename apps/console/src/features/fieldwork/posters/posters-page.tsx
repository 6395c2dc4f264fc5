import { useRef, useState } from "react";
import { EmptyState, ErrorNotice } from "../../../shared/components/feedback";
import { namedOptions, SelectField } from "../../../shared/components/fields";
import { Icon } from "../../../shared/components/icon";
import { Card } from "../../../shared/components/page";
import { useCurrentUser } from "../../accounts/current-user";
import { useTownQuotas } from "../../waves/api";
import { SelectedWaveState, useSelectedWave, WavePageHeader } from "../../waves/selected-wave";
import { postersUrl } from "../api";
import { entryStrings, postersStrings } from "../strings";

const text = postersStrings;

export function PostersPage() {
  const user = useCurrentUser();
  const selection = useSelectedWave((wave) => wave.status !== "closed");
  const { selected } = selection;
  const towns = useTownQuotas(selected?.id);
  const [townCode, setTownCode] = useState<string>("");
  const frame = useRef<HTMLIFrameElement>(null);
  // A staff user limited to some towns prints only theirs.
  const visibleTowns = (towns.data ?? []).filter(
    (town) => user.townCodes.length === 0 || user.townCodes.includes(town.code),
  );
  const town = visibleTowns.find((candidate) => candidate.code === townCode);
  const url = selected && town ? postersUrl(selected.id, town.code) : null;

  return (
    <>
      <WavePageHeader title={text.title} intro={text.intro} selection={selection} />
      <SelectedWaveState selection={selection} noWave={entryStrings.noOpenWave} retry={false}>
        {() => (
          <Card>
            <div className="toolbar">
              <SelectField
                inline
                label={text.town}
                value={townCode}
                options={[{ value: "", label: text.chooseTown }, ...namedOptions(visibleTowns)]}
                onChange={setTownCode}
              />
              {url ? (
                <>
                  <a className="button" href={url} target="_blank" rel="noopener">
                    <Icon name="external" size={16} />
                    {text.openNewTab}
                  </a>
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => frame.current?.contentWindow?.print()}
                  >
                    <Icon name="print" size={16} />
                    {text.print}
                  </button>
                </>
              ) : null}
            </div>
            {towns.isError ? <ErrorNotice error={towns.error} /> : null}
            {url && town ? (
              <iframe ref={frame} className="poster-preview" src={url} title={text.previewTitle(town.name)} />
            ) : (
              <EmptyState>{text.chooseTown}</EmptyState>
            )}
          </Card>
        )}
      </SelectedWaveState>
    </>
  );
}
