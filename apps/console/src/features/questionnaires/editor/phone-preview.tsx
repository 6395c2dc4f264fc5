import { useEffect, useRef, useState } from "react";
import { PREVIEW_READY, type PreviewMessage } from "../../../preview/preview-message";
import { studioStrings as text } from "../strings";

/** The preview's own page of the console build (see vite.config.ts). */
const PREVIEW_PAGE = "/console/preview.html";

/** How long typing pauses before the preview redraws. */
const REDRAW_DELAY_MS = 400;

/**
 * The draft as a resident sees it: a 390-px frame holding the resident app's questionnaire (preview.html), sent
 * the draft as it is edited and opened at the area being edited. Nothing is verified, held or stored.
 */
export function PhonePreview({
  definition,
  page,
  question,
}: {
  definition: Record<string, unknown>;
  page: number;
  question: string | null;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow) return;
      if ((event.data as { type?: unknown } | null)?.type === PREVIEW_READY) setReady(true);
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  useEffect(() => {
    if (!ready) return;
    const timer = window.setTimeout(() => {
      const message: PreviewMessage = { type: "questionnaire-preview", definition, page, question };
      frame.current?.contentWindow?.postMessage(message, window.location.origin);
    }, REDRAW_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [ready, definition, page, question]);

  return (
    <div className="phone">
      <p className="field__help">{text.previewHelp}</p>
      <div className="phone__bezel">
        <iframe
          ref={frame}
          className="phone__screen"
          title={text.previewFrame}
          src={PREVIEW_PAGE}
          data-testid="phone-preview"
        />
      </div>
    </div>
  );
}
