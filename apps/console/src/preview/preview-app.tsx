import { useEffect, useMemo, useState } from "react";
import { Survey } from "survey-react-ui";
import { SiteHeader } from "../../../survey/src/components/site-header";
import { createSurveyModel } from "../../../survey/src/questionnaire/create-survey-model";
import { isPreviewMessage, PREVIEW_READY, type PreviewMessage } from "./preview-message";

/**
 * The questionnaire preview inside the studio's phone frame: the draft the studio posts, rendered by the resident
 * app's SurveyJS set-up. Answers given here stay in this page: no verification, no quota slot, nothing stored.
 */
export function PreviewApp() {
  const [message, setMessage] = useState<PreviewMessage | null>(null);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !isPreviewMessage(event.data)) return;
      setMessage(event.data);
    };
    window.addEventListener("message", onMessage);
    window.parent.postMessage({ type: PREVIEW_READY }, window.location.origin);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  const model = useMemo(() => {
    if (!message) return null;
    try {
      const survey = createSurveyModel(message.definition, {}, message.page);
      survey.onComplete.add(() => {
        survey.clear(true, true);
        survey.currentPageNo = 0;
      });
      return survey;
    } catch {
      return null;
    }
  }, [message]);

  // The question being edited, in view (SurveyJS marks each question's box with its name).
  useEffect(() => {
    if (!model || !message?.question) return;
    const timer = window.setTimeout(() => {
      const box = document.querySelector(`.sd-question[data-name="${CSS.escape(message.question ?? "")}"]`);
      // This frame's own scroll only: scrollIntoView would scroll the studio page around the frame too.
      if (box) window.scrollTo({ top: box.getBoundingClientRect().top + window.scrollY - window.innerHeight / 4 });
    }, 50);
    return () => window.clearTimeout(timer);
  }, [model, message]);

  const title = typeof message?.definition.title === "string" ? message.definition.title : undefined;
  return (
    <div className="app">
      <SiteHeader title={title} />
      <main className="page">
        <div className="questionnaire">
          {model ? <Survey model={model} /> : <p>{message ? "这份草稿暂时无法显示。" : "正在加载预览…"}</p>}
        </div>
      </main>
    </div>
  );
}
