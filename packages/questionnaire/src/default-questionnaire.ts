import { DONT_KNOW_CODE, NOT_APPLICABLE_CODE, SATISFACTION_LABELS } from "./codes";
import { DEFAULT_AREAS, DEFAULT_DEMOGRAPHICS, DEFAULT_POLICIES } from "./default-items";

/** A SurveyJS survey JSON; survey-core is the authority on its shape (see validateDefinition). */
export type QuestionnaireDefinition = Record<string, unknown>;

export const DEFAULT_QUESTIONNAIRE_CODE = "songjiang-livelihood";
export const DEFAULT_QUESTIONNAIRE_TITLE = "松江区民生满意度调查问卷";

/**
 * Satisfaction answers are a `radiogroup`, not a `rating`: the rating question only takes one run of
 * values and, with seven labelled buttons, does not fit a 390 px screen (in "buttons" mode it overflows,
 * in "auto" mode it collapses into a dropdown). A one-column radiogroup gives every answer a full-width
 * row to tap, keeps the codes 1–5, 8, 9 as the stored values, and prints well for paper interviews.
 * Answers are listed from 非常满意 down, as residents are used to on government questionnaires.
 */
export function satisfactionChoices(withDontKnow: boolean): { value: number; text: string }[] {
  const codes = withDontKnow ? [5, 4, 3, 2, 1, DONT_KNOW_CODE, NOT_APPLICABLE_CODE] : [5, 4, 3, 2, 1];
  return codes.map((value) => ({ value, text: SATISFACTION_LABELS[value] ?? String(value) }));
}

export function codedChoices(texts: readonly string[]): { value: number; text: string }[] {
  return texts.map((text, index) => ({ value: index + 1, text }));
}

export const POLICY_AWARENESS = ["知道", "听说过，但不了解", "不知道"];
export const COMMENT_MAX_LENGTH = 1000;

/** The district's default questionnaire; a fresh object on every call, safe to modify. */
export function buildDefaultQuestionnaire(): QuestionnaireDefinition {
  const areaPages = DEFAULT_AREAS.map((area) => ({
    name: area.dimension,
    title: area.pageTitle,
    description: area.pageDescription,
    elements: area.items.map((item) => ({
      type: "radiogroup",
      name: item.name,
      title: item.title,
      isRequired: true,
      colCount: 1,
      choices: satisfactionChoices(true),
      itemKind: "satisfaction",
      dimension: area.dimension,
      domain: item.domain,
    })),
  }));

  const policyPage = {
    name: "policies",
    title: "五、民生政策知晓",
    description: "下面简单介绍几项和大家生活有关的政策，请告诉我们您以前是否知道。",
    elements: DEFAULT_POLICIES.map((policy) => ({
      type: "radiogroup",
      name: policy.name,
      title: `${policy.policy}：在今天之前，您知道这项政策吗？`,
      description: policy.explanation,
      isRequired: true,
      colCount: 1,
      choices: codedChoices(POLICY_AWARENESS),
      itemKind: "policy",
    })),
  };

  const overallPage = {
    name: "overall",
    title: "六、总体评价",
    elements: [
      {
        type: "radiogroup",
        name: "overall",
        title: "总的来说，您对在松江的生活满意吗？",
        isRequired: true,
        colCount: 1,
        choices: satisfactionChoices(false),
        itemKind: "overall",
      },
      {
        type: "comment",
        name: "comment",
        title: "您对改善民生还有什么意见和建议？（可以不填）",
        maxLength: COMMENT_MAX_LENGTH,
        rows: 4,
      },
    ],
  };

  const aboutYouPage = {
    name: "about_you",
    title: "七、您的基本情况",
    description: "您的性别和年龄已从身份证号码得知，这里不再询问。以下信息只用于统计分析，不会对外公开。",
    elements: DEFAULT_DEMOGRAPHICS.map((question) => ({
      type: "radiogroup",
      name: question.name,
      title: question.title,
      isRequired: true,
      colCount: 1,
      choices: codedChoices(question.choices),
      itemKind: "demographic",
    })),
  };

  return {
    locale: "zh-cn",
    title: DEFAULT_QUESTIONNAIRE_TITLE,
    description:
      "您好！区社会建设办公室想了解您对生活条件、公共服务、环境和社会治理的真实感受，用来改进工作。问卷大约需要10分钟，您的回答只用于统计分析。",
    scoreMapping: "0-100",
    showProgressBar: true,
    progressBarType: "pages",
    showQuestionNumbers: "on",
    checkErrorsMode: "onNextPage",
    pages: [...areaPages, policyPage, overallPage, aboutYouPage],
  };
}
