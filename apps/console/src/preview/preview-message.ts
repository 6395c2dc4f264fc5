/**
 * What the studio posts to the preview frame (same origin only): the draft to show and the page to open.
 * The frame stores nothing and sends nothing anywhere.
 */
export interface PreviewMessage {
  type: "questionnaire-preview";
  definition: Record<string, unknown>;
  /** The questionnaire page (area) to show, 0-based. */
  page: number;
  /** The question being edited, scrolled into view. */
  question: string | null;
}

export function isPreviewMessage(data: unknown): data is PreviewMessage {
  if (typeof data !== "object" || data === null) return false;
  const message = data as Partial<PreviewMessage>;
  return (
    message.type === "questionnaire-preview" &&
    typeof message.definition === "object" &&
    message.definition !== null &&
    typeof message.page === "number"
  );
}

/** The frame tells the studio it is ready for the first draft. */
export const PREVIEW_READY = "questionnaire-preview-ready";
