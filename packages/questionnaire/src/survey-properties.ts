import { Model, Serializer } from "survey-core";
import { DEFAULT_SCORE_MAPPING, DIMENSION_CODES, DOMAIN_CODES, ITEM_KINDS, SCORE_MAPPINGS } from "./codes";

/**
 * Teaches survey-core the custom properties our definitions carry, so that they survive
 * `new Model(json)` / `toJSON()` and show up in a survey editor. Safe to call any number of times;
 * every entry point of this package calls it before it builds a model.
 */
export function registerSurveyProperties(): void {
  addOnce("question", { name: "itemKind", category: "scoring", choices: [...ITEM_KINDS] });
  addOnce("question", { name: "dimension", category: "scoring", choices: [...DIMENSION_CODES] });
  addOnce("question", { name: "domain", category: "scoring", choices: [...DOMAIN_CODES] });
  addOnce("survey", {
    name: "scoreMapping",
    category: "scoring",
    choices: [...SCORE_MAPPINGS],
    default: DEFAULT_SCORE_MAPPING,
  });
}

function addOnce(className: string, property: { name: string; [key: string]: unknown }): void {
  if (Serializer.findProperty(className, property.name)) return;
  Serializer.addProperty(className, property);
}

/** A headless survey-core model of a definition, with our properties registered first. */
export function createModel(definition: unknown): Model {
  registerSurveyProperties();
  return new Model(definition);
}
