import { type ReactNode, useEffect, useRef } from "react";
import { SiteHeader } from "../components/site-header";
import { StepIndicator } from "../components/step-indicator";
import { markRoomyText } from "../session/large-text";

/** Header, optional step indicator and a centred column: the frame of every screen. */
export function Layout({
  title,
  aside,
  step,
  children,
}: {
  title?: string;
  aside?: ReactNode;
  step?: number;
  children: ReactNode;
}) {
  // WeChat shows the document title in its top bar.
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  const main = useRef<HTMLElement>(null);
  // A new screen: focus its heading, so a screen reader reads it and the keyboard starts there, not on <body>.
  useEffect(() => {
    markRoomyText();
    if (main.current) focusHeading(main.current);
  }, []);
  return (
    <div className="app">
      <SiteHeader title={title} aside={aside} />
      <main className="page" ref={main}>
        {step === undefined ? null : <StepIndicator current={step} />}
        {children}
      </main>
    </div>
  );
}

/** Focuses the first heading of a screen (or of a questionnaire page) without scrolling to it. */
export function focusHeading(within: ParentNode): void {
  const heading = within.querySelector<HTMLElement>(".sd-page__title, .first-page__title, h1");
  if (!heading) return;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
}
