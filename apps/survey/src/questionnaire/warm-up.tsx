import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { Survey } from "survey-react-ui";
import { createSurveyModel } from "./create-survey-model";

/** A page like the questionnaire's: satisfaction scales with the two aside answers, and a comment. */
const SAMPLE = {
  pages: [
    {
      name: "sample",
      title: "预热",
      elements: [
        ...["a", "b"].map((name) => ({
          type: "radiogroup",
          name,
          title: "您满意吗？",
          description: "说明",
          isRequired: true,
          colCount: 1,
          itemKind: "satisfaction",
          choices: [5, 4, 3, 2, 1, 98, 99].map((value) => ({ value, text: `非常满意${value}` })),
        })),
        { type: "comment", name: "c", title: "意见和建议", maxLength: 1000, rows: 4 },
      ],
    },
  ],
};

/**
 * Builds and draws a small questionnaire once, off screen, while the resident is still verifying: a browser
 * runs code much slower the first time (compiling, filling SurveyJS's caches), and that first time would
 * otherwise fall on the real questionnaire, between the code being confirmed and the first question.
 */
export function warmUpSurvey(): void {
  const model = createSurveyModel(SAMPLE, {}, 0);
  const root = createRoot(document.createElement("div"));
  flushSync(() => root.render(<Survey model={model} />));
  root.unmount();
  model.dispose();
}
