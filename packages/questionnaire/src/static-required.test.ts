import { describe, expect, it } from "vitest";
import { buildDefaultQuestionnaire } from "./default-questionnaire";
import { completeDefaultAnswers } from "./default-questionnaire.fixture";
import { loadQuestionnaire } from "./loaded-questionnaire";
import { completenessProblems, isBlank, validateAnswers } from "./validate-answers";

/** A small deterministic generator, so a failure can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const choiceQuestion = (extra: Record<string, unknown> = {}) => ({
  type: "radiogroup",
  name: "q1",
  isRequired: true,
  choices: [1, 2, 3, 4, 5],
  itemKind: "satisfaction",
  dimension: "living",
  domain: "employment_income",
  ...extra,
});

function definitionWith(elements: unknown[], survey: Record<string, unknown> = {}) {
  return { ...survey, pages: [{ name: "p1", elements }] };
}

describe("which definitions take the plain required-answers check", () => {
  it("the district's default questionnaire is static", () => {
    const definition = buildDefaultQuestionnaire();
    const loaded = loadQuestionnaire(definition);
    expect(loaded.staticRequired).not.toBeNull();
    expect(loaded.staticRequired).toContain("overall");
    expect(loaded.staticRequired).not.toContain("comment");
  });

  it.each([
    [
      "a visibleIf on a question",
      definitionWith([choiceQuestion(), choiceQuestion({ name: "q2", visibleIf: "{q1} = 1" })]),
    ],
    [
      "a requiredIf",
      definitionWith([choiceQuestion(), choiceQuestion({ name: "q2", isRequired: false, requiredIf: "{q1} = 2" })]),
    ],
    [
      "a validator",
      definitionWith([choiceQuestion(), { type: "text", name: "t", validators: [{ type: "numeric", minValue: 1 }] }]),
    ],
    [
      "an 'other' item",
      definitionWith([choiceQuestion(), { type: "radiogroup", name: "q2", choices: ["a"], showOtherItem: true }]),
    ],
    [
      "a choice shown only sometimes",
      definitionWith([choiceQuestion({ choices: [1, 2, 3, 4, { value: 5, visibleIf: "{x} = 1" }] })]),
    ],
    ["a hidden question", definitionWith([choiceQuestion(), choiceQuestion({ name: "q2", visible: false })])],
    [
      "a required panel",
      definitionWith([{ type: "panel", name: "p", isRequired: true, elements: [choiceQuestion()] }]),
    ],
    ["a page shown only sometimes", { pages: [{ name: "p1", visibleIf: "{a} = 1", elements: [choiceQuestion()] }] }],
    ["a matrix", definitionWith([choiceQuestion(), { type: "matrix", name: "m", columns: [1], rows: ["a"] }])],
    ["a numeric text input", definitionWith([choiceQuestion(), { type: "text", name: "n", inputType: "number" }])],
    [
      "a checkbox with a minimum count",
      definitionWith([choiceQuestion(), { type: "checkbox", name: "c", choices: [1, 2], minSelectedChoices: 2 }]),
    ],
    [
      "survey triggers",
      definitionWith([choiceQuestion()], { triggers: [{ type: "complete", expression: "{q1} = 1" }] }),
    ],
  ])("%s goes to survey-core", (_, definition) => {
    expect(loadQuestionnaire(definition).staticRequired).toBeNull();
  });

  it("a static definition with a panel, a checkbox and a boolean keeps their required questions in order", () => {
    const definition = definitionWith([
      {
        type: "panel",
        name: "p",
        elements: [choiceQuestion(), { type: "checkbox", name: "c", isRequired: true, choices: [1, 2] }],
      },
      { type: "boolean", name: "b", isRequired: true },
      { type: "comment", name: "note" },
    ]);
    expect(loadQuestionnaire(definition).staticRequired).toEqual(["q1", "c", "b"]);
  });
});

describe("the plain check agrees with survey-core", () => {
  const definitions = {
    default: buildDefaultQuestionnaire(),
    mixed: definitionWith([
      {
        type: "panel",
        name: "p",
        elements: [choiceQuestion(), { type: "checkbox", name: "c", isRequired: true, choices: [1, 2] }],
      },
      { type: "boolean", name: "b", isRequired: true },
      { type: "dropdown", name: "d", isRequired: true, choices: ["x", "y"] },
      { type: "text", name: "t", isRequired: true, maxLength: 5 },
      { type: "comment", name: "note" },
    ]),
  };

  const SPOILED_VALUES: unknown[] = [null, "", "  \n", [], 99];

  /** Answers with some questions left out, blank, spaces only, empty lists, wrong shapes or unknown names. */
  function randomAnswers(random: () => number, definition: unknown, base: Record<string, unknown>) {
    const loaded = loadQuestionnaire(definition);
    const answers: Record<string, unknown> = {};
    // A third of the submissions are complete, the rest leave out or spoil about one answer in four.
    const spoiled = random() < 0.33 ? 0 : 0.25;
    for (const name of loaded.questions.keys()) {
      if (random() >= spoiled) answers[name] = base[name];
      else {
        const pick = Math.floor(random() * (SPOILED_VALUES.length + 1));
        // The last pick leaves the question out.
        if (pick < SPOILED_VALUES.length) answers[name] = SPOILED_VALUES[pick];
      }
    }
    return answers;
  }

  const fullAnswers = {
    default: completeDefaultAnswers(),
    mixed: { q1: 2, c: [1], b: false, d: "y", t: "ok", note: "好" },
  };

  for (const [label, definition] of Object.entries(definitions)) {
    // survey-core takes tens of milliseconds a check on the default questionnaire, hence the timeout.
    it(`on 150 random submissions to the ${label} questionnaire`, { timeout: 60_000 }, () => {
      const random = seeded(label.length * 7919);
      const loaded = loadQuestionnaire(definition);
      expect(loaded.staticRequired).not.toBeNull();
      let withProblems = 0;
      for (let run = 0; run < 150; run++) {
        const answers = randomAnswers(random, definition, fullAnswers[label as keyof typeof fullAnswers]);
        // The shape problems validateAnswers found first decide which questions both checks skip.
        const shapeProblems = validateAnswers(definition, answers, { complete: false });
        const accepted = Object.fromEntries(
          Object.entries(answers).filter(
            ([name, value]) => !isBlank(value) && !shapeProblems.some((problem) => problem.question === name),
          ),
        );
        const plain = completenessProblems(loaded, accepted, shapeProblems, "auto");
        const surveyCore = completenessProblems(loaded, accepted, shapeProblems, "survey-core");
        expect(plain, JSON.stringify(answers)).toEqual(surveyCore);
        if (plain.length > 0) withProblems += 1;
      }
      // The generator really produced both kinds of submission.
      expect(withProblems).toBeGreaterThan(30);
      expect(withProblems).toBeLessThan(150);
    });
  }
});
