import { DONT_KNOW_CODE, NOT_APPLICABLE_CODE, registerSurveyProperties } from "@survey/questionnaire";
import { Model, type Question, type QuestionRatingModel } from "survey-core";
import type { Answers } from "../api/types";
import { strings } from "../strings";
import { surveyTheme } from "./survey-theme";

/** A SurveyJS model set up for a phone: Chinese, our theme, our own progress bar, big rating buttons. */
export function createSurveyModel(definition: Record<string, unknown>, answers: Answers, pageNo: number): Model {
  registerSurveyProperties();
  const model = new Model(definition);
  model.locale = "zh-cn";
  model.applyTheme(surveyTheme);
  model.showTitle = false;
  // The app draws its own sticky progress bar with the save status beside it.
  model.showProgressBar = false;
  model.showCompletedPage = false;
  model.autoFocusFirstQuestion = false;
  model.questionErrorLocation = "bottom";
  model.completeText = strings.questionnaire.complete;
  model.pagePrevText = strings.questionnaire.prev;
  model.pageNextText = strings.questionnaire.next;
  markAnswerScales(model);
  for (const question of model.getAllQuestions()) {
    // At phone width a rating in "auto" mode collapses into a dropdown: keep the buttons.
    if (question.getType() === "rating") (question as QuestionRatingModel).displayMode = "buttons";
  }
  model.data = answers;
  const lastPage = Math.max(0, model.visiblePageCount - 1);
  const page = pageNo >= 0 ? pageNo : firstUnfinishedPage(model);
  model.currentPageNo = Math.min(Math.max(0, page), lastPage);
  return model;
}

/** Answers restored from the server without a page: open the first page with an unanswered question. */
function firstUnfinishedPage(model: Model): number {
  const index = model.visiblePages.findIndex((page) =>
    page.questions.some((question) => question.isVisible && question.isRequired && question.isEmpty()),
  );
  return index === -1 ? 0 : index;
}

/** Satisfaction answers shown as a row of scale buttons (styled by `.answer-scale` in questionnaire.css). */
const SCALE_KINDS = new Set(["satisfaction", "overall"]);

function isScale(question: Question): boolean {
  return question.getType() === "radiogroup" && SCALE_KINDS.has(String(question.getPropertyValue("itemKind")));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Marks the satisfaction questions so CSS lays their answers out as a scale, and breaks long labels
 * ("非常不满意") onto two lines so five buttons fit side by side on a 360 px screen.
 */
function markAnswerScales(model: Model): void {
  model.onUpdateQuestionCssClasses.add((_, options) => {
    if (isScale(options.question)) options.cssClasses.root = `${options.cssClasses.root ?? ""} answer-scale`;
  });
  model.onUpdateChoiceItemCss.add((_, options) => {
    const value = options.item.value;
    if (isScale(options.question) && (value === DONT_KNOW_CODE || value === NOT_APPLICABLE_CODE)) {
      options.css = `${options.css} answer-scale__aside`;
    }
  });
  model.onTextMarkdown.add((_, options) => {
    const owner = options.element as Question | undefined;
    if (!options.item || !owner || typeof owner.getType !== "function" || !isScale(owner)) return;
    const text = options.text;
    if (text.length >= 4) options.html = `${escapeHtml(text.slice(0, 2))}<br>${escapeHtml(text.slice(2))}`;
  });
}
