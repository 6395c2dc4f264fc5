import "./progress-bar.css";
import type { ReactNode } from "react";
import { strings } from "../strings";

/** Sticky at the top while scrolling: which area, how far through, and whether the answers are saved. */
export function ProgressBar({
  pageNo,
  pageCount,
  pageTitle,
  status,
}: {
  pageNo: number;
  pageCount: number;
  pageTitle: string;
  status: ReactNode;
}) {
  const done = pageCount > 0 ? Math.round(((pageNo + 1) / pageCount) * 100) : 0;
  return (
    <div className="progress">
      <div className="progress__meta">
        <span className="progress__page">
          <strong>
            {pageNo + 1}/{pageCount}
          </strong>{" "}
          {pageTitle}
        </span>
        {status}
      </div>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={strings.questionnaire.progressLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={done}
        aria-valuetext={strings.questionnaire.progressText(pageNo + 1, pageCount)}
      >
        <div className="progress__fill" style={{ width: `${done}%` }} />
      </div>
    </div>
  );
}
