import "./first-page-preview.css";
import { type MutableRefObject, useId, useState } from "react";
import type { Answers } from "../api/types";
import { Layout } from "../screens/layout";
import { updateSession } from "../session/saved-session";
import { strings } from "../strings";
import type { EarlyStart, FirstPage, FirstPageQuestion } from "./first-page";
import { ProgressBar } from "./progress-bar";

/**
 * The questionnaire's first page, drawn while SurveyJS is still downloading (first-page.ts says which pages
 * qualify). Answers are kept on the phone and handed to SurveyJS, which then shows the same page with them;
 * 下一页 waits for it, which checks the page as always.
 */
export function FirstPagePreview({
  title,
  page,
  early,
}: {
  title?: string;
  page: FirstPage;
  early: MutableRefObject<EarlyStart>;
}) {
  const [answers, setAnswers] = useState<Answers>({});
  const [waiting, setWaiting] = useState(false);
  const answer = (name: string, value: unknown) => {
    const next = { ...answers, [name]: value };
    setAnswers(next);
    early.current = { ...early.current, answers: next, focus: name };
    updateSession({ answers: next, unsynced: true });
  };
  return (
    <Layout title={title}>
      <ProgressBar pageNo={0} pageCount={page.pageCount} pageTitle={page.title} status={null} />
      <div className="first-page">
        <div className="first-page__header">
          {page.title ? <h2 className="first-page__title">{page.title}</h2> : null}
          {page.description ? <p className="first-page__description">{page.description}</p> : null}
        </div>
        {page.questions.map((question, index) => (
          <PreviewQuestion
            key={question.name}
            question={question}
            number={page.numbered ? index + 1 : null}
            value={answers[question.name]}
            onAnswer={(value) => answer(question.name, value)}
          />
        ))}
        <button
          type="button"
          className="first-page__next"
          aria-disabled={waiting}
          onClick={() => {
            early.current = { ...early.current, advance: true };
            setWaiting(true);
          }}
        >
          {waiting ? strings.questionnaire.openingNext : strings.questionnaire.next}
        </button>
      </div>
    </Layout>
  );
}

function PreviewQuestion({
  question,
  number,
  value,
  onAnswer,
}: {
  question: FirstPageQuestion;
  number: number | null;
  value: unknown;
  onAnswer: (value: unknown) => void;
}) {
  const titleId = useId();
  const heading = (
    <>
      {number === null ? null : <span className="first-page__number">{number}.</span>}
      {question.title}
      {question.required ? (
        <span className="first-page__required" aria-hidden="true">
          {" *"}
        </span>
      ) : null}
    </>
  );
  const description = question.description ? (
    <p className="first-page__question-description">{question.description}</p>
  ) : null;
  if (question.kind === "comment") {
    const text = typeof value === "string" ? value : "";
    return (
      <div className="first-page__question">
        <label className="first-page__question-title" htmlFor={titleId}>
          {heading}
        </label>
        {description}
        <textarea
          id={titleId}
          className="first-page__comment"
          rows={4}
          maxLength={question.maxLength ?? undefined}
          value={text}
          onChange={(event) => onAnswer(event.currentTarget.value)}
        />
        {question.maxLength ? (
          <span className="first-page__counter">
            {text.length}/{question.maxLength}
          </span>
        ) : null}
      </div>
    );
  }
  const scale = question.kind === "scale";
  return (
    <div className="first-page__question">
      <div className="first-page__question-title" id={titleId}>
        {heading}
      </div>
      {description}
      <div
        role="radiogroup"
        aria-labelledby={titleId}
        aria-required={question.required}
        className={scale ? "first-page__choices first-page__choices--scale" : "first-page__choices"}
      >
        {question.choices.map((choice) => {
          const checked = value === choice.value;
          const long = scale && choice.text.length >= 4;
          return (
            <label
              key={String(choice.value)}
              className={`first-page__choice${checked ? " first-page__choice--checked" : ""}${choice.aside ? " first-page__choice--aside" : ""}`}
            >
              <input
                type="radio"
                className="visually-hidden"
                name={question.name}
                value={String(choice.value)}
                checked={checked}
                onChange={() => onAnswer(choice.value)}
              />
              {long ? (
                <span>
                  {choice.text.slice(0, 2)}
                  <br />
                  {choice.text.slice(2)}
                </span>
              ) : (
                <span>{choice.text}</span>
              )}
            </label>
          );
        })}
      </div>
    </div>
  );
}
