import { DONT_KNOW_CODE, NOT_APPLICABLE_CODE } from "@survey/questionnaire/codes";
import type { Answers } from "../api/types";
import type { SavedSession } from "../session/saved-session";

/**
 * The questionnaire's first page as plain data, for drawing it before SurveyJS (~300 KB) has arrived: a resident
 * who types the code at once on a slow network reads and answers the first questions meanwhile, and SurveyJS
 * takes over with those answers (first-page-preview.tsx). Only a page that means the same without SurveyJS
 * qualifies — single choices and comment boxes, no conditions or expressions anywhere that could change it or
 * the page count; anything else waits for SurveyJS as before.
 */
export interface FirstPage {
  title: string;
  description: string | null;
  pageCount: number;
  numbered: boolean;
  questions: FirstPageQuestion[];
}

export interface FirstPageQuestion {
  name: string;
  title: string;
  description: string | null;
  required: boolean;
  /** `scale`: a satisfaction row of five with 不了解/不适用 below, as the questionnaire lays it out. */
  kind: "scale" | "choice" | "comment";
  choices: { value: string | number; text: string; aside: boolean }[];
  maxLength: number | null;
}

type Json = Record<string, unknown>;

const SURVEY_KEYS = new Set([
  "locale",
  "title",
  "description",
  "scoreMapping",
  "showProgressBar",
  "progressBarType",
  "showQuestionNumbers",
  "checkErrorsMode",
  "pages",
]);
const PAGE_KEYS = new Set(["name", "title", "description", "elements"]);
const QUESTION_KEYS = new Set([
  "type",
  "name",
  "title",
  "description",
  "isRequired",
  "colCount",
  "choices",
  "itemKind",
  "dimension",
  "domain",
  "maxLength",
  "rows",
]);
const SCALE_KINDS = new Set(["satisfaction", "overall"]);
const ASIDE_CODES = new Set<unknown>([DONT_KNOW_CODE, NOT_APPLICABLE_CODE]);

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const onlyKeys = (value: Json, allowed: Set<string>) => Object.keys(value).every((key) => allowed.has(key));
const optionalText = (value: unknown) => (value === undefined ? null : typeof value === "string" ? value : undefined);

function choiceOf(choice: unknown, scale: boolean): FirstPageQuestion["choices"][number] | null {
  if (typeof choice === "string" || typeof choice === "number") {
    return { value: choice, text: String(choice), aside: scale && ASIDE_CODES.has(choice) };
  }
  if (!isObject(choice) || !onlyKeys(choice, new Set(["value", "text"]))) return null;
  const { value, text } = choice;
  if (typeof value !== "string" && typeof value !== "number") return null;
  if (text !== undefined && typeof text !== "string") return null;
  return { value, text: text ?? String(value), aside: scale && ASIDE_CODES.has(value) };
}

function questionOf(element: unknown): FirstPageQuestion | null {
  if (!isObject(element) || !onlyKeys(element, QUESTION_KEYS) || typeof element.name !== "string") return null;
  const title = element.title === undefined ? element.name : element.title;
  const description = optionalText(element.description);
  if (typeof title !== "string" || description === undefined) return null;
  const base = { name: element.name, title, description, required: element.isRequired === true };
  if (element.type === "comment") {
    const maxLength = typeof element.maxLength === "number" && element.maxLength > 0 ? element.maxLength : null;
    return { ...base, kind: "comment", choices: [], maxLength };
  }
  if (element.type !== "radiogroup" || !Array.isArray(element.choices) || element.choices.length === 0) return null;
  const scale = SCALE_KINDS.has(String(element.itemKind));
  const choices = element.choices.map((choice) => choiceOf(choice, scale));
  if (choices.some((choice) => choice === null)) return null;
  return {
    ...base,
    kind: scale ? "scale" : "choice",
    choices: choices as FirstPageQuestion["choices"],
    maxLength: null,
  };
}

/** The first page of a new resident's questionnaire, or null when it has to wait for SurveyJS. */
export function firstPageOf(definition: Json, session: Pick<SavedSession, "answers" | "pageNo" | "submitting">) {
  const fresh = session.pageNo <= 0 && !session.submitting && Object.keys(session.answers).length === 0;
  if (!fresh || !onlyKeys(definition, SURVEY_KEYS) || !Array.isArray(definition.pages)) return null;
  const pages = definition.pages;
  if (!pages.every((page) => isObject(page) && onlyKeys(page, PAGE_KEYS) && Array.isArray(page.elements))) return null;
  const [first] = pages as Json[];
  if (!first) return null;
  const title = optionalText(first.title);
  const description = optionalText(first.description);
  if (title === undefined || description === undefined) return null;
  const questions = (first.elements as unknown[]).map(questionOf);
  if (questions.length === 0 || questions.some((question) => question === null)) return null;
  const numbering = definition.showQuestionNumbers;
  const page: FirstPage = {
    title: title ?? "",
    description,
    pageCount: pages.length,
    // SurveyJS numbers questions only when asked to (its default is "off").
    numbered: numbering === true || numbering === "on" || numbering === "onPage" || numbering === "recursive",
    questions: questions as FirstPageQuestion[],
  };
  return page;
}

/** What the resident did on the first page before SurveyJS arrived, for it to carry on from. */
export interface EarlyStart {
  answers: Answers;
  /** 下一页 was pressed: SurveyJS checks the page and moves on as soon as it is here. */
  advance: boolean;
  /** The question the resident was on, to put the keyboard focus back there. */
  focus: string | null;
}
