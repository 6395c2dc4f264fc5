import type { ReactNode } from "react";
import { strings } from "../strings";
import { LargeTextToggle } from "./large-text-toggle";

/** The bar every screen shares: the office's emblem, the survey title and, on the right, a status. */
export function SiteHeader({ title, aside }: { title?: string; aside?: ReactNode }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <span className="site-header__emblem" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path
              fill="currentColor"
              d="M12 2.5 3.5 6.6v5.1c0 4.9 3.6 9.1 8.5 10.3 4.9-1.2 8.5-5.4 8.5-10.3V6.6L12 2.5Zm-1.2 13.8-3.6-3.6 1.4-1.4 2.2 2.2 4.9-4.9 1.4 1.4-6.3 6.3Z"
            />
          </svg>
        </span>
        <div className="site-header__text">
          <p className="site-header__title">{title || strings.header.fallbackTitle}</p>
          <p className="site-header__office">{strings.header.office}</p>
        </div>
        {aside ? <div className="site-header__aside">{aside}</div> : null}
        <LargeTextToggle />
      </div>
    </header>
  );
}
