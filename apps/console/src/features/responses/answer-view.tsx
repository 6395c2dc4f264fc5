import { useMemo } from "react";
import { answerLabel, entryModel, formatEntry, pagesOfFields } from "../fieldwork/code-entry/entry-fields";
import { responsesStrings } from "./strings";

/** A response read as the questionnaire lays it out: each page, each question, the code and its label. */
export function AnswerView({
  definition,
  answers,
}: {
  definition: Record<string, unknown>;
  answers: Record<string, unknown>;
}) {
  const pages = useMemo(() => pagesOfFields(entryModel(definition), answers), [definition, answers]);
  let number = 0;
  return (
    <div className="answer-view">
      {pages.map((page) => (
        <section key={page.title} aria-label={page.title}>
          <h3 className="answer-view__page">{page.title}</h3>
          <ol className="answer-view__list">
            {page.fields.map((field) => {
              number += 1;
              const value = answers[field.name];
              const label = answerLabel(field, value);
              return (
                <li key={field.name} className="answer-view__item">
                  <span className="answer-view__number" aria-hidden="true">
                    {number}
                  </span>
                  <span>{field.title}</span>
                  <span className="answer-view__answer" data-question={field.name}>
                    {label === "" ? (
                      <span className="answer-view__blank">{responsesStrings.noAnswer}</span>
                    ) : (
                      <>
                        {field.kind === "choice" ? (
                          <span className="answer-view__code">{formatEntry(field, value)}</span>
                        ) : null}
                        {label}
                      </>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
