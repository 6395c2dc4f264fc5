import { useCallback, useEffect, useRef } from "react";
import { ApiError, NETWORK_ERROR } from "./api/http";
import type { ChosenCommunity, CurrentWave, VerificationConfirmed } from "./api/types";
import { Notice } from "./components/notice";
import { entryUrl, resolveStart, type Start } from "./entry/resolve-start";
import { replaceUrl, useStepHistory } from "./navigation/step-history";
import { prefetchQuestionnaireWhenIdle } from "./questionnaire/load-questionnaire";
import { QuestionnaireStep } from "./questionnaire/questionnaire-step";
import { BlockedScreen } from "./screens/blocked-screen";
import { ConsentScreen } from "./screens/consent-screen";
import { LoadingScreen } from "./screens/loading-screen";
import { PickerScreen } from "./screens/picker-screen";
import { ReceiptScreen } from "./screens/receipt-screen";
import { StatusScreen } from "./screens/status-screen";
import { VerificationScreen } from "./screens/verification-screen";
import { answersDiffer, mergeAnswers } from "./session/merge-answers";
import {
  clearReceipt,
  clearSession,
  loadSession,
  orphanSession,
  type SavedReceipt,
  type SavedSession,
  saveSession,
  takeOrphan,
} from "./session/saved-session";
import { errorSentence, strings } from "./strings";

/** Screens after which the questionnaire comes: its chunk downloads while the resident reads and types. */
const BEFORE_QUESTIONNAIRE = new Set<Screen["kind"]>(["pick", "consent", "verify"]);

type Screen =
  | Start
  | { kind: "loading" }
  | { kind: "failed"; error: ApiError }
  | {
      kind: "verify";
      wave: CurrentWave;
      community: ChosenCommunity;
      notice?: string;
      changePhone?: { idNumber: string };
    }
  | {
      kind: "blocked";
      error: ApiError;
      title?: string;
      wave?: CurrentWave;
      /** Where 换个号码 goes back to (only after asking for a code). */
      verify?: { community: ChosenCommunity; idNumber: string };
    };

/** Keeps the chosen community in the address, so a reload (or a shared link) comes back to it. */
function rememberCommunityInUrl(code: string | null) {
  replaceUrl(entryUrl(window.location.search, code));
}

