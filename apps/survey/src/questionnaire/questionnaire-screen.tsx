import "survey-core/survey-core.fontless.min.css";
import "survey-core/i18n/simplified-chinese";
import "./questionnaire.css";
import { useEffect, useRef, useState } from "react";
import type { CompletingEvent, SurveyModel } from "survey-core";
import { Survey } from "survey-react-ui";
import type { ApiError } from "../api/http";
import { useDraftAutosave } from "../api/save-draft";
import { useSubmission } from "../api/submit-response";
import type { Answers, Questionnaire, SubmittedResponse } from "../api/types";
import { Notice } from "../components/notice";
import { readStepState, writeHistory } from "../navigation/step-history";
import { focusHeading, Layout } from "../screens/layout";
import { keepAppShellOffline } from "../session/offline-shell";
import {
  clearSession,
  type SavedReceipt,
  type SavedSession,
  saveReceipt,
  updateSession,
} from "../session/saved-session";
import { strings } from "../strings";
import { createSurveyModel } from "./create-survey-model";
import type { EarlyStart } from "./first-page";
import { HoldDeadline } from "./hold-deadline";
import { policyNotes } from "./policy-notes";
import { ProgressBar } from "./progress-bar";
import { SaveStatus } from "./save-status";
import { SubmittingCard } from "./submitting-card";

export { warmUpSurvey } from "./warm-up";

export interface QuestionnaireScreenProps {
  waveTitle?: string;
  session: SavedSession;
  questionnaire: Questionnaire;
  /** The answers came back from an earlier visit: say so. */
  resumed: boolean;
  /** Opened from this phone's copy without a network (a reload offline): say so. */
  offline?: boolean;
  /** The history step the questionnaire is on: each page is an entry under it, so Back returns a page. */
  historyStep: number;
  onSubmitted: (receipt: SavedReceipt) => void;
  /** The token is no longer accepted: the resident must verify again (answers are kept). */
  onSessionLost: () => void;
  /** A refusal the questionnaire cannot fix (already responded, wave closed…). */
  onRejected: (error: ApiError) => void;
  /** What the resident did on the first page drawn before SurveyJS arrived (questionnaire-step.tsx). */
  takeEarlyStart?: () => EarlyStart;
}

interface AnswerProblem {
  question: string;
  message: string;
}

