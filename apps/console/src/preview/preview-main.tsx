// The resident app's own styles and questionnaire set-up (imported, not copied): the preview is what a resident
// sees, in a frame as wide as a phone.
import "../../../survey/src/styles/app.css";
import "survey-core/survey-core.fontless.min.css";
import "survey-core/i18n/simplified-chinese";
import "../../../survey/src/questionnaire/questionnaire.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./preview-app";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PreviewApp />
    </StrictMode>,
  );
}
