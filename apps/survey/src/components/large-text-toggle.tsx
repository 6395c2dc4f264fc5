import { useState } from "react";
import { chooseLargeText, largeTextChosen } from "../session/large-text";
import { strings } from "../strings";

/** The 大字 switch: a toggle button (aria-pressed) that enlarges all text and touch targets. */
export function LargeTextToggle() {
  const [on, setOn] = useState(largeTextChosen);
  return (
    <button
      type="button"
      className="large-text-toggle"
      aria-pressed={on}
      aria-label={strings.largeText.label}
      onClick={() => {
        chooseLargeText(!on);
        setOn(!on);
      }}
    >
      <span aria-hidden="true">{strings.largeText.short}</span>
    </button>
  );
}
