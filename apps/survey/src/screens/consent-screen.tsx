import { useState } from "react";
import type { ChosenCommunity, CurrentWave } from "../api/types";
import { strings } from "../strings";
import { Layout } from "./layout";

/** What the survey is, who runs it and what happens to the data — agreed to before anything personal is asked. */
export function ConsentScreen({
  wave,
  community,
  onAgree,
  onChangeCommunity,
}: {
  wave: CurrentWave;
  community: ChosenCommunity;
  onAgree: () => void;
  onChangeCommunity: () => void;
}) {
  const [agreed, setAgreed] = useState(false);
  const [tried, setTried] = useState(false);
  return (
    <Layout title={wave.title} step={0}>
      <section className="card community-card" aria-label={strings.consent.communityLabel}>
        <div>
          <p className="community-card__label">{strings.consent.communityLabel}</p>
          <p className="community-card__name">
            {community.townName} · {community.name}
          </p>
        </div>
        <button type="button" className="link-button" onClick={onChangeCommunity}>
          {strings.consent.changeCommunity}
        </button>
      </section>

      <section className="card" aria-labelledby="consent-heading">
        <h1 id="consent-heading" className="card__title">
          {strings.consent.title}
        </h1>
        {wave.questionCount && wave.estimatedMinutes ? (
          <p className="survey-length">{strings.consent.length(wave.questionCount, wave.estimatedMinutes)}</p>
        ) : null}
        <p className="card__lead">{strings.consent.intro(wave.title)}</p>
        <dl className="facts">
          {strings.consent.sections.map((section) => (
            <div key={section.title} className="facts__item">
              <dt>{section.title}</dt>
              <dd>{section.text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="action-bar">
        <label className={`agree${tried && !agreed ? " agree--missing" : ""}`}>
          <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
          <span>{strings.consent.agree}</span>
        </label>
        {tried && !agreed ? (
          <p className="field__error" role="alert">
            {strings.consent.mustAgree}
          </p>
        ) : null}
        <button
          type="button"
          className="button button--primary"
          aria-disabled={!agreed}
          onClick={() => (agreed ? onAgree() : setTried(true))}
        >
          {strings.consent.continue}
        </button>
      </div>
    </Layout>
  );
}
