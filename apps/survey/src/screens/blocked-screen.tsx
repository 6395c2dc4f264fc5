import type { ApiError } from "../api/http";
import type { ChosenCommunity } from "../api/types";
import { errorSentence, strings } from "../strings";
import { StatusScreen } from "./status-screen";

/** The end of the road for this person, said kindly: full quota, already answered, too young, closed. */
export function BlockedScreen({
  title,
  error,
  community,
  onChooseOther,
  onChangePhone,
  back,
}: {
  title?: string;
  error: ApiError;
  community?: ChosenCommunity;
  onChooseOther?: () => void;
  /** Already responded, straight after asking for a code: the number may be a family member's. */
  onChangePhone?: () => void;
  /** The way back from here: to the step before (e.g. to correct a typed ID number) or to the start. */
  back?: { label: string; onClick: () => void };
}) {
  const backButton = back ? (
    <button type="button" className="link-button link-button--center" onClick={back.onClick}>
      {back.label}
    </button>
  ) : null;
  const where = community ? `${community.townName} · ${community.name}` : null;
  switch (error.code) {
    case "quota_full":
      return (
        <StatusScreen
          title={title}
          heading={strings.blocked.quotaFullTitle}
          icon="info"
          text={
            <>
              {where ? <p className="status__where">{where}</p> : null}
              <p>{strings.blocked.quotaFullText}</p>
              <p className="status__thanks">{strings.blocked.thanks}</p>
            </>
          }
        >
          {onChooseOther ? (
            <button type="button" className="link-button link-button--center" onClick={onChooseOther}>
              {strings.blocked.chooseOther}
            </button>
          ) : (
            backButton
          )}
        </StatusScreen>
      );
    case "already_responded":
      return (
        <StatusScreen
          title={title}
          heading={strings.blocked.alreadyRespondedTitle}
          icon="success"
          text={
            <>
              <p>{strings.blocked.alreadyRespondedText}</p>
              {onChangePhone ? <p>{strings.blocked.sharedPhone}</p> : null}
              <p className="status__thanks">{strings.blocked.thanks}</p>
            </>
          }
        >
          {onChangePhone ? (
            <button type="button" className="button button--secondary" onClick={onChangePhone}>
              {strings.blocked.anotherPhone}
            </button>
          ) : null}
          {backButton}
        </StatusScreen>
      );
    case "underage":
      return (
        <StatusScreen
          title={title}
          heading={strings.blocked.underageTitle}
          text={<p>{error.message || errorSentence(error.code, {})}</p>}
        >
          {backButton}
        </StatusScreen>
      );
    case "wave_closed":
      return (
        <StatusScreen title={title} heading={strings.status.closedTitle} text={strings.status.closedText}>
          {backButton}
        </StatusScreen>
      );
    default:
      return (
        <StatusScreen
          title={title}
          heading={strings.status.loadFailedTitle}
          icon="warning"
          text={<p>{errorSentence(error.code, { retryAfterSeconds: error.retryAfterSeconds })}</p>}
        >
          {backButton}
        </StatusScreen>
      );
  }
}
