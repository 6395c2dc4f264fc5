import { useState } from "react";
import { useCommunities } from "../api/communities";
import { useTowns } from "../api/towns";
import type { ChosenCommunity, CurrentWave, TownQuota } from "../api/types";
import { Notice } from "../components/notice";
import { errorSentence, strings } from "../strings";
import { Layout } from "./layout";

/**
 * Bare `/`: the resident picks a town, then a community. Full ones are shown, disabled, with why. The town
 * chosen is the app's (a step of its own, so the phone's Back returns to the towns).
 */
export function PickerScreen({
  wave,
  notice,
  town,
  onTown,
  onPick,
}: {
  wave: CurrentWave;
  notice?: string;
  town?: TownQuota;
  onTown: (town: TownQuota | null) => void;
  onPick: (community: ChosenCommunity) => void;
}) {
  return (
    <Layout title={wave.title} step={0}>
      {notice ? <Notice tone="info">{notice}</Notice> : null}
      {town ? (
        <CommunityList wave={wave} town={town} onBack={() => onTown(null)} onPick={onPick} />
      ) : (
        <TownList wave={wave} onPick={onTown} />
      )}
    </Layout>
  );
}

function LoadFailed({ code, onRetry }: { code: string; onRetry: () => void }) {
  return (
    <Notice tone="alert">
      <p>{errorSentence(code, {})}</p>
      <button type="button" className="button button--secondary button--small" onClick={onRetry}>
        {strings.retry}
      </button>
    </Notice>
  );
}

function TownList({ wave, onPick }: { wave: CurrentWave; onPick: (town: TownQuota) => void }) {
  const towns = useTowns(wave.id);
  return (
    <section className="card" aria-labelledby="town-heading">
      <h1 id="town-heading" className="card__title">
        {strings.picker.townTitle}
      </h1>
      <p className="card__lead">{strings.picker.townHint}</p>
      {towns.error ? <LoadFailed code={towns.error.code} onRetry={towns.reload} /> : null}
      {towns.loading ? <div className="skeleton-grid" aria-busy="true" /> : null}
      {towns.data ? (
        <>
          <ul className="choice-grid">
            {towns.data.map((town) => (
              <li key={town.code}>
                <button type="button" className="choice" disabled={town.full} onClick={() => onPick(town)}>
                  <span className="choice__name">{town.name}</span>
                  {town.full ? <span className="badge">{strings.picker.full}</span> : null}
                </button>
              </li>
            ))}
          </ul>
          {towns.data.some((town) => town.full) ? <p className="fineprint">{strings.picker.whyFull}</p> : null}
        </>
      ) : null}
    </section>
  );
}

function CommunityList({
  wave,
  town,
  onBack,
  onPick,
}: {
  wave: CurrentWave;
  town: TownQuota;
  onBack: () => void;
  onPick: (community: ChosenCommunity) => void;
}) {
  const communities = useCommunities(wave.id, town.code);
  const [filter, setFilter] = useState("");
  const needle = filter.trim();
  const shown = communities.data?.filter((community) => community.name.includes(needle)) ?? [];
  return (
    <section className="card" aria-labelledby="community-heading">
      <button type="button" className="link-button" onClick={onBack}>
        ‹ {strings.picker.changeTown}
      </button>
      <h1 id="community-heading" className="card__title">
        {strings.picker.communityTitle(town.name)}
      </h1>
      <p className="card__lead">{strings.picker.communityHint}</p>
      {communities.error ? <LoadFailed code={communities.error.code} onRetry={communities.reload} /> : null}
      {communities.loading ? <div className="skeleton-list" aria-busy="true" /> : null}
      {communities.data ? (
        <>
          {communities.data.length > 8 ? (
            <div className="field">
              <label className="field__label visually-hidden" htmlFor="community-filter">
                {strings.picker.filterLabel}
              </label>
              <input
                id="community-filter"
                className="field__input field__input--search"
                type="search"
                placeholder={strings.picker.filterPlaceholder}
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
            </div>
          ) : null}
          <ul className="choice-list">
            {shown.map((community) => (
              <li key={community.code}>
                <button
                  type="button"
                  className="choice choice--row"
                  disabled={community.full}
                  onClick={() =>
                    onPick({ code: community.code, name: community.name, townCode: town.code, townName: town.name })
                  }
                >
                  <span className="choice__name">{community.name}</span>
                  {community.full ? (
                    <span className="badge">{strings.picker.full}</span>
                  ) : (
                    <span className="chevron">›</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          {shown.length === 0 ? <p className="fineprint">{strings.picker.noMatch}</p> : null}
          {communities.data.some((community) => community.full) ? (
            <p className="fineprint">{strings.picker.whyFull}</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