/** The questionnaire itself: SurveyJS, one page per area, every change saved here and on the server. */
export default function QuestionnaireScreen(props: QuestionnaireScreenProps) {
  const { questionnaire } = props;
  const [early] = useState(() => props.takeEarlyStart?.() ?? null);
  const session =
    early && Object.keys(early.answers).length > 0
      ? { ...props.session, answers: { ...props.session.answers, ...early.answers }, unsynced: true }
      : props.session;
  const [model] = useState(() => createSurveyModel(questionnaire.definition, session.answers, session.pageNo));
  const [pageNo, setPageNo] = useState(model.currentPageNo);
  const [problems, setProblems] = useState<AnswerProblem[] | null>(null);
  const [submitting, setSubmitting] = useState(session.submitting);
  const [heldUntil, setHeldUntil] = useState(session.expiresAt);
  const [offline, setOffline] = useState(props.offline === true);
  const propsRef = useRef(props);
  propsRef.current = props;

  const autosave = useDraftAutosave(session.token, {
    onSynced: (extendedTo) => {
      setOffline(false);
      if (extendedTo) setHeldUntil(extendedTo);
      updateSession(extendedTo ? { unsynced: false, expiresAt: extendedTo } : { unsynced: false });
    },
    onInvalidToken: () => propsRef.current.onSessionLost(),
  });
  usePageHistory(model, props.historyStep);

  const finish = (result: SubmittedResponse) => {
    const receipt: SavedReceipt = {
      waveTitle: props.waveTitle,
      receiptCode: result.receiptCode,
      counted: result.counted,
      policies: policyNotes(questionnaire.definition),
    };
    saveReceipt(receipt);
    clearSession();
    propsRef.current.onSubmitted(receipt);
  };

  const refuse = (error: ApiError) => {
    updateSession({ submitting: false });
    setSubmitting(false);
    autosave.resume();
    if (error.code === "invalid_answers") return showProblems(model, error, setProblems);
    if (error.status === 401) return propsRef.current.onSessionLost();
    propsRef.current.onRejected(error);
  };

  const submission = useSubmission(session.token, { onSubmitted: finish, onRejected: refuse });

  const startSubmission = (answers: Answers) => {
    autosave.pause();
    updateSession({ answers, submitting: true });
    setProblems(null);
    setSubmitting(true);
    submission.submit(answers);
  };
  const startSubmissionRef = useRef(startSubmission);
  startSubmissionRef.current = startSubmission;

  useEffect(() => {
    const onValueChanged = () => {
      const answers = { ...model.data };
      // Local first: this survives a reload, a closed tab and no network at all.
      updateSession({ answers, unsynced: true });
      autosave.schedule(answers);
    };
    const onPageChanged = () => {
      setPageNo(model.currentPageNo);
      // Moving on is activity too: the slot's hold is extended with the save.
      autosave.saveNow({ ...model.data });
      updateSession({ pageNo: model.currentPageNo });
      window.scrollTo(0, 0);
      // After SurveyJS has rendered the new page.
      requestAnimationFrame(() => {
        const page = document.querySelector(".questionnaire");
        if (page) focusHeading(page);
      });
    };
    const onCompleting = (_: SurveyModel, options: CompletingEvent) => {
      // The survey never "completes" on its own: it stays editable until the server acknowledges.
      options.allow = false;
      startSubmissionRef.current({ ...model.data });
    };
    model.onValueChanged.add(onValueChanged);
    model.onCurrentPageChanged.add(onPageChanged);
    model.onCompleting.add(onCompleting);
    return () => {
      model.onValueChanged.remove(onValueChanged);
      model.onCurrentPageChanged.remove(onPageChanged);
      model.onCompleting.remove(onCompleting);
    };
  }, [model, autosave.schedule, autosave.saveNow]);

  // On arrival: push answers the server has not seen yet, and finish a submission a reload interrupted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once for the session it was mounted with.
  useEffect(() => {
    keepAppShellOffline();
    if (session.submitting) startSubmissionRef.current(session.answers);
    else if (session.unsynced) autosave.schedule({ ...model.data });
    // Carrying on from the first page drawn before SurveyJS: 下一页 was pressed (SurveyJS checks the page), or
    // the keyboard goes back to the question the resident was answering.
    if (early?.advance) model.nextPage();
    else if (early?.focus) {
      const name = early.focus;
      requestAnimationFrame(() => {
        const question = document.querySelector(`.questionnaire [data-name="${CSS.escape(name)}"]`);
        const field =
          question?.querySelector<HTMLElement>("input:checked") ?? question?.querySelector("input, textarea");
        field?.focus({ preventScroll: true });
      });
    }
  }, []);

  const title = props.waveTitle || questionnaire.title;
  if (submitting) {
    return (
      <Layout title={title}>
        <SubmittingCard state={submission.state} onRetry={submission.retryNow} />
      </Layout>
    );
  }

  return (
    <Layout title={title}>
      <ProgressBar
        pageNo={pageNo}
        pageCount={model.visiblePageCount}
        pageTitle={model.currentPage?.title ?? ""}
        status={<SaveStatus status={autosave.status} />}
      />
      {offline ? <Notice tone="info">{strings.questionnaire.offline}</Notice> : null}
      {props.resumed && !offline && pageNo === session.pageNo && !problems ? (
        <Notice tone="success">{strings.questionnaire.resumed}</Notice>
      ) : null}
      <HoldDeadline heldUntil={heldUntil} onKeep={() => autosave.saveNow({ ...model.data })} />
      {problems ? (
        <Notice tone="alert">
          <p>{strings.questionnaire.invalidAnswers}</p>
          <ul className="problem-list">
            {problems.map((problem) => (
              <li key={problem.question}>{problem.message}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div className="questionnaire">
        <Survey model={model} />
      </div>
    </Layout>
  );
}

/**
 * Each questionnaire page is a history entry: the phone's Back goes to the page before (as 上一页 does),
 * Forward to the page after. 上一页 itself goes back in the history, so the two never disagree; a jump
 * (to a refused question) replaces the entry.
 */
function usePageHistory(model: SurveyModel, historyStep: number): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: one history per questionnaire on screen.
  useEffect(() => {
    const pages = [model.currentPageNo];
    let fromHistory = false;
    writeHistory("replace", { surveyStep: historyStep, page: model.currentPageNo });
    const onPageChanged = () => {
      const now = model.currentPageNo;
      if (fromHistory) {
        const at = pages.lastIndexOf(now);
        if (at >= 0) pages.length = at + 1;
        else pages.push(now);
        return;
      }
      const last = pages[pages.length - 1] ?? 0;
      if (pages.length >= 2 && pages[pages.length - 2] === now) {
        pages.pop();
        window.history.back();
      } else if (now > last) {
        pages.push(now);
        writeHistory("push", { surveyStep: historyStep, page: now });
      } else {
        pages[pages.length - 1] = now;
        writeHistory("replace", { surveyStep: historyStep, page: now });
      }
    };
    const onPopState = (event: PopStateEvent) => {
      const state = readStepState(event.state);
      if (state?.surveyStep !== historyStep || state.page === undefined) return;
      if (state.page === model.currentPageNo || state.page >= model.visiblePageCount) return;
      fromHistory = true;
      try {
        model.currentPageNo = state.page;
      } finally {
        fromHistory = false;
      }
    };
    model.onCurrentPageChanged.add(onPageChanged);
    window.addEventListener("popstate", onPopState);
    return () => {
      model.onCurrentPageChanged.remove(onPageChanged);
      window.removeEventListener("popstate", onPopState);
    };
  }, [model]);
}

/** Takes the resident to the first question the server refused, and marks each one. */
function showProblems(model: SurveyModel, error: ApiError, setProblems: (problems: AnswerProblem[]) => void) {
  const details = Array.isArray(error.body.details) ? (error.body.details as Partial<AnswerProblem>[]) : [];
  const problems: AnswerProblem[] = [];
  for (const detail of details) {
    if (typeof detail.question !== "string") continue;
    const question = model.getQuestionByName(detail.question);
    const message = typeof detail.message === "string" ? detail.message : error.message;
    problems.push({
      question: detail.question,
      message: question ? `${question.processedTitle}：${message}` : message,
    });
    question?.addError(message);
  }
  setProblems(problems.length > 0 ? problems : [{ question: "", message: error.message }]);
  const first = details[0]?.question ? model.getQuestionByName(details[0].question) : null;
  if (first?.page) model.currentPage = first.page;
  window.scrollTo(0, 0);
}
