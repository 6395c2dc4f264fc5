import { type ReactNode, useEffect } from "react";
import { SiteHeader } from "../components/site-header";
import { StepIndicator } from "../components/step-indicator";

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
  return (
    <div className="app">
      <SiteHeader title={title} aside={aside} />
      <main className="page">
        {step === undefined ? null : <StepIndicator current={step} />}
        {children}
      </main>
    </div>
  );
}
