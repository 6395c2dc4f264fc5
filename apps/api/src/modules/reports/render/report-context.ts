/**
 * What every section of a document needs besides its data: figure and table numbers, town names with the
 * below-target mark, and lookups into the gathered data.
 */
import type { EstimateChange, MeasureComparison } from "@survey/contract";
import type { ReportData } from "../report-data";
import { Numbering } from "./docx-kit";
import { BELOW_TARGET_MARK } from "./format";

export class ReportContext {
  readonly numbering = new Numbering();
  private readonly belowTarget: Set<string>;
  private readonly names: Map<string, string>;

  constructor(readonly data: ReportData) {
    this.belowTarget = new Set(data.fieldwork.filter((town) => town.completed < town.target).map((town) => town.code));
    this.names = new Map(data.fieldwork.map((town) => [town.code, town.name]));
    for (const town of data.results.towns) this.names.set(town.code, town.name);
  }

  /** A town's name, marked when its sample fell short of the target (everywhere it appears). */
  town(code: string, name = this.names.get(code) ?? code): string {
    return this.belowTarget.has(code) ? `${name}${BELOW_TARGET_MARK}` : name;
  }

  /** A sentence written elsewhere (the comparison's reading) with the below-target towns' names marked. */
  markTowns(text: string): string {
    let marked = text;
    for (const code of this.belowTarget) {
      const name = this.names.get(code);
      if (name)
        marked = marked.replaceAll(new RegExp(`${name}(?!${BELOW_TARGET_MARK})`, "g"), `${name}${BELOW_TARGET_MARK}`);
    }
    return marked;
  }

  /**
   * Which open question a quoted comment answered, only when the comments come from several (with one comment
   * box the question is the same for all): in brackets, or after `separator` inside the caller's own brackets.
   */
  commentSource(example: { questionTitle: string }, separator?: string): string {
    const titles = new Set(
      this.data.comments.themes
        .flatMap((theme) => [...theme.examples, ...Object.values(theme.townExamples).flat()])
        .map((quoted) => quoted.questionTitle),
    );
    if (titles.size <= 1) return "";
    return separator === undefined ? `（${example.questionTitle}）` : `${separator}${example.questionTitle}`;
  }

  isBelowTarget(code: string): boolean {
    return this.belowTarget.has(code);
  }

  get anyBelowTarget(): boolean {
    return this.belowTarget.size > 0;
  }

  /** The comparison with last year's wave of one measure, if there is one. */
  measure(kind: MeasureComparison["kind"], key: string): MeasureComparison | undefined {
    return "comparison" in this.data.previous
      ? this.data.previous.comparison.measures.find((measure) => measure.kind === kind && measure.key === key)
      : undefined;
  }

  change(kind: MeasureComparison["kind"], key: string, townCode?: string): EstimateChange | undefined {
    const measure = this.measure(kind, key);
    if (!measure) return undefined;
    return townCode === undefined ? measure.district : measure.towns.find((town) => town.code === townCode)?.change;
  }

  itemTitle(question: string): string {
    return this.data.results.items.find((item) => item.question === question)?.title ?? question;
  }

  dimensionName(code: string): string {
    return this.data.results.dimensions.find((dimension) => dimension.code === code)?.name ?? code;
  }
}
