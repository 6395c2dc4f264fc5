import { useId, useRef, useState } from "react";
import { EmptyState, ErrorNotice, Loading } from "../../../shared/components/feedback";
import { Icon } from "../../../shared/components/icon";
import { Card, PageHeader } from "../../../shared/components/page";
import { useCurrentUser } from "../../accounts/current-user";
import { useSelectedWave } from "../../waves/use-selected-wave";
import { WavePicker } from "../../waves/wave-picker";
import { postersUrl, useTownQuotas } from "../api";
import { entryStrings, postersStrings } from "../strings";

const text = postersStrings;

export function PostersPage() {
  const user = useCurrentUser();
  const { waves, query: wavesQuery, selected, select } = useSelectedWave((wave) => wave.status !== "closed");
  const towns = useTownQuotas(selected?.id);
  const [townCode, setTownCode] = useState<string>("");
  const frame = useRef<HTMLIFrameElement>(null);
  const selectId = useId();
  // A staff user limited to some towns prints only theirs.
  const visibleTowns = (towns.data ?? []).filter(
    (town) => user.townCodes.length === 0 || user.townCodes.includes(town.code),
  );
  const town = visibleTowns.find((candidate) => candidate.code === townCode);
  const url = selected && town ? postersUrl(selected.id, town.code) : null;

  return (
    <>
      <PageHeader
        title={text.title}
        intro={text.intro}
        actions={selected ? <WavePicker waves={waves} value={selected.id} onChange={select} /> : null}
      />
      {wavesQuery.isPending ? (
        <Loading />
      ) : wavesQuery.isError ? (
        <ErrorNotice error={wavesQuery.error} />
      ) : !selected ? (
        <EmptyState>{entryStrings.noOpenWave}</EmptyState>
      ) : (
        <Card>
          <div className="toolbar">
            <div className="inline-field">
              <label htmlFor={selectId} className="inline-field__label">
                {text.town}
              </label>
              <select
                id={selectId}
                className="select"
                value={townCode}
                onChange={(event) => setTownCode(event.target.value)}
              >
                <option value="">{text.chooseTown}</option>
                {visibleTowns.map((candidate) => (
                  <option key={candidate.code} value={candidate.code}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </div>
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
    </>
  );
}
