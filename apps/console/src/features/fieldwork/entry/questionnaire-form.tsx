import { createModel } from "@survey/questionnaire";
import { useEffect, useMemo } from "react";
import type { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/i18n/simplified-chinese";
import "survey-core/survey-core.fontless.min.css";
import { entryStrings } from "../strings";
import { consoleSurveyTheme } from "./survey-theme";

/**
 * The same SurveyJS questionnaire residents answer, laid out for typing in a paper form: one page,
 * answers side by side. Submission happens inside SurveyJS's completing step so that a refusal
 * (quota full, already responded, invalid answers) leaves the form filled in and editable.
 */
export function QuestionnaireForm({
  definition,
  onSubmit,
}: {
  definition: Record<string, unknown>;
  onSubmit: (answers: Record<string, unknown>) => Promise<unknown>;
}) {
  const model: Model = useMemo(() => {
    const survey = createModel(definition);
    survey.locale = "zh-cn";
    survey.applyTheme(consoleSurveyTheme);
    survey.widthMode = "responsive";
    survey.showTitle = false;
    survey.showProgressBar = false;
    survey.questionsOnPageMode = "singlePage";
    survey.showCompletedPage = false;
    survey.completeText = entryStrings.submit;
    survey.autoAdvanceEnabled = false;
    for (const question of survey.getAllQuestions()) {
      if (question.getType() === "radiogroup") question.colCount = 0;
    }
    return survey;
  }, [definition]);

  useEffect(() => {
    // The refusal itself is shown by the caller, next to the respondent's details.
    const handler = async (_: Model, options: { allow: boolean }) => {
      try {
        await onSubmit(model.data as Record<string, unknown>);
      } catch {
        options.allow = false;
      }
    };
    model.onCompleting.add(handler);
    return () => model.onCompleting.remove(handler);
  }, [model, onSubmit]);

  return (
    <div className="questionnaire-form">
      <Survey model={model} />
    </div>
  );
}