export function App() {
  const startRef = useRef<() => Promise<void>>(async () => {});
  const history = useStepHistory<Screen>(
    { kind: "loading" },
    {
      // Back into a step this page did not show (after a reload): open where the resident stands now.
      onUnknownStep: () => void startRef.current(),
      // After submitting there is nothing to go back to: Back leaves (WeChat closes the page).
      leaveOnBack: (shown) => shown.kind === "receipt",
    },
  );
  const { screen, push, replace } = history;

  const start = useCallback(
    async (then?: (start: Start) => Screen) => {
      replace({ kind: "loading" });
      try {
        const result = await resolveStart(window.location.search);
        replace(then ? then(result) : result);
      } catch (error) {
        replace({
          kind: "failed",
          error: error instanceof ApiError ? error : new ApiError(0, NETWORK_ERROR, String(error)),
        });
      }
    },
    [replace],
  );
  startRef.current = start;

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    if (BEFORE_QUESTIONNAIRE.has(screen.kind)) prefetchQuestionnaireWhenIdle();
  }, [screen.kind]);

  const verified = (
    wave: CurrentWave,
    community: ChosenCommunity,
    confirmed: VerificationConfirmed,
    phoneMasked: string,
  ) => {
    const orphan = takeOrphan(community.code, phoneMasked);
    const serverDraft = confirmed.draft ?? {};
    const answers = mergeAnswers(serverDraft, orphan?.answers, orphan !== null);
    const session: SavedSession = {
      token: confirmed.reservationToken,
      waveTitle: wave.title,
      expiresAt: confirmed.expiresAt,
      community,
      phoneMasked,
      answers,
      unsynced: answersDiffer(answers, serverDraft),
      pageNo: orphan?.pageNo ?? -1,
      submitting: false,
      questionnaire: confirmed.questionnaire,
    };
    saveSession(session);
    clearReceipt();
    replace({
      kind: "questionnaire",
      session,
      questionnaire: confirmed.questionnaire,
      resumed: Object.keys(answers).length > 0,
    });
  };

  /** The token was refused mid-way: verify again; the answers come back with the same phone. */
  const sessionLost = () => {
    const saved = loadSession();
    if (saved) {
      orphanSession(saved);
      rememberCommunityInUrl(saved.community.code);
    }
    void start((next) =>
      next.kind === "consent"
        ? { kind: "verify", wave: next.wave, community: next.community, notice: strings.questionnaire.sessionLost }
        : next,
    );
  };

  const startOver = () => {
    clearReceipt();
    clearSession();
    void start();
  };

  switch (screen.kind) {
    case "loading":
      return <LoadingScreen />;
    case "failed":
      return (
        <StatusScreen
          heading={strings.status.loadFailedTitle}
          text={errorSentence(screen.error.code, {})}
          icon="warning"
        >
          <button type="button" className="button button--primary" onClick={() => void start()}>
            {strings.retry}
          </button>
        </StatusScreen>
      );
    case "no-wave":
      return <StatusScreen heading={strings.status.noWaveTitle} text={strings.status.noWaveText} />;
    case "closed":
      return (
        <StatusScreen title={screen.wave.title} heading={strings.status.closedTitle} text={strings.status.closedText} />
      );
    case "pick":
      return (
        <PickerScreen
          key={screen.town?.code ?? "towns"}
          wave={screen.wave}
          notice={screen.notice}
          town={screen.town}
          onTown={(town) =>
            push(town ? { kind: "pick", wave: screen.wave, town } : { kind: "pick", wave: screen.wave })
          }
          onPick={(community) => {
            push({ kind: "consent", wave: screen.wave, community });
            rememberCommunityInUrl(community.code);
          }}
        />
      );
    case "community-full":
      return (
        <BlockedScreen
          title={screen.wave.title}
          error={new ApiError(409, "quota_full", "")}
          community={screen.community}
          onChooseOther={() => {
            push({ kind: "pick", wave: screen.wave });
            rememberCommunityInUrl(null);
          }}
        />
      );
    case "consent":
      return (
        <ConsentScreen
          wave={screen.wave}
          community={screen.community}
          onAgree={() =>
            // Back from the questionnaire lands here; agreeing again goes on with the answers already begun.
            loadSession() ? void start() : push({ kind: "verify", wave: screen.wave, community: screen.community })
          }
          onChangeCommunity={() => {
            push({ kind: "pick", wave: screen.wave });
            rememberCommunityInUrl(null);
          }}
        />
      );
    case "verify":
      return (
        <VerificationScreen
          wave={screen.wave}
          community={screen.community}
          notice={screen.notice ? <Notice tone="info">{screen.notice}</Notice> : null}
          changePhone={screen.changePhone}
          onVerified={(confirmed, phoneMasked) => verified(screen.wave, screen.community, confirmed, phoneMasked)}
          onBlocked={(error, typed) => {
            if (error.code === "unknown_community") {
              replace({ kind: "pick", wave: screen.wave, notice: errorSentence(error.code, {}) });
              rememberCommunityInUrl(null);
            } else {
              push({
                kind: "blocked",
                error,
                title: screen.wave.title,
                wave: screen.wave,
                verify: { community: screen.community, idNumber: typed.idNumber },
              });
            }
          }}
        />
      );
    case "blocked": {
      const { wave, verify } = screen;
      return (
        <BlockedScreen
          title={screen.title}
          error={screen.error}
          back={
            verify
              ? { label: strings.blocked.backToVerify, onClick: () => window.history.back() }
              : { label: strings.blocked.backHome, onClick: startOver }
          }
          onChangePhone={
            wave && verify
              ? () =>
                  replace({
                    kind: "verify",
                    wave,
                    community: verify.community,
                    changePhone: { idNumber: verify.idNumber },
                  })
              : undefined
          }
        />
      );
    }
    case "questionnaire":
      return (
        <QuestionnaireStep
          waveTitle={screen.session.waveTitle}
          session={screen.session}
          questionnaire={screen.questionnaire}
          historyStep={history.step()}
          resumed={screen.resumed}
          offline={screen.offline}
          onSubmitted={(receipt: SavedReceipt) => replace({ kind: "receipt", receipt })}
          onSessionLost={sessionLost}
          onRejected={(error) => {
            clearSession();
            replace({ kind: "blocked", error, title: screen.session.waveTitle });
          }}
        />
      );
    case "receipt":
      return <ReceiptScreen title={screen.receipt.waveTitle} receipt={screen.receipt} onStartOver={startOver} />;
  }
}
