import { type EditorItemKind, editorKindOf, itemOfKind, newItemName, plainText } from "@survey/questionnaire";

/** A SurveyJS element or page as the studio edits it: known fields typed, everything else kept as it is. */
export type Element = Record<string, unknown> & { name?: string; type?: string; title?: unknown };
export type Page = Record<string, unknown> & {
  name: string;
  title?: unknown;
  description?: unknown;
  elements: Element[];
};
export type Definition = Record<string, unknown> & { pages: Page[] };

/** The definition with `pages[].elements[]` always present (a definition without pages gets one). */
export function normalise(definition: Record<string, unknown>): Definition {
  const pages = Array.isArray(definition.pages) ? (definition.pages as Page[]) : [];
  return {
    ...definition,
    pages: pages.map((page) => ({ ...page, elements: Array.isArray(page.elements) ? page.elements : [] })),
  };
}

/** Plain text of a localisable SurveyJS string. */
export const textOf = plainText;

function withPage(definition: Definition, pageIndex: number, change: (page: Page) => Page): Definition {
  return { ...definition, pages: definition.pages.map((page, index) => (index === pageIndex ? change(page) : page)) };
}

export function updatePage(definition: Definition, pageIndex: number, patch: Partial<Page>): Definition {
  return withPage(definition, pageIndex, (page) => ({ ...page, ...patch }));
}

export function updateElement(definition: Definition, pageIndex: number, index: number, patch: Element): Definition {
  return withPage(definition, pageIndex, (page) => ({
    ...page,
    elements: page.elements.map((element, at) => {
      if (at !== index) return element;
      const next: Element = { ...element, ...patch };
      // An empty optional text is left out rather than stored as "".
      for (const key of ["description"] as const) if (next[key] === "") delete next[key];
      return next;
    }),
  }));
}

export function replaceElement(definition: Definition, pageIndex: number, index: number, element: Element): Definition {
  return withPage(definition, pageIndex, (page) => ({
    ...page,
    elements: page.elements.map((old, at) => (at === index ? element : old)),
  }));
}

export function removeElement(definition: Definition, pageIndex: number, index: number): Definition {
  return withPage(definition, pageIndex, (page) => ({
    ...page,
    elements: page.elements.filter((_, at) => at !== index),
  }));
}

/** Moves an element one place up (-1) or down (+1), across into the neighbouring area at an area's edge. */
export function moveElement(definition: Definition, pageIndex: number, index: number, step: -1 | 1): Definition {
  const page = definition.pages[pageIndex];
  const element = page?.elements[index];
  if (!page || !element) return definition;
  const target = index + step;
  if (target >= 0 && target < page.elements.length) {
    const elements = [...page.elements];
    elements[index] = elements[target] as Element;
    elements[target] = element;
    return updatePage(definition, pageIndex, { elements });
  }
  const neighbour = pageIndex + step;
  if (neighbour < 0 || neighbour >= definition.pages.length) return definition;
  const moved = removeElement(definition, pageIndex, index);
  return withPage(moved, neighbour, (other) => ({
    ...other,
    elements: step < 0 ? [...other.elements, element] : [element, ...other.elements],
  }));
}

/** Every question name in the definition. */
export function namesIn(definition: Definition): string[] {
  const names: string[] = [];
  const visit = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const element of elements as Element[]) {
      if (typeof element.name === "string") names.push(element.name);
      visit(element.elements);
    }
  };
  for (const page of definition.pages) visit(page.elements);
  return names;
}

/** The area's dimension when its page is named after one (the default questionnaire's areas are). */
function dimensionHint(definition: Definition, pageIndex: number, near?: Element): string | undefined {
  if (typeof near?.dimension === "string") return near.dimension;
  const page = definition.pages[pageIndex];
  const fromItems = page?.elements.find((element) => typeof element.dimension === "string")?.dimension;
  return typeof fromItems === "string" ? fromItems : page?.name;
}

/**
 * A new item of `kind` at the end of an area (or after `after`), with a name no version has used.
 * `usedNames` are the names of every version of the questionnaire, from the server.
 */
export function addElement(
  definition: Definition,
  pageIndex: number,
  kind: EditorItemKind,
  context: { version: number; usedNames: readonly string[]; after?: number; copyOf?: Element },
): { definition: Definition; name: string } {
  const page = definition.pages[pageIndex];
  if (!page) return { definition, name: "" };
  const near = context.copyOf ?? page.elements.at(-1);
  const dimension = dimensionHint(definition, pageIndex, near);
  const name = newItemName([...context.usedNames, ...namesIn(definition)], context.version, { dimension, kind });
  const element = context.copyOf
    ? { ...structuredClone(context.copyOf), name }
    : itemOfKind(kind, name, {
        ...(kind === "satisfaction" && isDimension(dimension) ? { dimension } : {}),
      });
  const at = context.after === undefined ? page.elements.length : context.after + 1;
  const elements = [...page.elements.slice(0, at), element, ...page.elements.slice(at)];
  return { definition: updatePage(definition, pageIndex, { elements }), name };
}

const DIMENSIONS = new Set(["living", "public_services", "environment", "governance"]);
function isDimension(value: unknown): value is "living" | "public_services" | "environment" | "governance" {
  return typeof value === "string" && DIMENSIONS.has(value);
}

/** Changes an item's kind, keeping its name, wording, note and condition. */
export function changeKind(definition: Definition, pageIndex: number, index: number, kind: EditorItemKind) {
  const element = definition.pages[pageIndex]?.elements[index];
  if (!element || typeof element.name !== "string") return definition;
  const dimension = dimensionHint(definition, pageIndex, element);
  return replaceElement(
    definition,
    pageIndex,
    index,
    itemOfKind(kind, element.name, { from: element, ...(isDimension(dimension) ? { dimension } : {}) }),
  );
}

/** A new, empty area after the last one. */
export function addPage(definition: Definition, title: string): Definition {
  const taken = new Set(definition.pages.map((page) => page.name));
  let n = definition.pages.length + 1;
  while (taken.has(`area_${n}`)) n++;
  return { ...definition, pages: [...definition.pages, { name: `area_${n}`, title, elements: [] }] };
}

export function removePage(definition: Definition, pageIndex: number): Definition {
  return { ...definition, pages: definition.pages.filter((_, index) => index !== pageIndex) };
}

export { editorKindOf };
